/**
 * The MoE 备案结果 export (programme_listing) as a programmes source. The export lists which school
 * runs which major in a year, and nothing about enrolment; an optional programme_figures file gives
 * plan, enrolled, students, graduates, employment rate and status by (year, school, major). The two
 * are joined into raw_programmes, so every model reads one table: a listed programme without a
 * figures row keeps NULL figures there (never 0), its status from 备注; the models estimate its
 * figures from the year's reported programmes (stg_programmes), flagged as estimates, so a year of
 * the listing without any figures stops the load. A listed programme whose figures row was rejected
 * is rejected too, naming that row: its school reported figures, so none is estimated for it. Checks of the
 * export's own columns (docs/inputs.md, "The 备案结果 export"):
 * - 省份: a row of another province than the data folder's districts is rejected, naming both;
 * - 学校名称: a name that is another school's (and not its code's) is rejected, naming both schools;
 *   another spelling of the code's own school (简称, an old name) is left as it is;
 * - 专业名称: as in any programme file that names its majors (major-names.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { PROVINCES, placeName } from '../config/provinces.ts';
import { rawTable, readSchema } from '../config/schema.ts';
import { levelName } from './catalogue-versions.ts';
import { LoadError } from './errors.ts';
import { typedValue } from './field-reasons.ts';
import { mapLines } from './line-map.ts';
import type { InputReport } from './load-table.ts';
import type { CsvScan } from './read-csv.ts';
import type { Reject } from './rejects/reject.ts';
import { sqlString } from './sql.ts';

/**
 * How 备注 is read. A status word (撤销 … 不招生) makes the programme closed or suspended only where
 * the remark states it: the phrases below take a status word back, and are read past before the
 * status words are looked for, so 停招不撤销 is suspended, 暂不撤销 no status at all.
 * - a negation: 暂不撤销, 未停招, 不予撤销;
 * - a status itself ended: 取消停招, 解除暂停;
 * - an object narrowing it to a part of the programme: 撤销人工智能方向, 取消中外合作办学, 五年制停招;
 * - a change only planned or applied for: 拟撤销, 撤销申请中 (this year the programme still runs);
 * - intake resumed (恢复招生（原停招）, 停招后已恢复) takes the whole remark back, whatever it says
 *   of before; a restoration only planned or refused (待恢复, 暂不恢复) is none.
 * A remark whose every status word is taken back is read as no status (active) and listed in a
 * note, each remark with its count, so what was not taken as a status is seen. Words that say it
 * runs (新增, 调整, 恢复招生, an empty remark) leave it active; any other remark is read as active
 * and quoted in a note of its own.
 */
const CLOSED = '撤销|撤消|停办|取消|撤并|注销';
const SUSPENDED = '停招|暂停|停止招生|不再招生|未招生|不招生';
const STATUS = `${CLOSED}|${SUSPENDED}`;
const RESUMED = '恢复|重新招生|复招';
const NOT_RESUMED = `(暂不|尚未|不|未|待|拟|将|申请)(${RESUMED})`;
const PLANNED = `(拟|计划|准备)(${STATUS})|(${STATUS})(申请|申报)`;
const NEGATED = `(暂不|暂未|尚未|并未|不予|没有|无需|无须|不|未)(${STATUS})`;
const ENDED = `(取消|撤销|撤消|解除|终止|结束)(${SUSPENDED}|停办|撤并)`;
/** What a status word can end short of the programme: a 方向, a cooperation, a track, a campus. */
const PART = '方向|合作办学|中外合作|联合培养|联办|贯通|分段|订单|试点|学徒制|校区|五年制';
const NARROWED = `(${STATUS})[^，,；;。、]*(${PART})|(${PART})[^，,；;。、]*(${STATUS})`;
const RUNNING = '^(新增|新设|增设|调整|保留|正常|在招|招生|继续招生|恢复招生)$';

/** How a listing row's 备注 is read: a status, or active as planned, taken back or unread (for the notes); NULL when empty. */
const remarkReading = (remark: string) => {
  const matches = (text: string, pattern: string) => `regexp_matches(${text}, ${sqlString(pattern)})`;
  const without = (text: string, pattern: string) => `regexp_replace(${text}, ${sqlString(pattern)}, '', 'g')`;
  // s1: the remark without restorations only planned or refused; s2: without every phrase that takes a status word back
  const s1 = without(remark, NOT_RESUMED);
  const s2 = [ENDED, NEGATED, NARROWED, PLANNED].reduce(without, s1);
  return `CASE WHEN coalesce(trim(${remark}), '') = '' THEN NULL
  WHEN ${matches(remark, RUNNING)} THEN 'active'
  WHEN ${matches(s1, RESUMED)} THEN CASE WHEN ${matches(s1, STATUS)} THEN 'taken_back' ELSE 'active' END
  WHEN ${matches(s2, CLOSED)} THEN 'closed'
  WHEN ${matches(s2, SUSPENDED)} THEN 'suspended'
  WHEN ${matches(s1, PLANNED)} THEN 'planned'
  WHEN ${matches(s1, STATUS)} THEN 'taken_back' ELSE 'unread' END`;
};

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

/**
 * Where each row of a listing or figures file came from, kept for the join (joinListing): a listed
 * programme whose figures row was rejected is rejected too, at its own line, naming that row.
 * Listing: every row loaded, by key and line. Figures: every row rejected, by the key it gives, with
 * its line and reasons. Called by loadTable for each file of either table (a school's own too),
 * before its scratch tables are dropped.
 */
export async function keepListingLines(conn: DuckDBConnection, source: { table: string; file: string; csvPath: string; scan: CsvScan; name: string; rows: string; rejects: string }): Promise<void> {
  const { table, file, scan, name, rows, rejects } = source;
  if (table !== 'programme_listing' && table !== 'programme_figures') return;
  await createKept(conn);
  const fields = readSchema(table).fields;
  const typed = (column: string) => typedValue(fields.find((f) => f.name === column)!, `r.${column}`);
  const lines = `${name}_lines`;
  const rejected = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${rejects}`)).getRowObjectsJS()[0].n as number;
  if (table === 'programme_figures' && rejected === 0) return;
  // mapLines has been built where the file has rejects (fileRejects); a listing without any needs it all the same
  const mapped = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = ${sqlString(lines)}`)).getRowObjectsJS()[0].n as number;
  if (!mapped) await mapLines(conn, source.csvPath, scan, name);
  const line = `coalesce(m.line, r.row_id + ${scan.headerLine + 1})::INTEGER`;
  if (table === 'programme_listing') {
    await conn.run(`
      INSERT INTO ${LISTING_LINES} SELECT ${typed('year')}, r.school_code, r.major_code, ${sqlString(file)}, ${line}
      FROM ${rows} r LEFT JOIN ${lines} m ON m.row_id = r.row_id
      WHERE NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id)`);
    return;
  }
  const order = fields.map((f) => sqlString(f.name)).join(', ');
  await conn.run(`
    INSERT INTO ${FIGURES_REJECTED}
    SELECT ${typed('year')}, r.school_code, r.major_code, ${sqlString(file)}, ${line},
           string_agg(j.field || ': ' || j.reason, '; ' ORDER BY list_position([${order}], j.field), j.reason)
    FROM ${rows} r JOIN ${rejects} j ON j.row_id = r.row_id LEFT JOIN ${lines} m ON m.row_id = r.row_id
    GROUP BY ALL`);
}

const LISTING_LINES = 'listing_kept_lines';
const FIGURES_REJECTED = 'listing_figures_rejected';

const createKept = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${LISTING_LINES} (year INTEGER, school_code VARCHAR, major_code VARCHAR, file VARCHAR, line INTEGER)`);
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${FIGURES_REJECTED} (year INTEGER, school_code VARCHAR, major_code VARCHAR, file VARCHAR, line INTEGER, reasons VARCHAR)`);
};

/**
 * How 备注 was read where no figures row gives the status: closed, suspended, active as a change
 * only planned, active as every status word in it is taken back, or active as unread.
 */
export type RemarkReading = 'closed' | 'suspended' | 'planned' | 'taken_back' | 'unread';

/** What the join of a listing with its figures gave: rows listed, how many have figures, how 备注 was read, with remarks of each reading. */
export interface ListingFigures {
  /** Listed programmes loaded (those rejected with their figures rows not among them). */
  listed: number;
  with_figures: number;
  /** Listed programmes rejected as their figures rows were rejected, and the first of them (year, school, major, figures file:line). */
  figures_rejected: number;
  figures_rejected_example: string | null;
  /** Rejected figures rows whose key names no listed programme (a typo in a key, a key rejected): a programme without figures may be one's. */
  figures_unmatched: number;
  status_from_remark: Record<RemarkReading, number>;
  /** Up to three remarks of each reading; every remark taken back, with its count, in `taken_back`. */
  remark_examples: Record<RemarkReading, string[]>;
  taken_back: { remark: string; rows: number }[];
}

/**
 * raw_programmes from the listing and the figures (optional): figures where a row matches, NULL
 * where none does; the status from the figures, else from 备注. A listed programme whose figures
 * row was rejected is rejected too (returned, and taken out of raw_programme_listing): its school
 * reported figures, so none is estimated for it, and it is not read as running from an empty 备注.
 */
export async function joinListing(conn: DuckDBConnection, programmesColumns: string, figures: boolean, file: string): Promise<{ listing: ListingFigures; rejects: Reject[] }> {
  const l = rawTable('programme_listing');
  const f = figures ? rawTable('programme_figures') : `(SELECT NULL::INTEGER AS year, NULL::VARCHAR AS school_code, NULL::VARCHAR AS major_code,
    NULL::INTEGER AS plan, NULL::INTEGER AS enrolled, NULL::INTEGER AS students, NULL::INTEGER AS graduates,
    NULL::DOUBLE AS employment_rate, NULL::VARCHAR AS status WHERE false)`;
  await createKept(conn);
  // Each listed programme without an accepted figures row but with a rejected one (by its code, or by the file's code before 2021)
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE listing_figures_matched AS
    SELECT l.year, l.school_code, l.major_code, coalesce(l.source_major_code, l.major_code) AS given_code, x.file, x.line, x.reasons
    FROM ${l} l JOIN ${FIGURES_REJECTED} x ON x.year = l.year AND x.school_code = l.school_code AND x.major_code IN (l.major_code, l.source_major_code)
    WHERE NOT EXISTS (SELECT 1 FROM ${f} a WHERE a.year = l.year AND a.school_code = l.school_code AND a.major_code = l.major_code)`);
  const cascaded = (await conn.runAndReadAll(`
    SELECT k.file, min(k.line)::INTEGER AS line, c.year, c.school_code, c.given_code,
           string_agg(parse_filename(c.file) || ':' || c.line || ': ' || c.reasons, ', ' ORDER BY c.file, c.line) AS figures,
           arg_min(parse_filename(c.file) || ':' || c.line, c.file || lpad(c.line::VARCHAR, 10, '0')) AS first
    FROM listing_figures_matched c JOIN ${LISTING_LINES} k USING (year, school_code, major_code)
    GROUP BY k.file, c.year, c.school_code, c.major_code, c.given_code ORDER BY k.file, line`)).getRowObjectsJS();
  const rejects: Reject[] = cascaded.map((c) => ({
    table: 'programme_listing', file: c.file as string, line: c.line as number, column: 'major_code', value: c.given_code as string,
    reason: `招生数据行被拒收 — the row of this programme in programme_figures was rejected (${c.figures as string}): `
      + 'figures are never estimated for a programme whose school reported them; correct that row, and this programme loads with it',
  }));
  await conn.run(`DELETE FROM ${l} l USING (SELECT DISTINCT year, school_code, major_code FROM listing_figures_matched) c
    WHERE l.year = c.year AND l.school_code = c.school_code AND l.major_code = c.major_code`);
  const unmatched = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS n FROM ${FIGURES_REJECTED} x
    WHERE NOT EXISTS (SELECT 1 FROM ${l} l WHERE x.year = l.year AND x.school_code = l.school_code AND x.major_code IN (l.major_code, l.source_major_code))
      AND NOT EXISTS (SELECT 1 FROM listing_figures_matched c WHERE c.file = x.file AND c.line = x.line)`))
    .getRowObjectsJS()[0].n as number;

  // Each distinct 备注 read once
  await conn.run(`CREATE OR REPLACE TEMP TABLE listing_remarks AS
    SELECT remark, ${remarkReading('remark')} AS read FROM (SELECT DISTINCT coalesce(remark, '') AS remark FROM ${l})`);
  await conn.run(`CREATE OR REPLACE TABLE ${rawTable('programmes')} (${programmesColumns})`);
  await conn.run(`
    INSERT INTO ${rawTable('programmes')}
    SELECT l.year, l.school_code, l.major_code, f.plan, f.enrolled, f.students, f.graduates, f.employment_rate,
           coalesce(f.status, CASE WHEN r.read IN ('closed', 'suspended') THEN r.read ELSE 'active' END), l.source_major_code, l.catalogue
    FROM ${l} l LEFT JOIN ${f} f USING (year, school_code, major_code) JOIN listing_remarks r ON r.remark = coalesce(l.remark, '')`);
  // the estimates fall back at most to the year's level (stg_programmes): a year and level without any figures has none to draw on
  const bare = (await conn.runAndReadAll(`
    SELECT string_agg(year || ' ' || ${levelName('level')}, ', ' ORDER BY year, level) AS years FROM
      (SELECT p.year, s.level FROM ${rawTable('programmes')} p JOIN ${rawTable('schools')} s USING (school_code)
       GROUP BY ALL HAVING count(p.students) = 0)`)).getRowObjectsJS()[0].years as string | null;
  if (bare !== null) {
    throw new LoadError(`${file}: 缺少招生与在校生数据 — no programme of ${bare} has figures in programme_figures: `
      + 'supply and enrolment cannot be computed or estimated from the listing alone; add programme_figures.csv with figures of that year and level');
  }
  const readings: RemarkReading[] = ['closed', 'suspended', 'planned', 'taken_back', 'unread'];
  const counts = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS listed, count(year)::INTEGER AS with_figures,
           ${readings.map((r) => `count(*) FILTER (WHERE read = '${r}')::INTEGER AS ${r},
           list_sort(list(DISTINCT remark) FILTER (WHERE read = '${r}'))[1:3] AS ${r}_examples`).join(',\n           ')}
    FROM (SELECT f.year, l.remark, CASE WHEN f.status IS NULL THEN r.read END AS read
          FROM ${l} l LEFT JOIN ${f} f USING (year, school_code, major_code) JOIN listing_remarks r ON r.remark = coalesce(l.remark, ''))`)).getRowObjectsJS()[0];
  const takenBack = (await conn.runAndReadAll(`
    SELECT l.remark, count(*)::INTEGER AS rows
    FROM ${l} l JOIN listing_remarks r ON r.remark = coalesce(l.remark, '')
    WHERE r.read = 'taken_back' AND NOT EXISTS (SELECT 1 FROM ${f} f WHERE f.year = l.year AND f.school_code = l.school_code AND f.major_code = l.major_code AND f.status IS NOT NULL)
    GROUP BY 1 ORDER BY 2 DESC, 1`)).getRowObjectsJS() as { remark: string; rows: number }[];
  for (const table of [LISTING_LINES, FIGURES_REJECTED, 'listing_figures_matched', 'listing_remarks']) await conn.run(`DROP TABLE ${table}`);
  const of = <T>(g: (r: RemarkReading) => T) => Object.fromEntries(readings.map((r) => [r, g(r)])) as Record<RemarkReading, T>;
  const listing: ListingFigures = {
    listed: counts.listed as number, with_figures: counts.with_figures as number,
    figures_rejected: rejects.length,
    figures_rejected_example: cascaded.length ? `${cascaded[0].year as number} ${cascaded[0].school_code as string} ${cascaded[0].given_code as string}, ${cascaded[0].first as string}` : null,
    figures_unmatched: unmatched,
    status_from_remark: of((r) => counts[r] as number),
    remark_examples: of((r) => (counts[`${r}_examples`] ?? []) as string[]),
    taken_back: takenBack,
  };
  return { listing, rejects };
}

/** The listing's rejects of the join in its files' counts: each row rejected, no longer loaded. */
export function countListingRejects(inputs: InputReport[], rejects: readonly Reject[]): void {
  for (const r of rejects) {
    const input = inputs.find((i) => i.table === 'programme_listing' && i.file === r.file);
    if (input) {
      input.rows -= 1;
      input.rejected += 1;
    }
  }
}

/** What the join of a listing with its figures rejects, leaves without data or reads from 备注, said in the warnings. */
export function listingNotes(file: string, l: ListingFigures): string[] {
  const notes: string[] = [];
  const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (l.figures_rejected > 0) {
    notes.push(`${file}: 招生数据行被拒收 — ${s(l.figures_rejected, 'listed programme', 'listed programmes')} rejected with ${l.figures_rejected === 1 ? 'its row' : 'their rows'} `
      + `of programme_figures (e.g. ${l.figures_rejected_example}): figures are never estimated for a programme whose school reported them; correct those rows`);
  }
  const missing = l.listed - l.with_figures;
  const unmatched = l.figures_unmatched > 0
    ? `; ${s(l.figures_unmatched, 'rejected row', 'rejected rows')} of programme_figures ${l.figures_unmatched === 1 ? 'names' : 'name'} no listed programme `
      + `(${l.figures_unmatched === 1 ? 'its' : 'their'} year, school or major rejected): a programme above may be the one ${l.figures_unmatched === 1 ? 'it' : 'one'} meant`
    : '';
  if (missing > 0) notes.push(`${file}: 无招生与在校生数据 — ${missing} of ${l.listed} listed programmes have no row in programme_figures: `
    + 'their plan, enrolled and students are estimated (median of the year\'s reported programmes of the same major, else 专业类, else level), '
    + `graduates from those students ÷ 学制, employment rate no data; the estimates are flagged and shown as such${unmatched}`);
  const { closed, suspended, planned, taken_back: takenBack, unread } = l.status_from_remark;
  const e = (reading: RemarkReading) => (l.remark_examples[reading].length ? `, e.g. ${l.remark_examples[reading].map((r) => `"${r}"`).join(', ')}` : '');
  if (closed + suspended > 0) notes.push(`${file}: 备注读作状态 — status read from 备注: ${closed} closed (撤销${e('closed')}), ${suspended} suspended (停招${e('suspended')})`);
  if (planned > 0) notes.push(`${file}: 备注为计划变动 — ${s(planned, 'programme', 'programmes')} with a change only planned or applied for in 备注 read as active this year${e('planned')}`);
  if (takenBack > 0) {
    notes.push(`${file}: 备注未读作状态 — ${s(takenBack, 'programme has', 'programmes have')} a 备注 that names a status but negates, ends, restores or narrows it `
      + `(a 方向, a cooperation), not read as that status, read as active: ${l.taken_back.map((t) => `"${t.remark}" (${t.rows})`).join(', ')}: `
      + 'if one is not running, give its status in programme_figures');
  }
  if (unread > 0) {
    notes.push(`${file}: 备注未识别 — ${s(unread, 'programme has', 'programmes have')} a 备注 not read as a status, read as active${e('unread')}: `
      + 'if one is not running, give its status in programme_figures');
  }
  return notes;
}
