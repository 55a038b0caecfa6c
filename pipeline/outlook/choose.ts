/**
 * The outlook of one series: every candidate method is back-tested; the one with the lowest MAPE
 * that beats the naive baseline on the same years forecasts, otherwise the baseline does, and the
 * reason is kept with the result.
 */
import { backtest, type Accuracy } from './backtest.ts';
import { METHODS, type Forecast, type MethodName } from './methods.ts';

export interface OutlookSettings {
  horizon: number;
  /** Years of history before the first back-test origin. */
  minTrain: number;
  /** Back-test origins a method needs before it may replace the baseline. */
  minOrigins: number;
}

export interface MethodAccuracy extends Accuracy { method: MethodName; chosen: boolean }

export interface SeriesOutlook {
  method: MethodName;
  reason: string;
  forecast: Forecast | null;
  accuracy: MethodAccuracy[];
}

const CANDIDATES: MethodName[] = ['ets', 'drift'];

export function seriesOutlook(y: readonly number[], settings: OutlookSettings): SeriesOutlook {
  const scored = (['naive', ...CANDIDATES] as MethodName[]).map((method) => ({
    method, ...backtest(y, METHODS[method], settings.minTrain, settings.horizon),
  }));
  const [baseline] = scored;
  const contenders = scored.slice(1).filter((s) => s.origins >= settings.minOrigins && s.mape !== null);
  const best = contenders
    .filter((s) => s.mape! < s.baseline_mape!)
    .sort((a, b) => a.mape! - b.mape!)[0];
  // The chosen method must also forecast from the whole series (ETS may fail to fit where drift did not).
  const forecast = best ? METHODS[best.method](y, settings.horizon) : null;
  const method: MethodName = best && forecast ? best.method : 'naive';
  const reason = method !== 'naive'
    ? `${method} MAPE ${pct(best!.mape)} < baseline ${pct(best!.baseline_mape)} over ${best!.origins} origins`
    : contenders.length === 0
      ? `no method back-tested on ${settings.minOrigins}+ origins (${y.length} years): baseline`
      : `no method beats the baseline (${contenders.map((c) => `${c.method} ${pct(c.mape)} vs ${pct(c.baseline_mape)}`).join(', ')})`;
  return {
    method,
    reason,
    forecast: method === 'naive' ? METHODS.naive(y, settings.horizon) : forecast,
    accuracy: scored.map((s) => ({ ...s, method: s.method, chosen: s.method === method })),
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
