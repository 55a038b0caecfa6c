/**
 * Points placed before the ordinary draw because the calibration depends on them: the few
 * schools serving a designated industry (先进材料 by 3, 低空经济 by 4) and the heavily
 * duplicated majors (offered by 40+ schools).
 */
import type { Rng } from './mulberry32.ts';
import type { Major } from './reference.ts';
import type { SampleSize } from './sizes.ts';
import type { MajorPools } from './major-pools.ts';
import { type SchoolPlan, addPoint, freeSlots } from './school-plan.ts';
import { randInt, sampleWeighted, shuffled } from './random.ts';

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> =>
  items.reduce((m, item) => m.set(key(item), (m.get(key(item)) ?? 0) + 1), new Map<string, number>());

/**
 * Gives each designated industry its schools: all at the level with most majors serving it,
 * one school per entry of `size.designated`, with a point opened in each year listed.
 */
export function placeDesignated(rng: Rng, plans: readonly SchoolPlan[], pools: MajorPools, size: SampleSize): void {
  const taken = new Set<SchoolPlan>();
  for (const [industry, entries] of Object.entries(size.designated)) {
    const majors = pools.designated.get(industry) ?? [];
    const schoolsAt = countBy(plans, (p) => p.school.level);
    const perLevel = [...countBy(majors, (m) => m.level)].filter(([level]) => schoolsAt.get(level)! >= entries.length);
    if (!perLevel.length) throw new Error(`no level has both majors serving ${industry} and ${entries.length} schools`);
    const level = perLevel.sort((a, b) => b[1] - a[1])[0][0];
    // Prefer majors serving only this designated industry, so the other's school count is untouched.
    const elsewhere = (m: Major) => [...pools.designated].some(([other, ms]) => other !== industry && ms.includes(m));
    const candidates = shuffled(rng, majors.filter((m) => m.level === level)).sort((a, b) => +elsewhere(a) - +elsewhere(b));
    const schools = shuffled(rng, plans.filter((p) => p.school.level === level && !taken.has(p))).slice(0, entries.length);
    schools.forEach((plan, i) => {
      taken.add(plan);
      entries[i].slice(0, candidates.length).forEach((opened, k) => addPoint(plan, candidates[(i + k) % candidates.length], opened));
    });
  }
}

/**
 * Makes the majors named by `size.duplicated.keywords` common: each offered by more than
 * minSchools schools of its level (the level with most schools when a name exists at several).
 */
export function placeDuplicated(
  rng: Rng,
  plans: readonly SchoolPlan[],
  pools: MajorPools,
  size: SampleSize,
  openYear: (major: Major) => number,
): Major[] {
  const { keywords, minSchools } = size.duplicated;
  const schoolsAt = countBy(plans, (p) => p.school.level);
  const open = Object.values(pools.matched).flat().concat(Object.values(pools.unmatched).flat());
  const chosen: Major[] = [];
  for (const keyword of keywords) {
    const major = open
      .filter((m) => m.major_name.includes(keyword) && !chosen.includes(m) && schoolsAt.get(m.level)! > minSchools + 1)
      .sort((a, b) => schoolsAt.get(b.level)! - schoolsAt.get(a.level)! || a.major_code.localeCompare(b.major_code))[0];
    if (!major) continue;
    chosen.push(major);
    const eligible = plans.filter((p) => p.school.level === major.level && freeSlots(p) > 0 && !p.points.has(major.major_code));
    const k = randInt(rng, minSchools + 1, Math.max(minSchools + 1, Math.floor(0.8 * schoolsAt.get(major.level)!)));
    for (const plan of sampleWeighted(rng, eligible, freeSlots, k)) addPoint(plan, major, openYear(major));
  }
  return chosen;
}
