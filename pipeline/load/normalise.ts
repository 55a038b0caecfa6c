/**
 * Value normalisation before validation: bureau files write the same value in many ways
 * (full-width digits, 2025年, 95.2%, 招生). Each field's text is rewritten in one SQL pass to the
 * form the schema checks, and every rewrite is counted per field and reported with an example,
 * so nothing changes silently. Rules (docs/inputs.md, "Values"):
 * - in a code, a number, a date or a word from a list, full-width letters, digits and signs (Ａ,
 *   ５, ％) become ASCII, as NFKC does; free text (a name, a job title) is kept as written, its
 *   Chinese punctuation （），：with it;
 * - in a field that may be empty, a mark tables write for "no value" (—, -, /, 无, 暂无, N/A) is
 *   empty: it says nothing is known, never zero;
 * - a code or number loses the apostrophe a spreadsheet or export puts before it to keep it text
 *   ('4150012215), or the formula ="…" an export wraps it in for the same end (="0501634972");
 * - a code (a field with a pattern) loses spaces inside it (not line breaks) when what is left is a
 *   code: "510 201" → 510201 (重庆 渝北区 keeps its space: a name, read as one);
 * - a year: 2025年, 2025学年, 2025年度, 2025.0 → 2025; a school year 2025-2026 or 2025-26 → 2025,
 *   the autumn it starts; a date → its calendar year; a year typed into a date-formatted cell
 *   (Excel shows 1905-07-17 for 2025) → the year typed; an Excel date serial → its year;
 * - another integer: 2,025 → 2025, 96.0 → 96, and a count with its unit 3人 or 3名 → 3;
 * - a date given as an Excel date serial (45809: a cell in 2025年6月1日 format, which the workbook
 *   reader does not know as a date) → the day, 2025-06-01; a date written 2025年6月1日 or 2025.6.1, a
 *   time after it or not → 2025-06-01; a time with its offset from UTC (…T18:00:00Z) → its day in Beijing time;
 * - a share (a number at most 1): 95.2% or 95.2 % → 0.952; a bare number is read as a percentage (95.2 →
 *   0.952) only when the whole column is written so: some value above 1, none above 100 and none
 *   strictly between 0 and 1 — a column mixing 0.93 and 1.2 keeps 1.2, rejected as above 1;
 * - a field with words of its own in the schema (valueAliases): the folder's value map, then those
 *   words (招生 → active, 民办 → private, 高职 → higher, a headcount of 若干 → 1), then, in an
 *   enumerated field, case (Active → active).
 * Padding trimmed around a value while reading (read-csv.ts) is counted here too, the padded text
 * kept beside it (paddedColumn); the file's text of every rewritten value is kept (originalsOf) for
 * the rejects to quote. Total rows (合计, 小计, 总计 beginning a cell, in a row without a key of its
 * own) are dropped with a note: they would count every figure twice.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Field, TableSchema } from '../config/schema.ts';
import { sqlName, sqlString } from './sql.ts';

/** Full-width forms of the ASCII signs (U+FF01…U+FF5E: each shifted by 0xFEE0) and the signs. */
const FULL_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
const ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/**
 * SQL: text `x` with its full-width forms made ASCII; names are compared so, since a name written
 * where a code belongs is made so and the name in its table is kept as written.
 */
export const asciiWidth = (x: string) => `translate(${x}, ${sqlString(FULL_WIDTH)}, ${sqlString(ASCII)})`;

/** Free text: a string field that is no code (no pattern) and no word from a list; kept as written. */
const isFreeText = (field: Field) => field.type === 'string' && !field.constraints?.pattern && !field.constraints?.enum;

/** What tables write for "no value" in a cell (full-width forms are made ASCII first, except in free text). */
export const NO_VALUE = ['-', '--', '—', '——', '–', '―', '/', '无', '暂无', 'N/A', 'n/a', 'NA', '空'];

/** The apostrophe before a value a spreadsheet keeps as text ('4150012215), with its typographic forms. */
const APOSTROPHES = ["'", '‘', '’', '`'];
/** The first character of a value kept as text: an apostrophe, or = of the formula ="0501634972". */
const TEXT_MARKS = [...APOSTROPHES, '='].map(sqlString).join(', ');
/** The text inside either mark (group 1 of ="…", group 2 after an apostrophe); a formula of another form is left as it is. */
const TEXT_MARKED = sqlString(`^="(.*)"$|^[${APOSTROPHES.join('')}](.*)$`);

/** Spaces inside a code (a line break is not one: a code split over lines stays a reject). */
const INNER_SPACE = sqlString('[ \t\u00a0\u3000]');

const when = (test: string, then: string) => `WHEN ${test} THEN ${then}`;
const full = (x: string, re: string) => `regexp_full_match(${x}, ${sqlString(re)})`;

/** A decimal text times 0.01, exactly (no binary rounding), without trailing zeros: 95.2 → 0.952. */
const percentOf = (x: string) =>
  `rtrim(rtrim((TRY_CAST(${x} AS DECIMAL(18,6)) * 0.01::DECIMAL(3,2))::VARCHAR, '0'), '.')`;

/** Excel date serials of 2000-01-01 and 2099-12-31 (days since 1899-12-30): the days a serial is read as. */
const SERIALS = 'BETWEEN 36526 AND 73050';
const serialDay = (x: string) => `(DATE '1899-12-30' + ${x}::INTEGER)`;

/** A time of day after a date: 08:00, 8:00:00, 08:00:00.123. */
const TIME = '[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?';

/**
 * A date given as an Excel date serial (a cell in a date format the reader does not know as one) →
 * the day; a day written 2025年3月5日 or 2025.3.5 (a time after it too) → 2025-03-05 (a day that does
 * not exist, 2025年2月30日, stays as written, to be rejected); a time with its offset from UTC
 * (2025-03-04T18:00:00Z, …+00:00) → its day in Beijing time, 2025-03-05, the day a Chongqing
 * feed's days are counted in: the date written before it would be another day for 8 hours of it.
 */
function dateValue(x: string): string {
  const day = `regexp_replace(${x}, ${sqlString(` *${TIME}$`)}, '')`;
  const written = `TRY_CAST(regexp_replace(translate(${day}, '年月.', '---'), '日$', '') AS DATE)::VARCHAR`;
  const beijing = `(TRY_CAST(${x} AS TIMESTAMPTZ) AT TIME ZONE 'Asia/Shanghai')::DATE::VARCHAR`;
  return `CASE ${[
    when(`${full(x, '[0-9]{5}')} AND ${x}::INTEGER ${SERIALS}`, `${serialDay(x)}::VARCHAR`),
    when(full(x, `[0-9]{4}(年[0-9]{1,2}月[0-9]{1,2}日|\\.[0-9]{1,2}\\.[0-9]{1,2})( *${TIME})?`), `coalesce(${written}, ${x})`),
    when(full(x, `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ]${TIME} *(Z|[+-][0-9]{2}(:?[0-9]{2})?)`), `coalesce(${beijing}, ${x})`),
  ].join(' ')} ELSE ${x} END`;
}

function yearValue(x: string): string {
  const date = `TRY_CAST(replace(replace(${x}, '/', '-'), '.', '-') AS DATE)`;
  const start = `left(${x}, 4)::INTEGER`;
  const end = `regexp_extract(${x}, '[-—–~/至] *([0-9]{4}|[0-9]{2})', 1)::INTEGER`;
  return `CASE ${[
    when(full(x, '[0-9]{4}'), x),
    when(full(x, '[0-9]{4}(\\.0+|年|学年|年度|级)'), `left(${x}, 4)`),
    when(`${full(x, '[0-9]{4} *[-—–~/至] *([0-9]{2}|[0-9]{4}) *(学年|年度|年)?')} AND ${end} IN (${start} + 1, (${start} + 1) % 100)`, `left(${x}, 4)`),
    when(`${full(x, '[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}')} AND year(${date}) < 1906`, `datediff('day', DATE '1899-12-30', ${date})::VARCHAR`),
    when(full(x, '[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}'), `year(${date})::VARCHAR`),
    when(`${full(x, '[0-9]{5}')} AND ${x}::INTEGER ${SERIALS}`, `year(${serialDay(x)})::VARCHAR`),
  ].join(' ')} ELSE ${x} END`;
}

function integerValue(x: string): string {
  return `CASE ${[
    when(full(x, '[+-]?[0-9]+'), x),
    when(full(x, '[0-9]{1,3}(,[0-9]{3})+'), `replace(${x}, ',', '')`),
    when(full(x, '[+-]?[0-9]+\\.0+'), `regexp_replace(${x}, '\\.0+$', '')`),
    // a count with its unit, as a job board or a form writes it: 3人, 12 名
    when(full(x, '[0-9]+ *[人名个位]'), `regexp_extract(${x}, '[0-9]+')`),
  ].join(' ')} ELSE ${x} END`;
}

const PERCENT = '[0-9]{1,3}(\\.[0-9]{1,6})?';

function shareValue(x: string, inPercent: boolean): string {
  const bare = inPercent ? [when(full(x, PERCENT), percentOf(x))] : [];
  // 95.2 % too: a space before the sign is how some spreadsheets and people write it.
  return `CASE ${[when(full(x, `${PERCENT} *%`), percentOf(`rtrim(rtrim(${x}, '%'))`)), ...bare].join(' ')} ELSE ${x} END`;
}

/** SQL aggregate: whether a share column writes bare percentages throughout (see the module comment). */
function percentColumn(x: string): string {
  const n = `TRY_CAST(${x} AS DOUBLE)`;
  return `count(*) FILTER (WHERE ${full(x, PERCENT)} AND ${n} > 1) > 0
    AND count(*) FILTER (WHERE ${n} > 100 OR (${n} > 0 AND ${n} < 1)) = 0`;
}

const isShare = (f: Field) => f.type === 'number' && f.constraints?.maximum === 1;

function mapped(x: string, words: Record<string, string>): string {
  const pairs = Object.entries(words);
  return pairs.length === 0 ? x : `CASE ${x} ${pairs.map(([k, v]) => when(sqlString(k), sqlString(v))).join(' ')} ELSE ${x} END`;
}

/**
 * SQL expression for the text of field value `v` (trimmed text, NULL when empty) made plain: ASCII
 * for full-width forms (not in free text), then the folder's own value map (`words`, mapping.json),
 * a "no value" mark emptied, a text apostrophe dropped. Computed once per value (normaliseRows) and then read by
 * normalisedValue: each rule below repeats its input, so rules nested in one expression multiply
 * its size, and with it the time of the national load.
 */
function plainText(field: Field, v: string, words: Record<string, string>): string {
  let x = isFreeText(field) ? v : `CASE WHEN regexp_matches(${v}, '[\uff01-\uff5e]') THEN ${asciiWidth(v)} ELSE ${v} END`;
  x = mapped(x, words);
  const c = field.constraints ?? {};
  if (!c.required) x = `CASE WHEN ${x} IN (${NO_VALUE.map(sqlString).join(', ')}) THEN NULL ELSE ${x} END`;
  if (c.pattern || field.type !== 'string') x = `CASE WHEN left(${x}, 1) IN (${TEXT_MARKS}) THEN nullif(regexp_replace(${x}, ${TEXT_MARKED}, '\\1\\2'), '') ELSE ${x} END`;
  return x;
}

/** SQL expression for the normalised text of plain text `x` (plainText) of a field. */
function normalisedValue(field: Field, x: string, inPercent = false): string {
  const c = field.constraints ?? {};
  x = mapped(x, field.valueAliases ?? {});
  if (c.pattern) {
    // only when what is left is a code: 重庆 渝北区 is a place written where a code belongs, read by its name (codes-from-names.ts)
    const joined = `regexp_replace(${x}, ${INNER_SPACE}, '', 'g')`;
    x = `CASE WHEN regexp_matches(${x}, ${INNER_SPACE}) AND regexp_full_match(${joined}, ${sqlString(c.pattern)}) THEN ${joined} ELSE ${x} END`;
  }
  if (field.type === 'integer') x = field.name === 'year' ? yearValue(x) : integerValue(x);
  if (field.type === 'date') x = dateValue(x);
  if (isShare(field)) x = shareValue(x, inPercent);
  if (c.enum) {
    x = `CASE WHEN lower(${x}) IN (${c.enum.map(sqlString).join(', ')}) THEN lower(${x}) ELSE ${x} END`;
  }
  return x;
}

const TOTAL_WORD = '[\\s\u3000]*[合小总][\\s\u3000]*计';

/**
 * SQL test for a total row, on the raw columns c0…: a cell reading 合计, 小计 or 总计 (spaces inside
 * allowed), in a row that does not name a key of its own — a key column is empty or holds the word
 * (a 备注 of a real row reading 总计划含扩招 does not make it a total).
 */
export function totalRowTest(width: number, keys: readonly (number | undefined)[]): string {
  const cells = Array.from({ length: width }, (_, i) => `c${i}`).join(', ');
  const word = `regexp_matches(concat_ws(chr(31), '', ${cells}), '\\x1f${TOTAL_WORD}')`;
  if (keys.length === 0 || keys.includes(undefined)) return word;
  const noKey = keys.map((at) => `coalesce(trim(c${at}), '') = '' OR regexp_matches(c${at}, '^${TOTAL_WORD}')`).join(' OR ');
  return `(${word} AND (${noKey}))`;
}

/** The column beside a staged field holding its text as the file had it, where that was padded around a value (else NULL). */
export const paddedColumn = (field: string) => sqlName(`${field}__padded`);

/** The table of a staged table's values as the file wrote them, where normalisation rewrote them. */
export const originalsOf = (rows: string) => `${rows}_originals`;

export interface Normalised {
  /** Field → rewrites, with a first example "before → after". */
  changes: { field: string; count: number; example: string }[];
  /** Total rows dropped. */
  totals: number;
  /** The first of them, its cells joined by commas in the file's order, so it can be found in the file. */
  totalExample: string;
}

/** What normalising a file changed: nothing. */
const UNCHANGED: Normalised = { changes: [], totals: 0, totalExample: '' };

/** What normalisation changed in one file read into a staged table (by its `source_file`). */
export const normalisedIn = (found: ReadonlyMap<string, Normalised>, file: string): Normalised => found.get(file) ?? UNCHANGED;

/**
 * Rewrites the staged rows' values to their normal form (see the module comment) and, with
 * `totals`, drops total rows (`total_text`, set by readCsv); returns what changed in each file read
 * into the table (by `source_file`: a batch of daily files is normalised at once), for the notes.
 */
export async function normaliseRows(conn: DuckDBConnection, schema: TableSchema, rows: string,
  options: { values?: Record<string, Record<string, string>>; totals?: boolean } = {}): Promise<Map<string, Normalised>> {
  const values = options.values ?? {};
  const found = new Map<string, Normalised>();
  const of = (file: string) => found.get(file) ?? found.set(file, { ...UNCHANGED, changes: [] }).get(file)!;
  if (options.totals) {
    const totals = (await conn.runAndReadAll(`SELECT source_file, count(*)::INTEGER AS n,
        arg_min(total_text, row_id) AS example
      FROM ${rows} WHERE total_text IS NOT NULL GROUP BY source_file`)).getRowObjectsJS();
    for (const t of totals) Object.assign(of(t.source_file as string), { totals: t.n as number, totalExample: t.example as string });
    if (totals.length > 0) await conn.run(`DELETE FROM ${rows} WHERE total_text IS NOT NULL`);
  }
  // Each value's plain text (p0…) beside its original (o0…), then the rules on the plain text.
  // o: the value as the file wrote it (padding included, so trimming it is counted too)
  const plainColumn = (f: Field, i: number) => `${plainText(f, sqlName(f.name), values[f.name] ?? {})} AS p${i}`;
  const plain = `(SELECT row_id, source_file, ${schema.fields.map((f, i) => `${plainColumn(f, i)}, `
    + `coalesce(${paddedColumn(f.name)}, ${sqlName(f.name)}) AS o${i}`).join(', ')} FROM ${rows})`;
  const shares = schema.fields.flatMap((f, i) => (isShare(f) ? [{ f, i }] : []));
  // The share columns' plain text only: read through `plain`, DuckDB computed every column's list tests
  // (as joins), read or not (the national programmes: 1.8 s of CPU against 0.65 s).
  const percent = shares.length === 0 ? {} : (await conn.runAndReadAll(
    `SELECT ${shares.map(({ f, i }) => `${percentColumn(normalisedValue(f, `p${i}`))} AS ${sqlName(f.name)}`).join(', ')}
     FROM (SELECT ${shares.map(({ f, i }) => plainColumn(f, i)).join(', ')} FROM ${rows})`,
  )).getRowObjectsJS()[0];
  const norms = schema.fields.map((f, i) => ({ f, n: normalisedValue(f, `p${i}`, percent[f.name] === true) }));
  // Only the rows a rule rewrites are kept, with their old values beside the new: a clean file
  // (the usual case) costs one scan, and a rewrite touches only the rows it changes.
  const target = `${rows}_normal`;
  const changed = (i: number) => `n${i} IS DISTINCT FROM o${i}`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${target} AS SELECT * FROM (
      SELECT row_id, source_file, ${norms.map(({ n }, i) => `${n} AS n${i}, o${i}`).join(', ')} FROM ${plain})
    WHERE ${norms.map((_, i) => changed(i)).join(' OR ')}`);
  const counts = (await conn.runAndReadAll(`SELECT source_file, ${norms.map((_, i) => `count(*) FILTER (WHERE ${changed(i)})::INTEGER AS n${i},
      arg_min(left('"' || o${i} || '" → "' || coalesce(n${i}, '') || '"', 80), row_id) FILTER (WHERE ${changed(i)}) AS e${i}`).join(', ')}
    FROM ${target} GROUP BY source_file ORDER BY min(row_id)`)).getRowObjectsJS();
  for (const c of counts) {
    of(c.source_file as string).changes.push(...norms.flatMap(({ f }, i) => ((c[`n${i}`] as number) > 0
      ? [{ field: f.name, count: c[`n${i}`] as number, example: c[`e${i}`] as string }] : [])));
  }
  const rewritten = norms.flatMap((_, i) => (counts.some((c) => (c[`n${i}`] as number) > 0) ? [i] : []));
  // What the file said where a rule rewrote it: a reject quotes the file's text, so it can be found there.
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${originalsOf(rows)} (row_id BIGINT, field VARCHAR, original VARCHAR)`);
  for (const i of rewritten) {
    await conn.run(`INSERT INTO ${originalsOf(rows)} SELECT row_id, ${sqlString(norms[i].f.name)}, o${i} FROM ${target} WHERE ${changed(i)}`);
  }
  if (rewritten.length > 0) {
    const set = rewritten.map((i) => `${sqlName(norms[i].f.name)} = n.n${i}`).join(', ');
    await conn.run(`UPDATE ${rows} SET ${set} FROM ${target} n WHERE ${rows}.row_id = n.row_id`);
  }
  await conn.run(`DROP TABLE ${target}`);
  return found;
}

/** The note a file's normalisation leaves, or none when nothing changed. */
export function normalisedNote(file: string, n: Normalised): string[] {
  const notes: string[] = [];
  if (n.totals > 0) {
    notes.push(`${file}: 跳过合计行 — skipped ${n.totals} total row${n.totals > 1 ? 's' : ''} (合计/小计/总计, e.g. "${n.totalExample}"): `
      + 'figures are summed from the rows themselves');
  }
  if (n.changes.length > 0) {
    const total = n.changes.reduce((s, c) => s + c.count, 0);
    notes.push(`${file}: 规范化 — normalised ${total} value${total > 1 ? 's' : ''} before validation: ` +
      n.changes.map((c) => `${c.field} ${c.count} (e.g. ${c.example})`).join(', '));
  }
  return notes;
}
