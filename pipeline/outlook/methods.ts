/**
 * Forecasting methods for a short annual series: the naive last value (the baseline), a random walk
 * with drift, and AutoETS from augurs (WebAssembly), which picks among the exponential-smoothing
 * models it can fit by AICc. Each returns the point forecast and the 80 % and 95 % intervals for
 * the next `horizon` years, or null where the series is too short for the method.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AutoETS, initSync } from '@bsull/augurs/ets';
import { studentQuantile } from './student-t.ts';

export interface Forecast {
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export type MethodName = 'naive' | 'drift' | 'ets';
export type Forecaster = (history: readonly number[], horizon: number) => Forecast | null;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Intervals point ± t(df) · sd_h, from a standard deviation per horizon. */
function withIntervals(point: number[], sd: number[], df: number): Forecast {
  const [q80, q95] = [studentQuantile(0.9, df), studentQuantile(0.975, df)];
  return {
    point,
    lo80: point.map((p, i) => p - q80 * sd[i]),
    hi80: point.map((p, i) => p + q80 * sd[i]),
    lo95: point.map((p, i) => p - q95 * sd[i]),
    hi95: point.map((p, i) => p + q95 * sd[i]),
  };
}

const differences = (y: readonly number[]) => y.slice(1).map((v, i) => v - y[i]);

/** Last value carried forward; a random walk's spread σ√h, σ from the year-on-year changes. */
export const naive: Forecaster = (y, horizon) => {
  const d = differences(y);
  if (d.length < 1) return null;
  const sigma = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length);
  return withIntervals(range(horizon).map(() => y[y.length - 1]), range(horizon).map((h) => sigma * Math.sqrt(h)), d.length);
};

/** The mean yearly change carried forward; spread σ√(h(1 + h/m)) counts the drift's own error (m changes). */
export const drift: Forecaster = (y, horizon) => {
  const d = differences(y);
  const m = d.length;
  if (m < 2) return null;
  const c = d.reduce((s, v) => s + v, 0) / m;
  const sigma = Math.sqrt(d.reduce((s, v) => s + (v - c) ** 2, 0) / (m - 1));
  return withIntervals(range(horizon).map((h) => y[y.length - 1] + c * h), range(horizon).map((h) => sigma * Math.sqrt(h * (1 + h / m))), m - 1);
};

let etsReady = false;
function initEts() {
  if (etsReady) return;
  // The package exports only its .js files; the WebAssembly sits beside them.
  const js = createRequire(import.meta.url).resolve('@bsull/augurs/ets');
  initSync({ module: readFileSync(join(dirname(js), 'ets_bg.wasm')) });
  etsReady = true;
}

/** AutoETS without seasonality ('ZZN'): error and trend chosen by AICc among the models the length allows. */
export const ets: Forecaster = (y, horizon) => {
  initEts();
  const model = new AutoETS(1, 'ZZN');
  try {
    model.fit(Float64Array.from(y));
    const [f80, f95] = [model.predict(horizon, 0.8), model.predict(horizon, 0.95)];
    if (!f80.intervals || !f95.intervals) return null;
    return { point: f80.point, lo80: f80.intervals.lower, hi80: f80.intervals.upper, lo95: f95.intervals.lower, hi95: f95.intervals.upper };
  } catch {
    return null; // too short a series, or no model converged: the method does not apply
  } finally {
    model.free();
  }
};

export const METHODS: Record<MethodName, Forecaster> = { naive, drift, ets };
