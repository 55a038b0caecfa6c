/**
 * Which programme figures of a snapshot are estimated or missing, and how many rows each: written
 * to the manifest so no estimate passes for a reported figure (docs/metrics.md, "Graduates" and
 * "Listed programmes without figures").
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface FigureEstimate { figures: string[]; rows: number; method: string }

export interface FigureSources {
  /** Programme rows, all years and statuses. */
  rows: number;
  estimated: FigureEstimate[];
  /** Rows without the figure, shown as no data. */
  missing: { figure: string; rows: number }[];
}

export const LISTING_METHOD = "median of the year's reported active programmes of the same major, else 专业类, else level; "
  + 'plan and enrolled 0 when suspended or closed (备案 listing rows without a figures row)';
export const GRADUATES_METHOD = 'students ÷ duration_years of the major (graduates not reported)';

export async function readFigureSources(conn: DuckDBConnection): Promise<FigureSources> {
  const c = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE figures_estimated)::INTEGER AS listed,
           count(*) FILTER (WHERE graduates_reported IS NULL)::INTEGER AS graduates,
           count(*) FILTER (WHERE employment_rate IS NULL)::INTEGER AS employment_rate
    FROM stg_programmes`)).getRowObjectsJS()[0] as Record<string, number>;
  return {
    rows: c.rows,
    estimated: [
      { figures: ['plan', 'enrolled', 'students'], rows: c.listed, method: LISTING_METHOD },
      { figures: ['graduates'], rows: c.graduates, method: GRADUATES_METHOD },
    ].filter((e) => e.rows > 0),
    missing: c.employment_rate > 0 ? [{ figure: 'employment_rate', rows: c.employment_rate }] : [],
  };
}
