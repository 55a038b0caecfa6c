/** The 研判 view's figures from the outlook marts. */
import { describe, expect, it } from 'vitest';
import { accuracy, fan, futureGap } from '../../dashboard/src/lib/outlook.ts';
import type { OutlookAccuracyRow, OutlookRow } from '../../dashboard/src/lib/types-plan.ts';

const actual = (year: number, openings: number): OutlookRow => ({ industry_code: 'X', year, horizon: 0, kind: 'actual', method: null, openings,
  openings_lo80: null, openings_hi80: null, openings_lo95: null, openings_hi95: null });
const outlook = (year: number, openings: number): OutlookRow => ({ industry_code: 'X', year, horizon: year - 2025, kind: 'outlook', method: 'drift',
  openings, openings_lo80: openings - 10, openings_hi80: openings + 10, openings_lo95: openings - 20, openings_hi95: openings + 20 });
const score = (industry: string, method: OutlookAccuracyRow['method'], mape: number | null, baseline: number | null, origins = 4): OutlookAccuracyRow => ({
  industry_code: industry, method, chosen: true, reason: null, history_years: 7, origins, pairs: 10, mape, baseline_mape: baseline, coverage80: 0.8, coverage95: 1,
});

describe('outlook figures', () => {
  it('starts the fan at the last recorded year, in year order, other industries left out', () => {
    const points = fan([outlook(2026, 110), actual(2025, 100), actual(2024, 90), { ...actual(2025, 5), industry_code: 'Y' }], 'X');
    expect(points.map((p) => [p.year, p.kind, p.lo80, p.hi95])).toEqual([[2024, 'actual', null, null], [2025, 'actual', 100, 100], [2026, 'outlook', 100, 130]]);
    expect(fan([actual(2025, 100)], 'X')[0].lo80).toBeNull(); // no outlook: no fan to start
  });

  it('says whether the chosen method beats the naive baseline, and when it could not be tested', () => {
    const rows = [score('A', 'drift', 0.02, 0.11), score('B', 'naive', 0.3, 0.3), score('C', 'ets', 0.2, 0.1), score('D', 'naive', null, null, 0),
      { ...score('A', 'naive', 0.11, 0.11), chosen: false }];
    expect(accuracy(rows).map((a) => [a.industry_code, a.method, a.beats_baseline, a.untested])).toEqual([
      ['A', 'drift', true, false], ['B', 'naive', false, false], ['C', 'ets', false, false], ['D', 'naive', false, true],
    ]);
  });

  it('keeps the future gap of the years the cohort flow reaches', () => {
    const row = (year: number, gap: number | null) => ({ industry_code: 'X', year, horizon: 1, method: 'drift', openings: 1, openings_lo80: null, openings_hi80: null,
      openings_lo95: null, openings_hi95: null, supply_at_graduation: gap === null ? null : 1, supply_assumed: 0, supply_estimated: 0, future_gap: gap,
      future_gap_lo80: null, future_gap_hi80: null, future_gap_lo95: null, future_gap_hi95: null });
    expect(futureGap([row(2031, null), row(2027, 5), row(2026, -3)], 'X').map((g) => g.year)).toEqual([2026, 2027]);
  });
});
