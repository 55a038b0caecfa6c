/**
 * Loop tracking (闭环跟踪) summed over industries: mart_loop is additive in its counts and intake,
 * so a year's totals are sums and the share acted on is recomputed from them, never averaged.
 */
import { ratio, rollup, totals } from './aggregate.ts';
import type { LoopRow } from './types-recommend.ts';

const COUNTS = ['recommendations', 'acted', 'opened', 'expanded', 'reduced', 'not_acted', 'plan_added'] as const;

export type LoopTotals = Record<(typeof COUNTS)[number], number> & { share_acted: number | null };

const withShare = (sums: Record<(typeof COUNTS)[number], number>): LoopTotals => ({ ...sums, share_acted: ratio(sums.acted, sums.recommendations) });

export function loopTotals(rows: readonly LoopRow[]): LoopTotals {
  return withShare(totals(rows, COUNTS));
}

/** Totals per recommendation year, ascending. */
export function loopByYear(rows: readonly LoopRow[]): { year: number; value: LoopTotals }[] {
  return [...rollup(rows, (r) => String(r.year), COUNTS)].map(([year, sums]) => ({ year: Number(year), value: withShare(sums) }))
    .sort((a, b) => a.year - b.year);
}
