/**
 * The outlook stage of a refresh: per industry, the annual openings series from the demand input,
 * its outlook for the next years and its back-test, written to raw_outlook and raw_outlook_backtest
 * before the models run, so that SQL marts read them like any input.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../config/policy.ts';
import { seriesOutlook, type OutlookSettings } from './choose.ts';
import { appendRows, type RowValue } from '../load/append-rows.ts';

export function outlookSettings(policy: Policy): OutlookSettings {
  return { horizon: policy.outlook.horizon, minTrain: policy.outlook.min_train, minOrigins: policy.outlook.min_origins };
}

export interface OutlookReport { industries: number; years: number; methods: Record<string, number> }

export async function writeOutlook(conn: DuckDBConnection, policy: Policy): Promise<OutlookReport> {
  const settings = outlookSettings(policy);
  // Every year from the first to the last of the demand input; an industry without rows in a year asked for 0.
  const series = (await conn.runAndReadAll(`
    WITH span AS (SELECT min(year) AS first, max(year) AS last FROM raw_demand),
    years AS (SELECT unnest(range(first, last + 1)) AS year FROM span WHERE first IS NOT NULL)
    SELECT i.industry_code, list(coalesce(d.openings, 0)::DOUBLE ORDER BY y.year) AS openings, max(y.year)::INTEGER AS last_year
    FROM years y CROSS JOIN raw_industries i
    LEFT JOIN (SELECT year, industry_code, sum(openings) AS openings FROM raw_demand GROUP BY ALL) d
      ON d.year = y.year AND d.industry_code = i.industry_code
    GROUP BY i.industry_code ORDER BY i.industry_code`)).getRowObjectsJS() as { industry_code: string; openings: number[]; last_year: number }[];

  await conn.run(`CREATE OR REPLACE TABLE raw_outlook (industry_code VARCHAR, year INTEGER, horizon INTEGER, method VARCHAR,
    openings DOUBLE, openings_lo80 DOUBLE, openings_hi80 DOUBLE, openings_lo95 DOUBLE, openings_hi95 DOUBLE)`);
  await conn.run(`CREATE OR REPLACE TABLE raw_outlook_backtest (industry_code VARCHAR, method VARCHAR, chosen BOOLEAN, reason VARCHAR,
    history_years INTEGER, origins INTEGER, pairs INTEGER, mape DOUBLE, baseline_mape DOUBLE, coverage80 DOUBLE, coverage95 DOUBLE)`);

  const outlookRows: RowValue[][] = [];
  const backtestRows: RowValue[][] = [];
  const methods: Record<string, number> = {};
  for (const s of series) {
    const result = seriesOutlook(s.openings, settings);
    methods[result.method] = (methods[result.method] ?? 0) + 1;
    const f = result.forecast;
    if (f) {
      // Openings cannot fall below zero: lower bounds are clipped there (coverage of a non-negative count is unchanged).
      const floor = (x: number) => Math.max(0, x);
      f.point.forEach((p, h) => outlookRows.push([s.industry_code, s.last_year + h + 1, h + 1, result.method,
        floor(p), floor(f.lo80[h]), floor(f.hi80[h]), floor(f.lo95[h]), floor(f.hi95[h])]));
    }
    for (const a of result.accuracy) {
      backtestRows.push([s.industry_code, a.method, a.chosen, a.chosen ? result.reason : null, s.openings.length,
        a.origins, a.pairs, a.mape, a.baseline_mape, a.coverage80, a.coverage95]);
    }
  }
  await appendRows(conn, 'raw_outlook', outlookRows);
  await appendRows(conn, 'raw_outlook_backtest', backtestRows);
  return { industries: series.length, years: series[0]?.openings.length ?? 0, methods };
}
