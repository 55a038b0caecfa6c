/**
 * The latest year of the inputs against the year before it, within one refresh: the latest year is
 * the one every headline, report and plan is about, so a year holding a few rows entered early (or a
 * mistyped 2052) would take the snapshot over, and an industry whose demand rows are missing from it
 * would read as having none. Such a year stops the refresh like a drift finding; a school or district
 * that is absent from it is said in a note (a school may have closed).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../transform/read-rows.ts';

/** Most schools or districts named in a note. */
const NAMED = 5;

export interface YearCoverage {
  /** What stops the refresh unless accepted (--accept-drift). */
  findings: string[];
  notes: string[];
}

const n = (x: unknown) => Number(x).toLocaleString('en');

export async function checkYearCoverage(conn: DuckDBConnection, maxShrink: number): Promise<YearCoverage> {
  const findings: string[] = [];
  const notes: string[] = [];
  const [points] = await readRows(conn, `
    WITH y AS (SELECT year, count(*) AS points, count(DISTINCT school_code) AS schools FROM stg_programmes WHERE status = 'active' GROUP BY year),
         latest AS (SELECT max(year) AS year FROM y)
    SELECT l.year::INTEGER AS year, l.points::INTEGER AS points, l.schools::INTEGER AS schools,
           b.year::INTEGER AS before_year, b.points::INTEGER AS before_points, b.schools::INTEGER AS before_schools
    FROM y l JOIN y b ON b.year = (SELECT max(year) FROM y WHERE year < (SELECT year FROM latest))
    WHERE l.year = (SELECT year FROM latest)`);
  if (points && Number(points.points) < (1 - maxShrink) * Number(points.before_points)) {
    findings.push(`${points.year} 年数据不完整？— ${points.year}: ${n(points.points)} active programme points at ${n(points.schools)} schools, against `
      + `${n(points.before_points)} at ${n(points.before_schools)} in ${points.before_year} (limit −${maxShrink * 100} %): every figure would be of ${points.year}; `
      + `remove rows entered early or correct a mistyped year`);
  }
  if (points) {
    const gone = await readRows(conn, `
      SELECT school_code FROM stg_programmes WHERE year = ${points.before_year} AND status = 'active'
      EXCEPT SELECT school_code FROM stg_programmes WHERE year = ${points.year} ORDER BY school_code`);
    if (gone.length > 0 && findings.length === 0) {
      notes.push(`学校缺少最新年份数据 — ${gone.length} school${gone.length > 1 ? 's' : ''} with programmes in ${points.before_year} `
        + `${gone.length > 1 ? 'have' : 'has'} no row in ${points.year} (${gone.slice(0, NAMED).map((s) => s.school_code).join(', ')}${gone.length > NAMED ? ', …' : ''}): `
        + `their programmes count as closed; if one has not filed, its figures are missing from every total of ${points.year}`);
    }
  }
  const [demand] = await readRows(conn, `SELECT max(year)::INTEGER AS year, max(year) FILTER (WHERE year < (SELECT max(year) FROM stg_demand))::INTEGER AS before_year FROM stg_demand`);
  if (demand?.before_year != null) {
    const missing = await readRows(conn, `
      SELECT d.industry_code, any_value(i.name_zh) AS name, sum(d.openings)::BIGINT AS openings
      FROM stg_demand d LEFT JOIN stg_industries i USING (industry_code)
      WHERE d.year = ${demand.before_year} AND d.industry_code NOT IN (SELECT industry_code FROM stg_demand WHERE year = ${demand.year})
      GROUP BY d.industry_code HAVING sum(d.openings) > 0 ORDER BY d.industry_code`);
    for (const m of missing) {
      findings.push(`${demand.year} 年无该产业需求数据 — ${m.name ?? m.industry_code} (${m.industry_code}): no demand rows in ${demand.year}, `
        + `${n(m.openings)} openings in ${demand.before_year}: it would read as no demand, and the planner would cut its programmes`);
    }
    const districts = await readRows(conn, `
      SELECT district_code FROM stg_demand WHERE year = ${demand.before_year}
      EXCEPT SELECT district_code FROM stg_demand WHERE year = ${demand.year} ORDER BY district_code`);
    if (districts.length > 0) {
      notes.push(`区县缺少最新年份需求 — ${districts.length} district${districts.length > 1 ? 's' : ''} with demand rows in ${demand.before_year} `
        + `${districts.length > 1 ? 'have' : 'has'} none in ${demand.year} (${districts.slice(0, NAMED).map((d) => d.district_code).join(', ')}${districts.length > NAMED ? ', …' : ''}): `
        + `the city's demand of ${demand.year} leaves ${districts.length > 1 ? 'them' : 'it'} out`);
    }
  }
  return { findings, notes };
}
