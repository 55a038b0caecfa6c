/**
 * demand.csv: openings and seekers per year × district × industry × level. The last year's
 * city-wide openings of an industry are sized from its supply and target fill ratio; earlier
 * years follow the industry's growth; cells are cut from the city figure so they add up to it.
 */
import { rngFor } from './mulberry32.ts';
import type { District, Industry } from './reference.ts';
import { LEVELS, type Level } from './reference.ts';
import { areaKind } from './schools.ts';
import { apportion } from './apportion.ts';
import { jitter } from './random.ts';
import {
  AREA_DEMAND_PULL,
  DEFAULT_DEMAND,
  DEMAND_PROFILES,
  type DemandProfile,
  LEVEL_DEMAND_SHARE,
  demandIndex,
} from './demand-profile.ts';

export interface DemandRow {
  year: number;
  district_code: string;
  industry_code: string;
  level: Level;
  openings: number;
  seekers: number;
}

export interface DemandOptions {
  seed: number;
  years: { first: number; last: number };
  districts: readonly District[];
  industries: readonly Industry[];
  /** Supply per industry in the last year (graduates × crosswalk weight). */
  supply: ReadonlyMap<string, number>;
}

/** City-wide openings of an industry in the last year. */
export function lastYearOpenings(industry: string, supply: number): number {
  const profile = DEMAND_PROFILES[industry] ?? DEFAULT_DEMAND;
  return Math.max(Math.round(supply / profile.fill), profile.minOpenings ?? 300);
}

/** An industry's fixed spread over districts and levels, and its last-year openings. */
interface IndustryPattern {
  industry: string;
  profile: DemandProfile;
  districtPull: number[];
  levelShare: number[];
  last: number;
}

function industryPattern(options: DemandOptions, industry: string): IndustryPattern {
  const rng = rngFor(options.seed, 'demand', industry);
  return {
    industry,
    profile: DEMAND_PROFILES[industry] ?? DEFAULT_DEMAND,
    districtPull: options.districts.map((d) => AREA_DEMAND_PULL[areaKind(d)] * jitter(rng, 0.4)),
    levelShare: LEVELS.map((level) => LEVEL_DEMAND_SHARE[level] * jitter(rng, 0.3)),
    last: lastYearOpenings(industry, options.supply.get(industry) ?? 0),
  };
}

/** One industry's cells in one year: the city figure for the year cut along the pattern, with noise. */
function industryYear(options: DemandOptions, pattern: IndustryPattern, year: number): DemandRow[] {
  const { first, last } = options.years;
  const rng = rngFor(options.seed, 'demand', pattern.industry, year);
  const noise = year === last ? 1 : jitter(rng, 0.03);
  const growth = demandIndex(pattern.profile, first, year) / demandIndex(pattern.profile, first, last);
  const cells = options.districts.flatMap((district, i) =>
    LEVELS.map((level, j) => ({ district, level, weight: pattern.districtPull[i] * pattern.levelShare[j] * jitter(rng, 0.25) })),
  );
  const openings = apportion(Math.round(pattern.last * noise * growth), cells.map((c) => c.weight));
  return cells.map((cell, k) => ({
    year,
    district_code: cell.district.district_code,
    industry_code: pattern.industry,
    level: cell.level,
    openings: openings[k],
    seekers: Math.round(openings[k] / (pattern.profile.ratio * jitter(rng, 0.2))),
  }));
}

const byDistrictIndustryLevel = (a: DemandRow, b: DemandRow) =>
  a.district_code.localeCompare(b.district_code) ||
  a.industry_code.localeCompare(b.industry_code) ||
  LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level);

/** All demand rows, one year at a time, sorted by district, industry and level within a year. */
export function* demandRows(options: DemandOptions): Generator<DemandRow> {
  const patterns = options.industries.map((i) => industryPattern(options, i.industry_code));
  for (let year = options.years.first; year <= options.years.last; year++) {
    yield* patterns.flatMap((pattern) => industryYear(options, pattern, year)).sort(byDistrictIndustryLevel);
  }
}
