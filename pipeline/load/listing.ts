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
import { levelName } from './catalogue-versions.ts';
import { LoadError } from './errors.ts';
import { sqlString } from './sql.ts';

/**
 * 备注 words that end or pause a programme. A remark saying intake resumed leaves it active,
 * whatever it says of before (恢复招生（原停招）), and so does a change only planned or applied
 * for (拟撤销, 撤销申请中): this year the programme still runs. Words that say it runs (新增, 调整,
 * an empty remark) leave it active too; any other remark is read as active and quoted in the
 * note, so a status the words below miss is seen.
 */
const RESUMED = '恢复招生|恢复办学|重新招生|复招';
const ENDING = '撤销|撤消|停办|取消|撤并|注销|停招|暂停|停止招生|不再招生|未招生';
const PLANNED = `拟(${ENDING})|(${ENDING})(申请|申报)`;
const CLOSED = '撤销|撤消|停办|取消|撤并|注销';
const SUSPENDED = '停招|暂停|停止招生|不再招生|未招生';
const RUNNING = '^(新增|新设|增设|调整|保留|正常|在招|招生|继续招生)$';

/** How a listing row's 备注 is read: a status, or active as planned or unread (for the note); NULL when empty. */
const remarkReading = (remark: string) => `CASE WHEN coalesce(trim(${remark}), '') = '' THEN NULL
  WHEN regexp_matches(${remark}, ${sqlString(RESUMED)}) THEN 'active'
  WHEN regexp_matches(${remark}, ${sqlString(PLANNED)}) THEN 'planned'
  WHEN regexp_matches(${remark}, ${sqlString(CLOSED)}) THEN 'closed'
  WHEN regexp_matches(${remark}, ${sqlString(SUSPENDED)}) THEN 'suspended'
  WHEN regexp_matches(${remark}, ${sqlString(RUNNING)}) THEN 'active' ELSE 'unread' END`;

/** Status of a listing row without a figures row, from its 备注. */
const remarkStatus = (remark: string) => `CASE ${remarkReading(remark)} WHEN 'closed' THEN 'closed' WHEN 'suspended' THEN 'suspended' ELSE 'active' END`;

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
    SELECT r.row_id, 'province', r.province, '省份与数据目录不符（' || h.names || '） — province ' || r.province || ' is not the province of this data folder (' || h.names || ')', NULL
    FROM ${rows} r, (SELECT string_agg(DISTINCT p.name, ', ' ORDER BY p.name) AS names, list(DISTINCT p.name) || list(DISTINCT p.place) AS known
                     FROM (SELECT DISTINCT left(district_code, 2) AS code FROM ${rawTable('districts')}) d
                     JOIN (VALUES ${provinces}) p(code, name, place) USING (code)) h
    WHERE r.province IS NOT NULL AND h.names IS NOT NULL AND NOT list_contains(h.known, r.province)`);
}

/** How 备注 was read where no figures row gives the status: each reading's rows and first remarks. */
export type RemarkReading = 'closed' | 'suspended' | 'planned' | 'unread';

/** What the join of a listing with its figures gave: rows listed, how many have figures, how 备注 was read, with remarks of each reading. */
export interface ListingFigures {
  listed: number;
  with_figures: number;
  status_from_remark: Record<RemarkReading, number>;
  remark_examples: Record<RemarkReading, string[]>;
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
  // the estimates fall back at most to the year's level (stg_programmes): a year and level without any figures has none to draw on
  const bare = (await conn.runAndReadAll(`
    SELECT string_agg(year || ' ' || ${levelName('level')}, ', ' ORDER BY year, level) AS years FROM
      (SELECT p.year, s.level FROM ${rawTable('programmes')} p JOIN ${rawTable('schools')} s USING (school_code)
       GROUP BY ALL HAVING count(p.students) = 0)`)).getRowObjectsJS()[0].years as string | null;
  if (bare !== null) {
    throw new LoadError(`${file}: 缺少招生与在校生数据 — no programme of ${bare} has figures in programme_figures: `
      + 'supply and enrolment cannot be computed or estimated from the listing alone; add programme_figures.csv with figures of that year and level');
  }
  const readings: RemarkReading[] = ['closed', 'suspended', 'planned', 'unread'];
  const counts = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS listed, count(year)::INTEGER AS with_figures,
           ${readings.map((r) => `count(*) FILTER (WHERE read = '${r}')::INTEGER AS ${r},
           list_sort(list(DISTINCT remark) FILTER (WHERE read = '${r}'))[1:3] AS ${r}_examples`).join(',\n           ')}
    FROM (SELECT f.year, l.remark, CASE WHEN f.status IS NULL THEN ${remarkReading('l.remark')} END AS read
          FROM ${l} l LEFT JOIN ${f} f USING (year, school_code, major_code))`)).getRowObjectsJS()[0];
  const of = <T>(f: (r: RemarkReading) => T) => Object.fromEntries(readings.map((r) => [r, f(r)])) as Record<RemarkReading, T>;
  return {
    listed: counts.listed as number, with_figures: counts.with_figures as number,
    status_from_remark: of((r) => counts[r] as number),
    remark_examples: of((r) => (counts[`${r}_examples`] ?? []) as string[]),
  };
}
