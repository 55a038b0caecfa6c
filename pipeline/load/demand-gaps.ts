/**
 * An industry with demand rows in some years of the demand input and none in a year between them
 * that other industries have: the outlook and the marts read that year as no openings asked for
 * (write-outlook.ts), which a block of rows left out of the export would also look like. Said in a
 * note naming each industry and year, so a missing year is seen, not read as a fall to zero.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable } from '../config/schema.ts';

/** Industry-years named in the note at most. */
const NAMED = 8;

export async function demandGapsNote(conn: DuckDBConnection, file: string): Promise<string[]> {
  const demand = rawTable('demand');
  const gaps = (await conn.runAndReadAll(`
    WITH present AS (SELECT DISTINCT industry_code, year FROM ${demand}),
    years AS (SELECT DISTINCT year FROM present),
    spans AS (SELECT industry_code, min(year) AS first, max(year) AS last FROM present GROUP BY ALL)
    SELECT s.industry_code || ' ' || y.year AS gap
    FROM spans s JOIN years y ON y.year BETWEEN s.first AND s.last
    ANTI JOIN present p ON p.industry_code = s.industry_code AND p.year = y.year
    ORDER BY s.industry_code, y.year`)).getRows().map((r) => String(r[0]));
  if (gaps.length === 0) return [];
  const named = gaps.slice(0, NAMED).join(', ') + (gaps.length > NAMED ? ' …' : '');
  return [`${file}: 需求年份缺失 — ${gaps.length} industry-year${gaps.length > 1 ? 's' : ''} between an industry's first and last year ${gaps.length > 1 ? 'have' : 'has'} no rows `
    + `while other industries have (${named}): read as no openings asked for; if rows were left out of the file, add them`];
}
