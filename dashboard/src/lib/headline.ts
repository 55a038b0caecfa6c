/**
 * The overview's headline figures for any filter combination: sums of mart_overview rows, with
 * match rate and digital share recomputed from the sums (never averaged over slices).
 */
import { ratio, rollup, totals } from './aggregate.ts';
import type { OverviewRow } from './types.ts';

const ADDITIVE = ['schools', 'programme_points', 'matched_points', 'students', 'estimated_students', 'matched_students',
  'digital_students', 'graduates', 'estimated_graduates'] as const;

export type Headline = Record<(typeof ADDITIVE)[number], number> & {
  /** matched_points ÷ programme_points */
  match_rate: number | null;
  /** digital_students ÷ students */
  digital_share: number | null;
};

function withRatios(sums: Record<(typeof ADDITIVE)[number], number>): Headline {
  return { ...sums, match_rate: ratio(sums.matched_points, sums.programme_points), digital_share: ratio(sums.digital_students, sums.students) };
}

export function headline(rows: readonly OverviewRow[]): Headline {
  return withRatios(totals(rows, ADDITIVE));
}

/** Headline per year, ascending: feeds sparklines and year-on-year changes. */
export function headlineByYear(rows: readonly OverviewRow[]): { year: number; value: Headline }[] {
  return [...rollup(rows, (r) => String(r.year), ADDITIVE)]
    .map(([year, sums]) => ({ year: Number(year), value: withRatios(sums) }))
    .sort((a, b) => a.year - b.year);
}
