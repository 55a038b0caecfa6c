/**
 * Programme rows read against the catalogue in force in their year. From `current_from` (2021 by
 * default, the first intake under 《职业教育专业目录（2021年）》; mapping.json may move it) codes are
 * 2021 codes. Before it they are codes of the school's legacy catalogue — 2015 高职专科
 * (higher-2015) for 高职 and 职业本科 schools, 2010 中职 (secondary-2010) for 中职 schools — and are
 * carried to their 2021 successor through the 新旧专业对照表 (major_successors.csv), the old code and
 * its catalogue kept on the row (source_major_code, catalogue). So 630302 in a 2019 高职 row is
 * 会计 and becomes 530302 大数据与会计, never the 2021 中职 major with that number. A code not in its
 * year's catalogue, a major the 对照表 withdraws, a major it has no row of (a bureau's partial
 * 对照表: named as such, not as withdrawn), or a split major whose successor mapping.json does not
 * choose is rejected, naming the catalogue: a figure is never split by guesswork nor counted twice.
 * legacy_majors.csv may come without the 对照表 (data/reference holds the 2015 高职专科 list, not the
 * 对照表, which a bureau gives in its data folder): a listed code is then rejected naming its old
 * major, its successor never guessed from a name or a code.
 *
 * Levels: a major must be of its school's level; a 职业本科 school may also run 高职专科 majors (it
 * enrols both). Any other mismatch is rejected naming both levels — a 五年制高职 class taught in a
 * 中职 school is reported by the 高职 school that awards its diploma.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { LISTING_TABLES, rawTable } from '../config/schema.ts';
import { sqlString } from './sql.ts';
import { originalsOf } from './normalise.ts';

/** First school year read in the 2021 catalogue unless mapping.json says otherwise. */
export const CURRENT_FROM = 2021;

export const LEGACY_TABLES = ['legacy_majors', 'major_successors'] as const;

/** Tables of programme rows, read in the catalogue of their year: programmes, or the 备案 listing and its figures. */
export const PROGRAMME_TABLES: readonly string[] = ['programmes', ...LISTING_TABLES];

const LEVEL_NAMES: Record<string, string> = { secondary: '中职', higher: '高职专科', bachelor: '职业本科' };
const CATALOGUE_NAMES: Record<string, string> = { 'higher-2015': '2015 高职专科目录', 'secondary-2010': '2010 中职目录' };

/** A level code as its Chinese name with the code: 高职专科 (higher). */
export const levelName = (column: string) =>
  `CASE ${column} ${Object.entries(LEVEL_NAMES).map(([k, v]) => `WHEN '${k}' THEN '${v} (${k})'`).join(' ')} ELSE ${column} END`;
const catalogueName = (column: string) =>
  `CASE ${column} ${Object.entries(CATALOGUE_NAMES).map(([k, v]) => `WHEN '${k}' THEN '${v} (${k})'`).join(' ')} ELSE ${column} END`;

export interface CatalogueOptions {
  currentFrom: number;
  /** Where legacy_majors was loaded from, if it was: data/reference's list (the 2015 高职专科 catalogue without its 2016–2019 additions) or the data folder's. */
  legacy?: 'reference' | 'own';
  /** The 对照表's file (major_successors), when it is given (only ever with legacy_majors). */
  successors?: string;
  /** Loads legacy_majors (and major_successors), once: asked for only by a table with rows before currentFrom. */
  read(): Promise<void>;
  /** Old code → the successor chosen for a split major (mapping.json catalogue.choose). */
  choose: Record<string, string>;
}

const clean = (rejects: string, fields: string[]) =>
  `NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id AND j.field IN (${fields.map(sqlString).join(', ')}))`;

/**
 * The codes a file gave in an older catalogue and the loader carried to their 2021 successors, and
 * the rows before currentFrom whose school and code a later row gives too (`recoded`), for the notes.
 */
export interface Converted { count: number; example: string | null; recoded?: Recoded }

/**
 * Rows read in an older catalogue whose school and major code a row from currentFrom on gives too.
 * The 2021 catalogue renumbered nearly every major (高职 大类 51–69 became 41–59), so a programme
 * keeping its code across the switch is rare: many such rows say the file writes its earlier years
 * in 2021 codes, which mapping.json's catalogue.current_from then says.
 */
interface Recoded { rows: number; of: number; example: string }

/** `early`: the rows before currentFrom, counted already. */
async function recodedRows(conn: DuckDBConnection, rows: string, currentFrom: number, early: number): Promise<Recoded | undefined> {
  const year = (r: string) => `TRY_CAST(${r}.year AS INTEGER)`;
  const found = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS rows, ${early}::INTEGER AS of,
           arg_min(r.year || ' ' || r.school_code || ' ' || r.major_code, r.row_id) AS example
    FROM ${rows} r
    WHERE ${year('r')} < ${currentFrom}
      AND EXISTS (SELECT 1 FROM ${rows} n WHERE ${year('n')} >= ${currentFrom} AND n.school_code = r.school_code AND n.major_code = r.major_code)`))
    .getRowObjectsJS()[0] as unknown as Recoded;
  return found.rows > 0 ? found : undefined;
}

/**
 * Rows before currentFrom: old code → 2021 successor (rewritten in `rows`, recorded in
 * <rows>_sources, the file's code kept in originalsOf(rows) for the rejects to quote), or a reject.
 * Runs before the foreign-key checks, which then check the successor. Returns what it carried.
 */
export async function resolveCatalogue(conn: DuckDBConnection, rows: string, rejects: string, given: CatalogueOptions): Promise<Converted> {
  // A file with no row before currentFrom (the usual case) needs no legacy catalogue, which is then not read at all.
  const early = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${rows} WHERE TRY_CAST(year AS INTEGER) < ${given.currentFrom}`)).getRows()[0][0] as number;
  if (early && given.legacy) await given.read();
  const options = early ? given : { ...given, legacy: undefined };
  const recoded = early ? await recodedRows(conn, rows, options.currentFrom, early) : undefined;
  await hintLegacyForms(conn, rows, rejects, options);
  const sources = `${rows}_sources`;
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${sources} AS
    SELECT r.row_id, TRY_CAST(r.year AS INTEGER) AS year, r.major_code AS source_major_code,
           ${legacyCatalogue('s.level')} AS catalogue, NULL::VARCHAR AS major_code
    FROM ${rows} r JOIN ${rawTable('schools')} s ON s.school_code = r.school_code
    WHERE ${clean(rejects, ['year', 'school_code', 'major_code'])} AND TRY_CAST(r.year AS INTEGER) < ${options.currentFrom}`);
  const reject = (where: string, reason: string) => conn.run(`
    INSERT INTO ${rejects} SELECT x.row_id, 'major_code', x.source_major_code, ${reason}, NULL FROM ${sources} x ${where}`);
  // Rows of a catalogue legacy_majors does not list (every 中职 row with the reference list alone) cannot be read at all.
  await reject(options.legacy ? `WHERE NOT EXISTS (SELECT 1 FROM ${rawTable('legacy_majors')} lm WHERE lm.catalogue = x.catalogue)` : '',
    `'缺少旧版目录及其新旧对照（legacy_majors.csv、major_successors.csv） — read in the ' || ${catalogueName('x.catalogue')} || ', in force for ' || x.year
      || ' (before ${options.currentFrom}), but ${options.legacy ? 'legacy_majors.csv lists none of its majors: add them, with their successors in major_successors.csv,'
        : 'no legacy_majors.csv and major_successors.csv are given: add them,'} '
      || 'or set catalogue.current_from in mapping.json if the file uses 2021 codes'`);
  await conn.run(`DELETE FROM ${sources} x WHERE EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = x.row_id AND j.field = 'major_code')`);
  if (!options.legacy) return { count: 0, example: null, recoded };
  const choose = Object.entries(options.choose);
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${sources}_found AS
    SELECT x.row_id, any_value(lm.major_name) AS old_name, bool_or(lm.major_code IS NOT NULL) AS listed,
           list(DISTINCT s.new_code ORDER BY s.new_code) FILTER (WHERE s.new_code IS NOT NULL) AS successors,
           string_agg(DISTINCT s.new_code || ' ' || s.new_name, ', ' ORDER BY s.new_code || ' ' || s.new_name) AS named,
           any_value(lk.major_code || ' ' || lk.major_name) AS with_k, bool_or(s.old_code IS NOT NULL) AS in_successors
    FROM ${sources} x
    LEFT JOIN ${rawTable('legacy_majors')} lm ON lm.catalogue = x.catalogue AND lm.major_code = x.source_major_code
      AND x.year BETWEEN lm.valid_from AND coalesce(lm.valid_to, 9999)
    -- 国控专业 are published with a K (620101K 临床医学): the code without it names no major
    LEFT JOIN ${rawTable('legacy_majors')} lk ON lk.catalogue = x.catalogue AND lk.major_code = x.source_major_code || 'K'
      AND x.year BETWEEN lk.valid_from AND coalesce(lk.valid_to, 9999)
    LEFT JOIN ${options.successors !== undefined ? rawTable('major_successors') : '(SELECT NULL::VARCHAR AS catalogue, NULL::VARCHAR AS old_code, NULL::VARCHAR AS new_code, NULL::VARCHAR AS new_name)'} s
      ON s.catalogue = x.catalogue AND s.old_code = x.source_major_code
    GROUP BY x.row_id`);
  await conn.run(`
    UPDATE ${sources} x SET major_code = CASE
      WHEN len(f.successors) = 1 THEN f.successors[1]
      ${choose.length ? `WHEN list_contains(f.successors, CASE x.source_major_code ${choose.map(([o, n]) => `WHEN ${sqlString(o)} THEN ${sqlString(n)}`).join(' ')} END)
        THEN CASE x.source_major_code ${choose.map(([o, n]) => `WHEN ${sqlString(o)} THEN ${sqlString(n)}`).join(' ')} END` : ''}
      END
    FROM ${sources}_found f WHERE f.row_id = x.row_id AND f.listed`);
  const what = `x.source_major_code || ' ' || f.old_name || ' (' || ${catalogueName('x.catalogue')} || ')'`;
  await reject(`JOIN ${sources}_found f USING (row_id) WHERE NOT f.listed AND f.with_k IS NOT NULL`,
    `'国控专业代码带 K：' || ${catalogueName('x.catalogue')} || '中为 ' || f.with_k || ' — ' || x.source_major_code || ' is not in the '
      || ${catalogueName('x.catalogue')} || ', in force for ' || x.year || '; the catalogue code is ' || f.with_k || ': give the code with its K'`);
  // The reference list lacks the additions of 2016–2019: a code missing from it may be one, so the reason says no more than that.
  await reject(`JOIN ${sources}_found f USING (row_id) WHERE NOT f.listed AND f.with_k IS NULL`, options.legacy === 'reference'
    ? `'不在' || ${catalogueName('x.catalogue')} || '中（参考目录未含 2016–2019 年增补专业） — not in the ' || ${catalogueName('x.catalogue')}
      || ', in force for ' || x.year || ', as the reference legacy_majors.csv lists it (without the 2016–2019 additions): '
      || 'if it is one of them, add it to a copy of that file in the data folder'`
    : `'不在' || ${catalogueName('x.catalogue')} || '中 — not in the ' || ${catalogueName('x.catalogue')} || ', in force for ' || x.year`);
  // A 对照表 row without a successor withdraws the major; a code the 对照表 has no row of (a bureau's partial one) is only not known.
  const table = options.successors === undefined ? '' : sqlString(options.successors);
  await reject(`JOIN ${sources}_found f USING (row_id) WHERE f.listed AND coalesce(len(f.successors), 0) = 0`, options.successors !== undefined
    ? `CASE WHEN f.in_successors THEN '已撤销，2021 年目录中没有对应专业 — ' || ${what} || ' is withdrawn in ' || ${table} || ': no 2021 successor'
        ELSE '新旧专业对照表中没有此专业 — ' || ${what} || ' has no row in ' || ${table}
          || ' (the 新旧专业对照表), so its 2021 successor is not known: add its row, with its successor (or withdrawn)' END`
    : `'缺少新旧专业对照表，无法确定 2021 年对应专业 — ' || ${what} || ', in force for ' || x.year
      || ': its 2021 successor is not known without the 新旧专业对照表 (major_successors.csv), and is never guessed from its name or code: '
      || 'add major_successors.csv to the data folder'`);
  await reject(`JOIN ${sources}_found f USING (row_id) WHERE f.listed AND len(f.successors) > 1 AND x.major_code IS NULL`,
    `'2021 年拆分为 ' || f.named || '，请在 mapping.json 的 catalogue.choose 中指明本校开设的一个 — '
      || ${what} || ' was split in 2021 into ' || f.named || ': name the one this school runs in mapping.json catalogue.choose'`);
  await conn.run(`DELETE FROM ${sources} WHERE major_code IS NULL`);
  // Two old majors merged into one: the later row is the same programme given again under its other old code.
  await reject(`JOIN ${sources}_found f USING (row_id) JOIN ${rows} r USING (row_id)
      JOIN (SELECT y.row_id AS first_id, y.source_major_code AS first_code, y.year, z.school_code, y.major_code
            FROM ${sources} y JOIN ${rows} z USING (row_id)) p
        ON p.year = x.year AND p.school_code = r.school_code AND p.major_code = x.major_code AND p.first_id < x.row_id AND p.first_code <> x.source_major_code
      LEFT JOIN ${rawTable('majors')} m ON m.major_code = x.major_code
      QUALIFY row_number() OVER (PARTITION BY x.row_id ORDER BY p.first_id) = 1`,
    `'与前面一行的 ' || p.first_code || ' 在 2021 年都并入 ' || x.major_code || '：同一专业点填了两次，已保留前一行，请把本行数字并入 — '
      || ${what} || ' and ' || p.first_code || ' on an earlier row both became ' || x.major_code || ' ' || coalesce(m.major_name, '')
      || ' in 2021: one programme given twice, the earlier row kept — add these figures to it'`);
  await conn.run(`DELETE FROM ${sources} x WHERE EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = x.row_id)`);
  await conn.run(`UPDATE ${rows} r SET major_code = x.major_code FROM ${sources} x WHERE x.row_id = r.row_id`);
  await conn.run(`INSERT INTO ${originalsOf(rows)} SELECT x.row_id, 'major_code', x.source_major_code FROM ${sources} x
    WHERE NOT EXISTS (SELECT 1 FROM ${originalsOf(rows)} o WHERE o.row_id = x.row_id AND o.field = 'major_code')`);
  const carried = (await conn.runAndReadAll(`
    SELECT count(*)::INTEGER AS count, arg_min(${what} || ' → ' || x.major_code || ' ' || m.major_name, x.row_id) AS example
    FROM ${sources} x JOIN ${sources}_found f USING (row_id) LEFT JOIN ${rawTable('majors')} m ON m.major_code = x.major_code`))
    .getRowObjectsJS()[0] as unknown as Converted;
  return { ...carried, recoded };
}

/** A row's legacy catalogue: the school's level read in the catalogue in force before 2021. */
const legacyCatalogue = (level: string) => `CASE ${level} WHEN 'secondary' THEN 'secondary-2010' ELSE 'higher-2015' END`;

/**
 * A malformed major code in a year before currentFrom is no typo of a 2021 major (suggest.ts would
 * offer the 2021 codes nearest it): its reason names the catalogue it is read in, and where five
 * digits are a code of that catalogue after a 0 (Excel drops the 0 of 090100 in a number
 * column), that code, as a question: adding the 0 would be a guess at the major.
 */
async function hintLegacyForms(conn: DuckDBConnection, rows: string, rejects: string, options: CatalogueOptions): Promise<void> {
  const lost = options.legacy
    ? `LEFT JOIN ${rawTable('legacy_majors')} lm ON lm.catalogue = ${legacyCatalogue('s.level')} AND regexp_full_match(j.value, '[0-9]{5}')
        AND lm.major_code = '0' || j.value AND TRY_CAST(r.year AS INTEGER) BETWEEN lm.valid_from AND coalesce(lm.valid_to, 9999)`
    : 'LEFT JOIN (SELECT NULL::VARCHAR AS major_code, NULL::VARCHAR AS major_name) lm ON false';
  await conn.run(`
    UPDATE ${rejects} SET reason = ${rejects}.reason || ' — ' || h.hint
    FROM (
      SELECT j.row_id, CASE WHEN lm.major_code IS NOT NULL
          THEN '前导零丢失? a leading 0 lost: ' || lm.major_code || ' ' || lm.major_name || ' of the ' || ${catalogueName(legacyCatalogue('s.level'))}
            || '; format the column as text and give the code again'
          ELSE 'a code of the ' || ${catalogueName(legacyCatalogue('s.level'))} || ', in force for ' || r.year END AS hint
      FROM ${rejects} j JOIN ${rows} r USING (row_id) JOIN ${rawTable('schools')} s ON s.school_code = r.school_code ${lost}
      WHERE j.field = 'major_code' AND starts_with(j.reason, 'not a ') AND TRY_CAST(r.year AS INTEGER) < ${options.currentFrom}
    ) h
    WHERE ${rejects}.row_id = h.row_id AND ${rejects}.field = 'major_code'`);
}

/** The notes of the codes read in an older catalogue, and of the rows that look written in 2021 codes; none when neither. */
export function convertedNote(file: string, converted: Converted): string[] {
  const notes = converted.count === 0 ? [] : [`${file}: 按旧目录读取 — read ${converted.count.toLocaleString('en')} major code${converted.count > 1 ? 's' : ''} `
    + `in an older catalogue and carried ${converted.count > 1 ? 'them' : 'it'} to the 2021 successor (e.g. ${converted.example}); the file's code is kept as source_major_code`];
  const r = converted.recoded;
  if (r) {
    notes.push(`${file}: 早年各行疑用 2021 年目录代码 — ${r.rows.toLocaleString('en')} of the ${r.of.toLocaleString('en')} rows read in an older catalogue `
      + `(years before catalogue.current_from) give a school and major code that a row of a later year gives too (e.g. ${r.example}), though the 2021 catalogue renumbered nearly every major; `
      + 'they were read in the older catalogue: if the file writes every year in 2021 codes, set catalogue.current_from in mapping.json');
  }
  return notes;
}

/** A major of another level than its school's (see the module comment); after the foreign keys, so both are known. */
export async function checkLevels(conn: DuckDBConnection, rows: string, rejects: string): Promise<void> {
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT r.row_id, 'major_code', r.major_code,
           'major ' || m.major_code || ' ' || m.major_name || ' is ' || ${levelName('m.level')} || ' but school ' || s.school_code || ' '
             || s.school_name || ' is ' || ${levelName('s.level')}, NULL
    ${levelMismatches(rows, clean(rejects, ['school_code', 'major_code']))}`);
}

/**
 * SQL from FROM on: the staged rows (r) meeting `where` whose major (m) is of another level than
 * their school (s) — the module comment's rule, for every table of programmes a school runs or plans.
 */
export const levelMismatches = (rows: string, where: string) => `
    FROM ${rows} r JOIN ${rawTable('schools')} s ON s.school_code = r.school_code JOIN ${rawTable('majors')} m ON m.major_code = r.major_code
    WHERE ${where} AND NOT ${offers('s.level', 'm.level')}`;

/** Whether a school of one level may run a major of another: its own level, and a 职业本科 school 高职专科 majors too. */
export const offers = (schoolLevel: string, majorLevel: string) => `(${majorLevel} = ${schoolLevel} OR (${schoolLevel} = 'bachelor' AND ${majorLevel} = 'higher'))`;

/**
 * Records on raw_<table> which catalogue each row was read in ('2021', or the legacy one) and
 * the code as the file gave it where it was carried to its successor.
 */
export async function recordSources(conn: DuckDBConnection, rows: string, table: string, rejects: string): Promise<void> {
  const target = rawTable(table);
  await conn.run(`UPDATE ${target} SET catalogue = '2021'`);
  // Only the row kept: two old codes carried to one successor leave one row, the other a duplicate rejected.
  await conn.run(`
    UPDATE ${target} p SET source_major_code = x.source_major_code, catalogue = x.catalogue
    FROM ${rows}_sources x JOIN ${rows} r USING (row_id)
    WHERE p.year = x.year AND p.school_code = r.school_code AND p.major_code = x.major_code
      AND NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = x.row_id)`);
}
