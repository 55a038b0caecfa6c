/**
 * Outlook methods on synthetic series with a known trend and noise: their intervals cover the next
 * values at the nominal rate over many seeds; the back-test never sees a year after its origin; the
 * outlook keeps the baseline unless a method beats it.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32, type Rng } from '../../pipeline/sample/mulberry32.ts';
import { drift, ets, naive, type Forecaster } from '../../pipeline/outlook/methods.ts';
import { backtest } from '../../pipeline/outlook/backtest.ts';
import { seriesOutlook } from '../../pipeline/outlook/choose.ts';
import { studentQuantile } from '../../pipeline/outlook/student-t.ts';

/** Standard normal draws (Box–Muller). */
const gaussian = (rng: Rng) => () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());

/** A random walk from 1000 with yearly drift `trend` and step noise `sd`: `n` known years and `horizon` more. */
function randomWalk(seed: number, n: number, horizon: number, trend: number, sd: number): number[] {
  const z = gaussian(mulberry32(seed));
  const y = [1000];
  while (y.length < n + horizon) y.push(y[y.length - 1] + trend + sd * z());
  return y;
}

/** A local level: a slow random walk observed with noise. */
function localLevel(seed: number, n: number, level: number, sd: number): number[] {
  const z = gaussian(mulberry32(seed));
  let mu = 1000;
  return Array.from({ length: n }, () => (mu += level * z()) + sd * z());
}

/** Share of future values inside the 80 % and 95 % intervals, over `seeds` series. */
function coverage(method: Forecaster, series: (seed: number) => number[], n: number, horizon: number, seeds: number) {
  let [in80, in95, total] = [0, 0, 0];
  for (let seed = 1; seed <= seeds; seed++) {
    const y = series(seed);
    const f = method(y.slice(0, n), horizon)!;
    for (let h = 0; h < horizon; h++) {
      const actual = y[n + h];
      total++;
      if (actual >= f.lo80[h] && actual <= f.hi80[h]) in80++;
      if (actual >= f.lo95[h] && actual <= f.hi95[h]) in95++;
    }
  }
  return { c80: in80 / total, c95: in95 / total };
}

describe('prediction intervals', () => {
  // 2,000 series × 5 horizons: a binomial share's standard error is ≈ 0.006 at 80 % (draws of one series are correlated, hence ±0.03).
  it('drift covers a trending random walk at 80 % and 95 % from seven years', () => {
    const { c80, c95 } = coverage(drift, (s) => randomWalk(s, 7, 5, 40, 25), 7, 5, 2000);
    expect(Math.abs(c80 - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(c95 - 0.95)).toBeLessThan(0.02);
  });

  it('naive covers a random walk without trend at 80 % and 95 % from seven years', () => {
    const { c80, c95 } = coverage(naive, (s) => randomWalk(s, 7, 5, 0, 25), 7, 5, 2000);
    expect(Math.abs(c80 - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(c95 - 0.95)).toBeLessThan(0.02);
  });

  it('naive under a trend it ignores covers less than nominal (the check can fail)', () => {
    const { c80 } = coverage(naive, (s) => randomWalk(s, 7, 5, 60, 10), 7, 5, 500);
    expect(c80).toBeLessThan(0.6);
  });

  it('AutoETS (augurs) covers a local-level series at about the nominal rate from thirty years', () => {
    const { c80, c95 } = coverage(ets, (s) => localLevel(s, 33, 10, 20), 30, 3, 400);
    expect(Math.abs(c80 - 0.8)).toBeLessThan(0.06);
    expect(Math.abs(c95 - 0.95)).toBeLessThan(0.04);
  });

  it('uses Student quantiles: t(0.975, 5) = 2.5706, t(0.9, ∞) → 1.2816', () => {
    expect(studentQuantile(0.975, 5)).toBeCloseTo(2.5706, 3);
    expect(studentQuantile(0.9, 1e6)).toBeCloseTo(1.2816, 3);
  });
});

describe('rolling-origin back-test', () => {
  it('gives each origin only the years before it', () => {
    const y = [10, 12, 15, 14, 18, 1_000_000, 21];
    const seen: number[][] = [];
    const spy: Forecaster = (history, horizon) => {
      seen.push([...history]);
      return naive(history, horizon);
    };
    const result = backtest(y, spy, 3, 5);
    expect(seen).toEqual([y.slice(0, 3), y.slice(0, 4), y.slice(0, 5), y.slice(0, 6)]);
    expect(result.origins).toBe(4);
    // origins 3..6 forecast 4 + 3 + 2 + 1 future years
    expect(result.pairs).toBe(10);
  });

  it('scores a method and the baseline on the same pairs', () => {
    const y = [100, 110, 120, 130, 140, 150, 160];
    const result = backtest(y, drift, 3, 5);
    expect(result.mape).toBeCloseTo(0, 10); // a straight line is forecast exactly
    // naive at origin 3 (last 120) misses 130, 140, 150, 160 by 10..40; and so on.
    const errors = [[3, [130, 140, 150, 160]], [4, [140, 150, 160]], [5, [150, 160]], [6, [160]]] as const;
    const ape = errors.flatMap(([t, actuals]) => actuals.map((a) => Math.abs(y[t - 1] - a) / a));
    expect(result.baseline_mape).toBeCloseTo(ape.reduce((s, v) => s + v, 0) / ape.length, 12);
  });
});

describe('seriesOutlook', () => {
  const settings = { horizon: 5, minTrain: 3, minOrigins: 2 };

  it('uses drift on a steady trend, where it beats the baseline', () => {
    const outlook = seriesOutlook([100, 112, 119, 133, 140, 151, 163], settings);
    expect(outlook.method).toBe('drift');
    expect(outlook.forecast!.point[0]).toBeCloseTo(163 + 63 / 6, 10);
    expect(outlook.reason).toMatch(/^drift MAPE .* < baseline/);
  });

  it('keeps the baseline on a series without trend and says why', () => {
    const outlook = seriesOutlook([100, 130, 95, 125, 98, 128, 101], settings);
    expect(outlook.method).toBe('naive');
    expect(outlook.forecast!.point).toEqual([101, 101, 101, 101, 101]);
    expect(outlook.reason).toMatch(/no method beats the baseline/);
  });

  it('lists AutoETS without back-test origins on seven years (augurs needs seven to fit)', () => {
    const outlook = seriesOutlook([100, 112, 119, 133, 140, 151, 163], settings);
    expect(outlook.accuracy.find((a) => a.method === 'ets')).toMatchObject({ origins: 0, mape: null, chosen: false });
  });

  it('falls back to the baseline when no method has enough origins', () => {
    const outlook = seriesOutlook([100, 120, 140], settings);
    expect(outlook.method).toBe('naive');
    expect(outlook.reason).toMatch(/no method back-tested on 2\+ origins/);
  });
});
