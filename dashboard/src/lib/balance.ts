/**
 * Supply vs demand per industry for any filter combination, recomputed from the additive slices
 * with the same rules as mart_industry (docs/metrics.md), so that with no filter the dashboard
 * shows exactly the warehouse's figures.
 */
import { ratio, rollup, where } from './aggregate.ts';
import type { DemandSliceRow, Signal, SignalPolicy, SupplySliceRow } from './types.ts';
import type { Filters } from './url-state.ts';

export interface Balance {
  industry_code: string;
  schools: number;
  programme_points: number;
  supply: number;
  /** The part of supply resting on estimated graduates. */
  supply_estimated: number;
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
 * F = S ÷ D to 9 decimals, as int_industry_balance rounds it: a weighted supply carries binary
 * residue (32.8 ÷ 41 = 0.7999…), and a ratio exactly on a signal threshold must read as on it.
 */
function fillRatio(supply: number, demand: number): number | null {
  const f = ratio(supply, demand);
  return f === null ? null : Math.round(f * 1e9) / 1e9;
}

interface Sums { schools: number; programme_points: number; supply: number; supply_estimated: number; openings: number; seekers: number; demand: number }

const noSums = (): Sums => ({ schools: 0, programme_points: 0, supply: 0, supply_estimated: 0, openings: 0, seekers: 0, demand: 0 });

/** The supply slices' additive columns. */
const SUPPLY_SUMS = ['schools', 'programme_points', 'supply', 'supply_estimated'] as const;

/** An industry's Balance from its summed slices, with the rules of mart_industry. */
function balanceOf(industry_code: string, sums: Sums, policy: SignalPolicy): Balance {
  const { schools, programme_points, supply, supply_estimated, openings, seekers, demand } = sums;
  const fill_ratio = fillRatio(supply, demand);
  const suppressed = openings < policy.min_openings;
  const demand_ratio = suppressed ? null : ratio(openings, seekers);
  return {
    industry_code, schools, programme_points, supply, supply_estimated, demand, gap: demand - supply, fill_ratio,
    openings, seekers, demand_ratio, suppressed, signal: classify(fill_ratio, policy),
    tight: demand_ratio !== null && demand_ratio > policy.tight_above,
  };
}

/**
 * One Balance per industry code given, in that order. Supply and demand rows must already be
 * filtered (demand has no ownership: pass it unfiltered by ownership).
 */
export function industryBalance(codes: readonly string[], supply: readonly SupplySliceRow[],
  demand: readonly DemandSliceRow[], policy: SignalPolicy): Balance[] {
  const s = rollup(supply, (r) => r.industry_code, SUPPLY_SUMS);
  const d = rollup(demand, (r) => r.industry_code, ['openings', 'seekers', 'demand']);
  return codes.map((code) => balanceOf(code, { ...noSums(), ...s.get(code), ...d.get(code) }, policy));
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

/** A year's balances, and how many slice rows the filters kept on each side. */
export interface YearBalances { year: number; balances: Balance[]; rows: { supply: number; demand: number } }

/**
 * industryBalance for each of `years` under the other filters, in one pass over each slice (a
 * filter change on the gaps view recomputes every year of the trend): no filtered copy, no
 * grouping by year first.
 */
export function balancesByYear(codes: readonly string[], supply: readonly SupplySliceRow[], demand: readonly DemandSliceRow[],
  filters: Filters, years: readonly number[], policy: SignalPolicy): YearBalances[] {
  const { level, district, ownership } = filters;
  const sums: YearSums = new Map(years.map((year) => [year, { rows: { supply: 0, demand: 0 }, by: new Map(codes.map((c) => [c, noSums()])) }]));
  const kept = (r: Pick<DemandSliceRow, 'level' | 'district_code'>) => (!level || r.level === level) && (!district || r.district_code === district);
  addRows(supply, (r) => kept(r) && (!ownership || r.ownership === ownership), sums, 'supply', SUPPLY_SUMS);
  addRows(demand, kept, sums, 'demand', ['openings', 'seekers', 'demand']);
  return years.map((year) => {
    const { rows, by } = sums.get(year)!;
    return { year, rows, balances: codes.map((code) => balanceOf(code, by.get(code)!, policy)) };
  });
}

type YearSums = Map<number, { rows: YearBalances['rows']; by: Map<string, Sums> }>;

/** Adds the rows `keep` accepts to their year's sums (`fields` summed, nulls as 0) and counts them on their side. */
function addRows<R extends SupplySliceRow | DemandSliceRow>(rows: readonly R[], keep: (row: R) => boolean, sums: YearSums,
  side: keyof YearBalances['rows'], fields: readonly (keyof Sums & keyof R)[]) {
  for (const r of rows) {
    const year = keep(r) ? sums.get(r.year) : undefined;
    if (!year) continue;
    year.rows[side]++;
    const acc = year.by.get(r.industry_code);
    if (acc) for (const f of fields) acc[f] += (r[f] as number | null) ?? 0;
  }
}

/** Nothing to show: no programme under the filters, and no demand either where demand can follow them. */
export function matchesNothing(rows: YearBalances['rows'], filters: Filters): boolean {
  return !rows.supply && (supplyOnly(filters) || !rows.demand);
}
