/**
 * Plans every programme point of the sample: which school offers which major, from which
 * year, and whether its intake stops. The last year's active points are built to hit the
 * calibration exactly (count, match rate, designated schools); the history around them is drawn.
 */
import { rngFor, type Rng } from './mulberry32.ts';
import type { Level, Major, Reference } from './reference.ts';
import type { School } from './schools.ts';
import type { SampleSize } from './sizes.ts';
import { buildMajorPools, type MajorPools } from './major-pools.ts';
import { placeDesignated, placeDuplicated } from './forced-points.ts';
import { type Point, type SchoolPlan, addPoint, chooseMajors, drawSlots, freeSlots, notOffered } from './school-plan.ts';
import { apportionCapped } from './apportion.ts';
import { jitter, pickWeighted, randInt, sampleWeighted, skewed } from './random.ts';

/** Typical yearly intake of a point by level (relative; the total is scaled to the graduates target). */
const LEVEL_INTAKE: Record<Level, number> = { secondary: 1, higher: 1.45, bachelor: 1.2 };

/** Each school's 专业大类 focus: two divisions, the big ones more likely. */
function drawFocus(rng: Rng, school: School, majors: readonly Major[]): Set<string> {
  const divisions = [...new Set(majors.filter((m) => m.level === school.level).map((m) => m.division_code))];
  const count = (d: string) => majors.filter((m) => m.level === school.level && m.division_code === d).length;
  return new Set(sampleWeighted(rng, divisions, count, 2));
}

/**
 * Fills the free slots so that exactly round(matchRate × activePoints) active points serve a
 * key industry; the unmatched share varies from school to school.
 */
function fillSlots(rng: Rng, plans: readonly SchoolPlan[], pools: MajorPools, size: SampleSize, openYear: (m: Major) => number) {
  const active = plans.flatMap((p) => [...p.points.values()]);
  const matchedTarget = Math.round(size.matchRate * size.activePoints);
  const unmatchedLeft = size.activePoints - matchedTarget - active.filter((p) => !pools.keyMatched.has(p.major.major_code)).length;
  const free = plans.map(freeSlots);
  const unmatchedCap = plans.map((p, i) => Math.min(free[i], notOffered(p, pools.unmatched[p.school.level]).length));
  const floor = plans.map((p, i) => Math.max(0, free[i] - notOffered(p, pools.matched[p.school.level]).length));
  const floorTotal = floor.reduce((a, b) => a + b, 0);
  if (unmatchedLeft < floorTotal) throw new Error(`match rate ${size.matchRate} not reachable: too few key-matched majors`);
  const extra = apportionCapped(
    unmatchedLeft - floorTotal,
    free.map((f) => f * jitter(rng, 0.7)),
    unmatchedCap.map((cap, i) => cap - floor[i]),
  );
  plans.forEach((plan, i) => {
    const unmatched = floor[i] + extra[i];
    const majors = [
      ...chooseMajors(rng, plan, pools.matched[plan.school.level], free[i] - unmatched, pools.popularity),
      ...chooseMajors(rng, plan, pools.unmatched[plan.school.level], unmatched, pools.popularity),
    ];
    for (const major of majors) addPoint(plan, major, openYear(major));
  });
}

/** Points whose intake stops during the years: mostly majors serving no key industry. */
function addRetired(rng: Rng, plans: readonly SchoolPlan[], pools: MajorPools, size: SampleSize): void {
  const { first, last } = size.years;
  for (let n = Math.round(size.retiredShare * size.activePoints); n > 0; n--) {
    const plan = pickWeighted(rng, plans, (p) => p.slots);
    const pool = rng() < 0.6 ? pools.unmatched : pools.matched;
    const [major] = chooseMajors(rng, plan, pool[plan.school.level], 1, pools.popularity);
    addPoint(plan, major, first - randInt(rng, 3, 12), randInt(rng, first, last));
  }
}

/**
 * All points of the sample, sorted by school and major. `emerging` industries (fast demand
 * growth) see more of their points opened during the years.
 */
export function planPoints(seed: number, schools: readonly School[], reference: Reference, size: SampleSize, emerging: Set<string>): Point[] {
  const rng = rngFor(seed, 'points');
  const pools = buildMajorPools(rng, reference, Object.keys(size.designated));
  const servesEmerging = new Set(reference.crosswalk.filter((r) => emerging.has(r.industry_code)).map((r) => r.major_code));
  const { first, last } = size.years;
  const openYear = (major: Major) =>
    rng() < size.openedShare * (servesEmerging.has(major.major_code) ? 3 : 1) ? randInt(rng, first, last) : first - randInt(rng, 1, 12);
  const capacity = (s: School) => pools.matched[s.level].length + pools.unmatched[s.level].length;
  const slots = drawSlots(rng, schools, size, capacity);
  const plans: SchoolPlan[] = schools.map((school, i) => ({
    school,
    slots: slots[i],
    points: new Map(),
    focus: drawFocus(rng, school, reference.majors),
  }));
  placeDesignated(rng, plans, pools, size);
  placeDuplicated(rng, plans, pools, size, openYear);
  fillSlots(rng, plans, pools, size, openYear);
  addRetired(rng, plans, pools, size);
  return plans.flatMap((plan) => {
    const schoolSize = skewed(rng, 0.3);
    return [...plan.points.values()]
      .sort((a, b) => a.major.major_code.localeCompare(b.major.major_code))
      .map((point) => ({
        ...point,
        size: LEVEL_INTAKE[plan.school.level] * schoolSize * skewed(rng, 0.4) * pools.popularity.get(point.major.major_code)! ** 0.25,
      }));
  });
}
