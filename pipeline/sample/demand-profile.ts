/**
 * The demand side of the calibration, per industry: how well the last year's supply fills
 * demand (fill), the openings-per-seeker ratio (ratio) and how demand grew over the years.
 * Industries not listed use DEFAULT_DEMAND (balanced, flat).
 */
import type { Level } from './reference.ts';

export interface DemandProfile {
  /** Target supply ÷ demand in the last year: < 0.8 shortage, > 1.2 oversupply. */
  fill: number;
  /** Target openings ÷ seekers (求人倍率), city-wide. */
  ratio: number;
  /** Yearly demand growth. */
  growth: number;
  /** A surge: from this year on, growth is surge.growth instead. */
  surge?: { from: number; growth: number };
  /** Openings in the last year at least (an industry can be short of almost all its workers). */
  minOpenings?: number;
}

export const DEFAULT_DEMAND: DemandProfile = { fill: 1, ratio: 1, growth: 0.03 };

export const DEMAND_PROFILES: Record<string, DemandProfile> = {
  // Served by three schools only: a clear shortage.
  advanced_materials: { fill: 0.35, ratio: 1.6, growth: 0.06, minOpenings: 900 },
  // Demand surges from 2023; the programmes answering it have hardly any graduates yet.
  low_altitude: { fill: 0.3, ratio: 2.2, growth: 0.04, surge: { from: 2023, growth: 0.55 }, minOpenings: 2000 },
  // As published for the city: demand ratio of AI and intelligent manufacturing above 1.5 for years.
  ai: { fill: 0.62, ratio: 1.9, growth: 0.25 },
  smart_manufacturing: { fill: 0.72, ratio: 1.75, growth: 0.08 },
  new_energy: { fill: 0.75, ratio: 1.45, growth: 0.2 },
  auto_nev: { fill: 0.9, ratio: 1.3, growth: 0.12 },
  electronics: { fill: 1.0, ratio: 1.1, growth: 0.03 },
  software: { fill: 1.1, ratio: 1.2, growth: 0.06 },
  biomedicine: { fill: 0.95, ratio: 1.05, growth: 0.04 },
  food: { fill: 1.35, ratio: 0.8, growth: 0 },
  modern_logistics: { fill: 1.3, ratio: 0.9, growth: 0.02 },
  culture_tourism: { fill: 1.5, ratio: 0.7, growth: 0.01 },
  health_care: { fill: 0.9, ratio: 1.2, growth: 0.05 },
  construction: { fill: 1.6, ratio: 0.6, growth: -0.04 },
};

/** Share of openings asking for each level (before per-industry noise). */
export const LEVEL_DEMAND_SHARE: Record<Level, number> = { secondary: 0.38, higher: 0.5, bachelor: 0.12 };

/** How strongly each kind of area draws openings: jobs concentrate in the central city. */
export const AREA_DEMAND_PULL = { central: 3, newTown: 2, outer: 1.2 };

/** Openings index of a year relative to the first year (1 in the first year). */
export function demandIndex(profile: DemandProfile, firstYear: number, year: number): number {
  let index = 1;
  for (let y = firstYear + 1; y <= year; y++) index *= 1 + (profile.surge && y >= profile.surge.from ? profile.surge.growth : profile.growth);
  return index;
}

/** Industries whose demand grows fast: more of their programmes opened during the years. */
export const emergingIndustries = (threshold = 0.1): Set<string> =>
  new Set(Object.entries(DEMAND_PROFILES).flatMap(([code, p]) => (p.growth >= threshold || p.surge ? [code] : [])));
