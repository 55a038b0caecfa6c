/**
 * Programme points of the scaled samples, planned school by school in one pass (no calibration
 * loop, so it stays linear in the number of schools): school sizes are log-normal, majors are
 * chosen by a Zipf popularity within each level with a pull towards the school's two 专业大类,
 * and the last year's active points add up exactly to the size's activePoints.
 */
import { rngFor, type Rng } from '../mulberry32.ts';
import { LEVELS, type Level, type Major, type Reference } from '../reference.ts';
import type { School } from '../schools.ts';
import type { Point } from '../school-plan.ts';
import { apportion, apportionCapped } from '../apportion.ts';
import { randInt, sampleWeighted, shuffled, skewed } from '../random.ts';
import type { ScaleSize } from './scale-sizes.ts';

/** Popularity of each major: Zipf over a shuffled rank within its level, so a few majors are everywhere. */
export function majorPopularity(rng: Rng, majors: readonly Major[]): Map<string, number> {
  return new Map(
    LEVELS.flatMap((level) => shuffled(rng, majors.filter((m) => m.level === level)).map((m, i) => [m.major_code, 1 / (i + 1)] as const)),
  );
}

/** Active points per school in the last year: a floor each, the rest shared by log-normal size within caps. */
function drawSlots(rng: Rng, schools: readonly School[], size: ScaleSize, capacity: Record<Level, number>): number[] {
  const slots = new Array<number>(schools.length).fill(0);
  const perLevel = apportion(size.activePoints, LEVELS.map((level) => size.pointShare[level]));
  LEVELS.forEach((level, l) => {
    const at = schools.flatMap((s, i) => (s.level === level ? [i] : []));
    const [low, high] = size.pointsPerSchool[level].map((n) => Math.min(n, capacity[level]));
    const extra = apportionCapped(perLevel[l] - low * at.length, at.map(() => skewed(rng, size.schoolSkew)), at.map(() => high - low));
    at.forEach((i, k) => (slots[i] = low + extra[k]));
  });
  return slots;
}

interface PlanContext {
  rng: Rng;
  size: ScaleSize;
  byLevel: Record<Level, Major[]>;
  popularity: Map<string, number>;
  /** Majors serving a fast-growing industry: more of their points opened during the years. */
  emerging: Set<string>;
}

function schoolPoints(ctx: PlanContext, school: School, slots: number): Point[] {
  const { rng, size } = ctx;
  const { first, last } = size.years;
  const pool = ctx.byLevel[school.level];
  const divisions = [...new Set(pool.map((m) => m.division_code))];
  const focus = new Set(sampleWeighted(rng, divisions, (d) => pool.filter((m) => m.division_code === d).length, 2));
  const retired = Math.min(pool.length - slots, Math.floor(size.retiredShare * slots + rng()));
  const chosen = sampleWeighted(rng, pool, (m) => ctx.popularity.get(m.major_code)! * (focus.has(m.division_code) ? 4 : 1), slots + retired);
  const schoolSize = skewed(rng, size.schoolSkew);
  return chosen
    .map((major, k) => {
      const stops = k >= slots;
      const openedLate = !stops && rng() < size.openedShare * (ctx.emerging.has(major.major_code) ? 3 : 1);
      return {
        school_code: school.school_code,
        major,
        opened: openedLate ? randInt(rng, first, last) : first - randInt(rng, stops ? 3 : 1, 12),
        stopped: stops ? randInt(rng, first, last) : null,
        size: schoolSize * skewed(rng, 0.4) * ctx.popularity.get(major.major_code)! ** 0.25,
      };
    })
    .sort((a, b) => a.major.major_code.localeCompare(b.major.major_code));
}

/** Every point of the scaled sample, sorted by school and major. */
export function planScaledPoints(seed: number, schools: readonly School[], reference: Reference, size: ScaleSize, emerging: Set<string>): Point[] {
  const rng = rngFor(seed, 'scale-points');
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, reference.majors.filter((m) => m.level === l)])) as Record<Level, Major[]>;
  const servesEmerging = new Set(reference.crosswalk.filter((r) => emerging.has(r.industry_code)).map((r) => r.major_code));
  const ctx: PlanContext = { rng, size, byLevel, popularity: majorPopularity(rng, reference.majors), emerging: servesEmerging };
  const capacity = Object.fromEntries(LEVELS.map((l) => [l, byLevel[l].length])) as Record<Level, number>;
  const slots = drawSlots(rng, schools, size, capacity);
  return schools.flatMap((school, i) => schoolPoints(ctx, school, slots[i]));
}
