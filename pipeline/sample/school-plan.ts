/**
 * A school's programme points while they are being planned: how many active points it has in
 * the last year (slots) and which majors fill them.
 */
import type { Rng } from './mulberry32.ts';
import type { Major } from './reference.ts';
import type { School } from './schools.ts';
import type { SampleSize } from './sizes.ts';
import { randInt, sampleWeighted } from './random.ts';

/** One school offering one major over the years (the rows of programmes.csv come from it). */
export interface Point {
  school_code: string;
  major: Major;
  /** First year of intake (autumn). */
  opened: number;
  /** Year intake stops (停招, then 撤销 once the last cohort leaves); null if it recruits to the end. */
  stopped: number | null;
  /** Relative yearly intake, before the sample is scaled to its graduate total. */
  size: number;
}

export interface SchoolPlan {
  school: School;
  /** Active points in the last year. */
  slots: number;
  points: Map<string, Point>;
  /** 专业大类 the school is known for: its majors cluster there, as real schools' do. */
  focus: Set<string>;
}

/** Free slots left for ordinary majors. */
export const freeSlots = (plan: SchoolPlan): number => plan.slots - plan.points.size;

/** Adds a point (size is set later, once every point is known). */
export function addPoint(plan: SchoolPlan, major: Major, opened: number, stopped: number | null = null): void {
  plan.points.set(major.major_code, { school_code: plan.school.school_code, major, opened, stopped, size: 1 });
}

/** Majors of a pool the school does not offer yet. */
export const notOffered = (plan: SchoolPlan, pool: readonly Major[]): Major[] =>
  pool.filter((m) => !plan.points.has(m.major_code));

/**
 * Draws slot counts within each level's range, then nudges them one by one until they add up
 * exactly to the active points wanted. `capacity` caps a level (the majors it can choose from).
 */
export function drawSlots(rng: Rng, schools: readonly School[], size: SampleSize, capacity: (plan: School) => number): number[] {
  const bounds = schools.map((s) => {
    const [low, high] = size.pointsPerSchool[s.level];
    return [Math.min(low, capacity(s)), Math.min(high, capacity(s))];
  });
  const slots = bounds.map(([low, high]) => randInt(rng, low, high));
  let gap = size.activePoints - slots.reduce((a, b) => a + b, 0);
  while (gap !== 0) {
    const step = Math.sign(gap);
    const movable = slots.flatMap((n, i) => (step > 0 ? n < bounds[i][1] : n > bounds[i][0]) ? [i] : []);
    if (!movable.length) throw new Error(`cannot reach ${size.activePoints} active points within pointsPerSchool`);
    slots[movable[Math.floor(rng() * movable.length)]] += step;
    gap -= step;
  }
  return slots;
}

/** Picks k majors for a school, favouring popular majors and those in the school's focus. */
export function chooseMajors(rng: Rng, plan: SchoolPlan, pool: readonly Major[], k: number, popularity: Map<string, number>): Major[] {
  const candidates = notOffered(plan, pool);
  if (candidates.length < k) throw new Error(`${plan.school.school_name}: ${k} majors wanted, ${candidates.length} available`);
  const weight = (m: Major) => popularity.get(m.major_code)! * (plan.focus.has(m.division_code) ? 4 : 1);
  return sampleWeighted(rng, candidates, weight, k);
}
