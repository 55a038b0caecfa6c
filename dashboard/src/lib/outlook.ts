/**
 * The 研判 view's figures from mart_outlook, mart_outlook_accuracy and mart_future_gap: one
 * industry's history and outlook as a fan, and per industry the back-test of the chosen method
 * beside the naive baseline.
 */
import type { FutureGapRow, OutlookAccuracyRow, OutlookRow } from './types-plan.ts';

export interface FanPoint {
  year: number; kind: 'actual' | 'outlook'; openings: number;
  lo80: number | null; hi80: number | null; lo95: number | null; hi95: number | null;
}

/** An industry's openings by year, recorded then forecast; the last recorded year starts the fan (its band is the point). */
export function fan(rows: readonly OutlookRow[], industry: string): FanPoint[] {
  const points = rows.filter((r) => r.industry_code === industry).toSorted((a, b) => a.year - b.year).map((r): FanPoint => ({
    year: r.year, kind: r.kind, openings: r.openings,
    lo80: r.openings_lo80, hi80: r.openings_hi80, lo95: r.openings_lo95, hi95: r.openings_hi95,
  }));
  const lastActual = points.findLastIndex((p) => p.kind === 'actual');
  if (lastActual >= 0 && points.some((p) => p.kind === 'outlook')) {
    const p = points[lastActual];
    points[lastActual] = { ...p, lo80: p.openings, hi80: p.openings, lo95: p.openings, hi95: p.openings };
  }
  return points;
}

export interface Accuracy {
  industry_code: string;
  method: OutlookAccuracyRow['method'];
  mape: number | null;
  baseline_mape: number | null;
  coverage80: number | null;
  coverage95: number | null;
  origins: number;
  /** The chosen method's back-test error is below the naive baseline's; false when it is the baseline. */
  beats_baseline: boolean;
  /** No origin could be back-tested (too short a history): the figures are absent, not zero. */
  untested: boolean;
}

/** Per industry, the method the outlook uses and its back-test against the naive last-value baseline. */
export function accuracy(rows: readonly OutlookAccuracyRow[]): Accuracy[] {
  return rows.filter((r) => r.chosen).map((r) => ({
    industry_code: r.industry_code, method: r.method, mape: r.mape, baseline_mape: r.baseline_mape,
    coverage80: r.coverage80, coverage95: r.coverage95, origins: r.origins,
    beats_baseline: r.method !== 'naive' && r.mape !== null && r.baseline_mape !== null && r.mape < r.baseline_mape,
    untested: r.origins === 0 || r.mape === null,
  })).toSorted((a, b) => (a.industry_code < b.industry_code ? -1 : 1));
}

/** The future gap of one industry in the years the cohort flow reaches (NULL gap: not reached, left out). */
export const futureGap = (rows: readonly FutureGapRow[], industry: string) =>
  rows.filter((r) => r.industry_code === industry && r.future_gap !== null).toSorted((a, b) => a.year - b.year);
