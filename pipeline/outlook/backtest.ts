/**
 * Rolling-origin back-test: at each origin the method sees only the years before it, forecasts the
 * years after (up to the horizon) and is scored on them. Accuracy is kept beside the naive baseline
 * scored on exactly the same origins and years, so the two are comparable.
 */
import { naive, type Forecaster } from './methods.ts';

export interface Accuracy {
  /** Origins at which the method could forecast. */
  origins: number;
  /** Forecast years scored (origin × horizon) with a non-zero actual. */
  pairs: number;
  /** Mean absolute percentage error of the method, a fraction; null without pairs. */
  mape: number | null;
  /** The naive baseline's MAPE on the same pairs. */
  baseline_mape: number | null;
  /** Share of actuals inside the 80 % / 95 % interval. */
  coverage80: number | null;
  coverage95: number | null;
}

/** Scores `method` on `y` from origin `minTrain` on: the forecast made at origin t never sees y[t] or later. */
export function backtest(y: readonly number[], method: Forecaster, minTrain: number, horizon: number): Accuracy {
  let origins = 0;
  let pairs = 0;
  let ape = 0;
  let baseApe = 0;
  let in80 = 0;
  let in95 = 0;
  for (let t = Math.max(minTrain, 1); t < y.length; t++) {
    const history = y.slice(0, t);
    const steps = Math.min(horizon, y.length - t);
    const f = method(history, steps);
    const base = naive(history, steps);
    if (!f || !base) continue;
    origins++;
    for (let h = 0; h < steps; h++) {
      const actual = y[t + h];
      if (actual === 0) continue; // a percentage error of zero openings is undefined
      pairs++;
      ape += Math.abs(f.point[h] - actual) / actual;
      baseApe += Math.abs(base.point[h] - actual) / actual;
      if (actual >= f.lo80[h] && actual <= f.hi80[h]) in80++;
      if (actual >= f.lo95[h] && actual <= f.hi95[h]) in95++;
    }
  }
  const share = (n: number) => (pairs ? n / pairs : null);
  return { origins, pairs, mape: share(ape), baseline_mape: share(baseApe), coverage80: share(in80), coverage95: share(in95) };
}
