/**
 * The MoE 备案结果 export (programme_listing) as a programmes source. The export lists which school
 * runs which major in a year, and nothing about enrolment; an optional programme_figures file gives
 * plan, enrolled, students, graduates, employment rate and status by (year, school, major). The two
 * are joined into raw_programmes, so every model reads one table: a listed programme without a
 * figures row keeps NULL figures there (never 0), its status from 备注; the models estimate its
 * figures from the year's reported programmes (stg_programmes), flagged as estimates, so a year of
 * the listing without any figures stops the load. Checks of the
 * export's own columns (docs/inputs.md, "The 备案结果 export"):
 * - 省份: a row of another province than the data folder's districts is rejected, naming both;
 * - 学校名称: a name that is another school's (and not its code's) is rejected, naming both schools;
 *   another spelling of the code's own school (简称, an old name) is left as it is;
 * - 专业名称: as in any programme file that names its majors (major-names.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { PROVINCES, placeName } from '../config/provinces.ts';
import { rawTable } from '../config/schema.ts';
import { LoadError } from './errors.ts';
import { sqlString } from './sql.ts';

/**
 * 备注 words that end or pause a programme; anything else (新增, 调整, empty) leaves it active, and
 * so does a remark saying intake resumed, whatever it says of before (恢复招生（原停招）).
 */
const RESUMED = '恢复招生|恢复办学|重新招生|复招';
const CLOSED = '撤销|撤消|停办';
const SUSPENDED = '停招|暂停';

/** Status of a listing row without a figures row, from its 备注. */
const remarkStatus = (remark: string) => `CASE WHEN regexp_matches(coalesce(${remark}, ''), ${sqlString(RESUMED)}) THEN 'active'
  WHEN regexp_matches(coalesce(${remark}, ''), ${sqlString(CLOSED)}) THEN 'closed'
  WHEN regexp_matches(coalesce(${remark}, ''), ${sqlString(SUSPENDED)}) THEN 'suspended' ELSE 'active' END`;

/** The checks of 省份 and 学校名称 (专业名称: major-names.ts). */
export async function checkListing(conn: DuckDBConnection, rows: string, rejects: string): Promise<void> {
  const schools = rawTable('schools');
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT r.row_id, 'school_name', r.school_name, '学校名称与代码不符 — ' || r.school_code || ' is ' || s.school_name || ', not ' || r.school_name
      || ' (' || o.school_code || '): a code is never read as another school — correct the code or the name', NULL
    FROM ${rows} r JOIN ${schools} s ON s.school_code = r.school_code
    JOIN (SELECT school_name, any_value(school_code) AS school_code FROM ${schools} GROUP BY 1 HAVING count(*) = 1) o ON o.school_name = r.school_name
    WHERE r.school_name <> s.school_name AND o.school_code <> r.school_code`);
  const provinces = PROVINCES.map((p) => `('${p.code}', ${sqlString(p.name)}, ${sqlString(placeName(p))})`).join(', ');
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT r.row_id, 'province', r.province, '省份 ' || r.province || ' is not the province of this data folder (' || h.names || ')', NULL
    FROM ${rows} r, (SELECT string_agg(DISTINCT p.name, ', ' ORDER BY p.name) AS names, list(DISTINCT p.name) || list(DISTINCT p.place) AS known
                     FROM (SELECT DISTINCT left(district_code, 2) AS code FROM ${rawTable('districts')}) d
                     JOIN (VALUES ${provinces}) p(code, name, place) USING (code)) h
    WHERE r.province IS NOT NULL AND h.names IS NOT NULL AND NOT list_contains(h.known, r.province)`);
}

/** What the join of a listing with its figures gave: rows listed, how many have figures, the statuses read from 备注 with a remark of each. */
export interface ListingFigures {
  listed: number;
  with_figures: number;
  status_from_remark: Record<string, number>;
  remark_examples: Record<string, string | null>;
}

/**
 * raw_programmes from the listing and the figures (optional): figures where a row matches, NULL
 * where none does; the status from the figures, else from 备注.
 */
export async function joinListing(conn: DuckDBConnection, programmesColumns: string, figures: boolean, file: string): Promise<ListingFigures> {
  const l = rawTable('programme_listing');
  const f = figures ? rawTable('programme_figures') : `(SELECT NULL::INTEGER AS year, NULL::VARCHAR AS school_code, NULL::VARCHAR AS major_code,
    NULL::INTEGER AS plan, NULL::INTEGER AS enrolled, NULL::INTEGER AS students, NULL::INTEGER AS graduates,
    NULL::DOUBLE AS employment_rate, NULL::VARCHAR AS status WHERE false)`;
  await conn.run(`CREATE OR REPLACE TABLE ${rawTable('programmes')} (${programmesColumns})`);
  await conn.run(`
    INSERT INTO ${rawTable('programmes')}
    SELECT l.year, l.school_code, l.major_code, f.plan, f.enrolled, f.students, f.graduates, f.employment_rate,
           coalesce(f.status, ${remarkStatus('l.remark')}), l.source_major_code, l.catalogue
    FROM ${l} l LEFT JOIN ${f} f USING (year, school_code, major_code)`);
  const bare = (await conn.runAndReadAll(`
    SELECT string_agg(year::VARCHAR, ', ' ORDER BY year) AS years FROM
      (SELECT year FROM ${rawTable('programmes')} GROUP BY year HAVING count(students) = 0)`)).getRowObjectsJS()[0].years as string | null;
  if (bare !== null) {
    throw new LoadError(`${file}: 缺少招生与在校生数据 — no programme of ${bare} has figures in programme_figures: `
      + 'supply and enrolment cannot be computed or estimated from the listing alone; add programme_figures.csv with the year\'s figures');
  }
  const counts = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS listed, count(year)::INTEGER AS with_figures,
           count(*) FILTER (WHERE read = 'closed')::INTEGER AS closed, count(*) FILTER (WHERE read = 'suspended')::INTEGER AS suspended,
           min(remark) FILTER (WHERE read = 'closed') AS closed_example, min(remark) FILTER (WHERE read = 'suspended') AS suspended_example
    FROM (SELECT f.year, l.remark, CASE WHEN f.status IS NULL THEN ${remarkStatus('l.remark')} END AS read
          FROM ${l} l LEFT JOIN ${f} f USING (year, school_code, major_code))`)).getRowObjectsJS()[0] as Record<string, number & string>;
  return {
    listed: counts.listed, with_figures: counts.with_figures, status_from_remark: { closed: counts.closed, suspended: counts.suspended },
    remark_examples: { closed: counts.closed_example ?? null, suspended: counts.suspended_example ?? null },
  };
}
