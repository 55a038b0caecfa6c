/**
 * Compares measured calibration figures with their targets; the generator refuses to finish
 * and the tests fail when any target is missed.
 */
import type { CalibrationFigures } from './calibration.ts';

export interface CalibrationTargets {
  activePoints: [number, number];
  matchRate: [number, number];
  graduates: [number, number];
  /** Industries served by exactly this many schools. */
  schoolsServing: Record<string, number>;
  /** Industries whose demand ratio must exceed `above`. */
  tight: { industries: string[]; above: number };
  /** Industries whose fill ratio must be below `below`. */
  shortage: { industries: string[]; below: number };
  /** Fill ratios counted as balanced; at least one industry in the band and one above it. */
  balanced: [number, number];
  /** Demand of `industry` grows by ≥ minGrowth first in year `from`; its points first grow lag years later. */
  surge: { industry: string; from: number; minGrowth: number; lag: [number, number] };
  /** At least `majors` majors are offered by `minSchools` schools or more. */
  duplicated: { minSchools: number; majors: number };
  /** Share of rows with graduates that report an employment rate, at least. */
  employmentFilled: number;
}

const within = (x: number, [low, high]: [number, number]) => x >= low && x <= high;

/** First year (after the first) in which a yearly series grows by more than `growth`. */
export function firstGrowthYear(series: Record<number, number>, growth: number): number | null {
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  const hit = years.find((y) => series[y - 1] !== undefined && series[y] > series[y - 1] * (1 + growth));
  return hit ?? null;
}

/** Every missed target as a readable line; empty when the sample is on target. */
export function checkCalibration(f: CalibrationFigures, t: CalibrationTargets): string[] {
  const misses: string[] = [];
  const miss = (ok: boolean, message: string) => ok || misses.push(message);
  miss(within(f.active_points, t.activePoints), `active points ${f.active_points} outside ${t.activePoints.join('–')}`);
  miss(within(f.match_rate, t.matchRate), `match rate ${f.match_rate.toFixed(4)} outside ${t.matchRate.join('–')}`);
  miss(within(f.graduates, t.graduates), `graduates ${Math.round(f.graduates)} outside ${t.graduates.join('–')}`);
  for (const [code, n] of Object.entries(t.schoolsServing))
    miss(f.industries[code]?.schools === n, `${code} served by ${f.industries[code]?.schools} schools, not ${n}`);
  for (const code of t.tight.industries) {
    const ratio = f.industries[code]?.demand_ratio ?? 0;
    miss(ratio > t.tight.above, `${code} demand ratio ${ratio.toFixed(2)} not above ${t.tight.above}`);
  }
  for (const code of t.shortage.industries) {
    const fill = f.industries[code]?.fill_ratio ?? Infinity;
    miss(fill < t.shortage.below, `${code} fill ratio ${fill.toFixed(2)} not below ${t.shortage.below}`);
  }
  const fills = Object.values(f.industries).flatMap((i) => (i.fill_ratio === null ? [] : [i.fill_ratio]));
  miss(fills.some((x) => within(x, t.balanced)), `no industry balanced (fill ratio ${t.balanced.join('–')})`);
  miss(fills.some((x) => x > t.balanced[1]), `no industry oversupplied (fill ratio above ${t.balanced[1]})`);
  const surging = f.industries[t.surge.industry];
  const surge = surging ? firstGrowthYear(surging.openings_by_year, t.surge.minGrowth) : null;
  const response = surging ? firstGrowthYear(surging.points_by_year, 0) : null;
  miss(surge === t.surge.from, `${t.surge.industry} demand surges first in ${surge}, not ${t.surge.from}`);
  const lag = surge !== null && response !== null ? response - surge : null;
  miss(lag !== null && within(lag, t.surge.lag), `${t.surge.industry} points respond after ${lag} years, not ${t.surge.lag.join('–')}`);
  const duplicated = f.schools_per_major.filter(([, n]) => n >= t.duplicated.minSchools).length;
  miss(duplicated >= t.duplicated.majors, `${duplicated} majors offered by ${t.duplicated.minSchools}+ schools, want ${t.duplicated.majors}+`);
  miss(f.employment_filled >= t.employmentFilled, `employment rate filled for ${f.employment_filled.toFixed(3)} of rows`);
  miss(f.missing_graduates > 0, 'no programme with graduates missing');
  miss(f.suspended_rows > 0 && f.closed_rows > 0, 'no suspended or no closed programme');
  miss(f.small_demand_cells > 0, 'no small demand cell (openings < 30)');
  miss(f.level_mismatches === 0, `${f.level_mismatches} programmes whose major level differs from the school's`);
  return misses;
}
