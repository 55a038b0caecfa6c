/**
 * demand.csv of the scaled samples: each industry's openings follow its supply and demand
 * profile as in the city sample (pipeline/sample/demand-profile.ts), but are spread over the
 * synthetic counties by a Zipf pull on county rank weighted by province population, so that
 * jobs concentrate in the large provinces' urban cores.
 */
import { rngFor } from '../mulberry32.ts';
import { LEVELS } from '../reference.ts';
import type { DemandOptions, DemandRow } from '../demand.ts';
import { lastYearOpenings } from '../demand.ts';
import { DEFAULT_DEMAND, DEMAND_PROFILES, LEVEL_DEMAND_SHARE, demandIndex } from '../demand-profile.ts';
import { apportion } from '../apportion.ts';
import { jitter } from '../random.ts';
import { countyPull, type County } from './counties.ts';

/** Zipf exponent of jobs over county rank: jobs concentrate more than secondary schools do. */
export const JOB_PULL = 0.9;

/** As the city's demand options, with synthetic counties in place of the city's districts. */
export type ScaledDemandOptions = Omit<DemandOptions, 'districts'> & { counties: readonly County[] };

/** One industry's openings per county × level in a year (index county × 3 + level). */
function industryCells(options: ScaledDemandOptions, industry: string, geography: number[], year: number): number[] {
  const { first, last } = options.years;
  const profile = DEMAND_PROFILES[industry] ?? DEFAULT_DEMAND;
  const rng = rngFor(options.seed, 'scale-demand', industry, year);
  const total = lastYearOpenings(industry, options.supply.get(industry) ?? 0) * demandIndex(profile, first, year) / demandIndex(profile, first, last);
  return apportion(Math.round(total * (year === last ? 1 : jitter(rng, 0.03))), geography.map((w) => w * jitter(rng, 0.25)));
}

/** All demand rows, year by year, sorted by county, industry and level within a year. */
export function* scaledDemandRows(options: ScaledDemandOptions): Generator<DemandRow> {
  const industries = [...options.industries].sort((a, b) => a.industry_code.localeCompare(b.industry_code));
  // Each industry's geography stays fixed across the years: county pull × its level mix.
  const geography = industries.map((i) => {
    const rng = rngFor(options.seed, 'scale-demand', i.industry_code);
    const levels = LEVELS.map((level) => LEVEL_DEMAND_SHARE[level] * jitter(rng, 0.3));
    return options.counties.flatMap((c) => {
      const pull = countyPull(c, JOB_PULL) * jitter(rng, 0.4);
      return levels.map((share) => pull * share);
    });
  });
  for (let year = options.years.first; year <= options.years.last; year++) {
    const cells = industries.map((i, k) => industryCells(options, i.industry_code, geography[k], year));
    const ratioRng = rngFor(options.seed, 'scale-seekers', year);
    for (const [c, county] of options.counties.entries()) {
      for (const [k, industry] of industries.entries()) {
        const ratio = (DEMAND_PROFILES[industry.industry_code] ?? DEFAULT_DEMAND).ratio;
        for (const [l, level] of LEVELS.entries()) {
          const openings = cells[k][c * LEVELS.length + l];
          const row = { year, district_code: county.district_code, industry_code: industry.industry_code, level, openings };
          yield { ...row, seekers: Math.round(openings / (ratio * jitter(ratioRng, 0.2))) };
        }
      }
    }
  }
}
