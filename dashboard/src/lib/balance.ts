/**
 * Supply vs demand per industry for any filter combination, recomputed from the additive slices
 * with the same rules as mart_industry (docs/metrics.md), so that with no filter the dashboard
 * shows exactly the warehouse's figures.
 */
import { ratio, rollup, where } from './aggregate.ts';
import { groupBy } from '../../../pipeline/shared/group-by.ts';
import type { DemandSliceRow, Signal, SignalPolicy, SupplySliceRow } from './types.ts';
import type { Filters } from './url-state.ts';

export interface Balance {
  industry_code: string;
  schools: number;
  programme_points: number;
  supply: number;
  demand: number;
  /** demand − supply: positive means graduates are missing. */
  gap: number;
  fill_ratio: number | null;
  openings: number;
  seekers: number;
  /** openings ÷ seekers; null when suppressed (too few openings to be meaningful) or no seekers. */
  demand_ratio: number | null;
  suppressed: boolean;
  signal: Signal;
  tight: boolean;
}

/** The fill-ratio signal: shortage below, oversupply above the policy thresholds. */
export function classify(fill: number | null, policy: SignalPolicy): Signal {
  if (fill === null) return 'no_demand';
  if (fill < policy.shortage_below) return 'shortage';
  if (fill > policy.oversupply_above) return 'oversupply';
  return 'balanced';
}

/**
 * One Balance per industry code given, in that order. Supply and demand rows must already be
 * filtered (demand has no ownership: pass it unfiltered by ownership).
 */
export function industryBalance(codes: readonly string[], supply: readonly SupplySliceRow[],
  demand: readonly DemandSliceRow[], policy: SignalPolicy): Balance[] {
  const s = rollup(supply, (r) => r.industry_code, ['schools', 'programme_points', 'supply']);
  const d = rollup(demand, (r) => r.industry_code, ['openings', 'seekers', 'demand']);
  return codes.map((industry_code) => {
    const { schools, programme_points, supply: sup } = s.get(industry_code) ?? { schools: 0, programme_points: 0, supply: 0 };
    const { openings, seekers, demand: dem } = d.get(industry_code) ?? { openings: 0, seekers: 0, demand: 0 };
    const fill_ratio = ratio(sup, dem);
    const suppressed = openings < policy.min_openings;
    const demand_ratio = suppressed ? null : ratio(openings, seekers);
    return {
      industry_code, schools, programme_points, supply: sup, demand: dem, gap: dem - sup, fill_ratio,
      openings, seekers, demand_ratio, suppressed, signal: classify(fill_ratio, policy),
      tight: demand_ratio !== null && demand_ratio > policy.tight_above,
    };
  });
}

/**
 * Demand has no ownership: under an ownership filter only supply can follow it, so a view then
 * compares nothing with demand (no gap, fill ratio or signal) and says why.
 */
export const supplyOnly = (filters: Filters): boolean => filters.ownership !== '';

/** The supply and demand slices under the filters: ownership narrows supply only (demand has none). */
export function filterSlices(supply: readonly SupplySliceRow[], demand: readonly DemandSliceRow[], filters: Filters) {
  const { year, level, district, ownership } = filters;
  return {
    supply: where(supply, { year, level, district_code: district, ownership }),
    demand: where(demand, { year, level, district_code: district }),
  };
}

/**
 * industryBalance for each of `years` under the other filters: the slices are filtered once and
 * split by year, not filtered again for every year.
 */
export function balancesByYear(codes: readonly string[], supply: readonly SupplySliceRow[], demand: readonly DemandSliceRow[],
  filters: Filters, years: readonly number[], policy: SignalPolicy): Balance[][] {
  const slices = filterSlices(supply, demand, { ...filters, year: null });
  const s = groupBy(slices.supply, (r) => r.year);
  const d = groupBy(slices.demand, (r) => r.year);
  return years.map((year) => industryBalance(codes, s.get(year) ?? [], d.get(year) ?? [], policy));
}

/** Nothing to show: no programme under the filters, and no demand either where demand can follow them. */
export function matchesNothing(slices: ReturnType<typeof filterSlices>, filters: Filters): boolean {
  return !slices.supply.length && (supplyOnly(filters) || !slices.demand.length);
}
