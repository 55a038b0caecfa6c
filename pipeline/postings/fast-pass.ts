/**
 * The single-pass check of a batch of daily files: one read of the batch as text, the tests of the
 * loader's checks on each distinct value of a field (every row for the key), one aggregate per day
 * telling whether any row could fail them, and one for repeated posting_ids. Its tests are
 * conservative: a value passes only when the loader's checks would pass it and read it as the same
 * typed value (no padding to trim, nothing normalisation would rewrite, integers and dates in their
 * plain form, codes known to the referenced table, no day after the file's own), so a day that
 * passes needs nothing more. Repeated posting_ids, which a feed re-sending postings has on most
 * days, are rejected here as the loader would ("duplicate key (first at line N)"), when each line
 * of the file holds exactly one record (line = position + 2). Every other day with anything
 * doubtful goes to the loader's detailed pass, which words each reject. Malformed records (a field
 * too many or too few, a line too long) are skipped by the read, so a day with fewer rows than its
 * data records (csv-shape.ts) has one and goes to the detailed pass too: logging them with their
 * lines as the read goes would cost a fifth of the read, for days that are mostly clean.
 */
import { dirname, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { dataRecords } from '../load/accounting.ts';
import { READ_BUFFER_BYTES, READ_LINE_BYTES } from '../load/csv-shape.ts';
import { asLoadError } from '../load/errors.ts';
import type { Reject } from '../load/rejects/reject.ts';
import { sqlName, sqlString } from '../load/sql.ts';
import { boundSql, typedValue } from '../load/field-reasons.ts';
import { BLANKS } from '../load/read-csv.ts';
import { NO_VALUE } from '../load/normalise.ts';
import { duckdbType, rawTable, type Field, type ForeignKey, type TableSchema } from '../config/schema.ts';
import type { PreparedDay } from './convert-batch.ts';
import { postedLatest } from './posted-on.ts';
import type { FileCounts } from './count-by-file.ts';

/**
 * The blanks the loader trims (read-csv.ts) above the ASCII ones, as ranges of code points: a value
 * starting or ending with one is left to the loader.
 */
const WIDE_BLANKS: [number, number][] = [...BLANKS].map((b) => b.codePointAt(0)!).filter((c) => c > 0x20).sort((a, b) => a - b)
  .reduce<[number, number][]>((ranges, c) => {
    const last = ranges.at(-1);
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
    return ranges;
  }, []);

/** A day the fast pass settled: its counts and rejects, as the detailed pass would give them. */
export interface FastDay {
  counts: FileCounts;
  rejects: Reject[];
  /** The day's rows in the batch table: its day number, first and last row_id. */
  rows: { key: string; first: number; last: number };
}

export interface FastPass {
  /** Per day of the batch (in order): settled, or undefined when the detailed pass must look at it. */
  days: (FastDay | undefined)[];
  /** Temporary table of the batch's rows (row_id, day: the file's 1-based place in the batch, one text column per field). */
  rows: string;
  /** Temporary table of the row_ids rejected here (repeated posting_ids). */
  rejected: string;
}

/**
 * True when the value starts or ends with a blank. The start is tested by byte order, cheaper than
 * a starts_with per blank: below '!' (space, tab and control characters), or within a range of
 * multi-byte blanks; the end by an ends_with per blank (right() or rtrim() would cost the pass twice
 * its time: they count the characters of the whole text).
 */
const padded = (v: string) => [
  `${v} < '!'`,
  ...WIDE_BLANKS.map(([from, to]) => `(${v} >= ${sqlString(String.fromCodePoint(from))} AND ${v} < ${sqlString(String.fromCodePoint(to + 1))})`),
  ...[...BLANKS].map((b) => `ends_with(${v}, ${sqlString(b)})`),
].join(' OR ');

/** The field's text as its type, for a value the fast test passed (no regular expression needed). */
export function plainValue(field: Field, v: string): string {
  return field.type === 'integer' || field.type === 'date' ? `${v}::${duckdbType(field)}` : typedValue(field, v);
}

/**
 * SQL condition true when the value might fail a check of the loader, or be read otherwise by it.
 * `keyed`: the field is part of a foreign key, whose test (unknownKeys) admits only values equal to
 * a referenced one, which its own load trimmed: no padding to look for. `patternHeld`: besides,
 * every referenced value matches the field's pattern (keysMatchingPattern), so the key test
 * settles the pattern too.
 */
function doubtful(field: Field, v: string, keyed: boolean, patternHeld: boolean): string {
  const c = field.constraints ?? {};
  const tests: string[] = [];
  const typed = field.type === 'integer' || field.type === 'date' ? `TRY_CAST(${v} AS ${duckdbType(field)})` : typedValue(field, v);
  // Integers and dates only in the form DuckDB prints them: '+3', '03' or ' 3' go to the loader.
  if (field.type === 'integer' || field.type === 'date') tests.push(`${typed}::VARCHAR IS DISTINCT FROM ${v}`);
  else if (field.type !== 'string') tests.push(`${typed} IS NULL`);
  // A value of the enum, or printed by DuckDB, has no padding to trim.
  if (!c.enum && !keyed && field.type !== 'integer' && field.type !== 'date') tests.push(padded(v));
  if (c.pattern && !patternHeld) tests.push(`NOT regexp_full_match(${v}, ${sqlString(c.pattern)})`);
  if (c.minimum !== undefined) tests.push(`${typed} < ${boundSql(c.minimum)}`);
  if (c.maximum !== undefined) tests.push(`${typed} > ${boundSql(c.maximum)}`);
  if (c.enum) tests.push(`${v} NOT IN (${c.enum.map(sqlString).join(', ')})`);
  // A value the checks above pass as it is which normalisation would rewrite (normalise.ts): a
  // mark saying "no value" in a field that may be empty. (Free text is kept as written.)
  if (!c.required) tests.push(`${v} IN (${NO_VALUE.map(sqlString).join(', ')})`);
  // The tests see no NULL: an OR of tests that are NULL on a NULL value is evaluated the slow way,
  // three times as long for a mostly empty column.
  const present = tests.length > 0 ? tests.map((t) => `(${t})`).join(' OR ') : 'false';
  return `CASE WHEN ${v} IS NULL THEN ${c.required ? 'true' : 'false'} ELSE ${present} END`;
}

/**
 * The text fields of one-field foreign keys whose pattern every value of the referenced column
 * matches. A value the key test admits equals one of those values, so it matches the pattern as
 * well: testing the pattern on every row again costs a sixth of the pass (the postings' district code).
 */
async function keysMatchingPattern(conn: DuckDBConnection, schema: TableSchema): Promise<Set<string>> {
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  const held = new Set<string>();
  for (const fk of schema.foreignKeys ?? []) {
    // A key of several fields is not looked up when one of them is NULL: the others are then untested.
    if (fk.fields.length !== 1) continue;
    const field = fields.get(fk.fields[0])!;
    const pattern = field.constraints?.pattern;
    if (!pattern || field.type !== 'string') continue;
    const found = await conn.runAndReadAll(`
      SELECT count(*) FILTER (WHERE NOT regexp_full_match(${sqlName(fk.reference.fields[0])}::VARCHAR, ${sqlString(pattern)}))::INTEGER AS n
      FROM ${rawTable(fk.reference.resource)}`);
    if (found.getRowObjectsJS()[0].n === 0) held.add(field.name);
  }
  return held;
}

/** SQL condition true when the value of a one-field foreign key has no match (NULL is not looked up, as by the loader). */
function unknownKey(field: Field, v: string, fk: ForeignKey): string {
  return `${v} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${rawTable(fk.reference.resource)} t WHERE t.${sqlName(fk.reference.fields[0])} = ${plainValue(field, v)})`;
}

/** SQL condition true when a row's key of several fields has no match (keys with a NULL field are not looked up). */
function unknownKeys(schema: TableSchema, fks: ForeignKey[]): string[] {
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  return fks.map((fk) => {
    const matches = fk.fields.map((f, i) => `t.${sqlName(fk.reference.fields[i])} = ${plainValue(fields.get(f)!, `r.${sqlName(f)}`)}`);
    const present = fk.fields.map((f) => `r.${sqlName(f)} IS NOT NULL`).join(' AND ');
    return `${present} AND NOT EXISTS (SELECT 1 FROM ${rawTable(fk.reference.resource)} t WHERE ${matches.join(' AND ')})`;
  });
}

/**
 * Conditions on the batch's rows (alias r) true for a row holding a doubtful value of a field tested
 * by value. Every test of a field is a function of its value alone, and a batch repeats the values
 * of all its fields but the key (dates, counts, codes, words, employers and titles posted again and
 * again): each distinct value is tested once, and rows are looked up only among the values that
 * failed, usually none. A batch of 20 national days holds 40 dates, 7 headcounts and about 3,000
 * district codes among 476,000 rows; testing every row cost the national ingest an eighth more CPU.
 */
async function doubtfulByValue(conn: DuckDBConnection, rows: string, name: string, tests: { field: Field; test(v: string): string }[]): Promise<string[]> {
  if (tests.length === 0) return [];
  const table = `${name}_doubtful`;
  // OFFSET 0 keeps the tests above DISTINCT: DuckDB would push them below it, onto every row.
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${tests.map(({ field, test }) => `
    SELECT ${sqlString(field.name)} AS field, v FROM (SELECT DISTINCT ${sqlName(field.name)} AS v FROM ${rows} OFFSET 0) WHERE ${test('v')}`).join(' UNION ALL ')}`);
  const found = (await conn.runAndReadAll(`
    SELECT field, count(v)::INTEGER AS "values", (count(*) > count(v)) AS "null" FROM ${table} GROUP BY field`)).getRowObjectsJS() as { field: string; values: number; null: boolean }[];
  return found.map(({ field, values, null: isNull }) => {
    const r = `r.${sqlName(field)}`;
    return [...isNull ? [`${r} IS NULL`] : [], ...values > 0 ? [`${r} IN (SELECT v FROM ${table} WHERE field = ${sqlString(field)} AND v IS NOT NULL)`] : []].join(' OR ');
  });
}

export async function fastPass(conn: DuckDBConnection, schema: TableSchema, days: PreparedDay[], name: string): Promise<FastPass> {
  const rows = `${name}_rows`;
  const rejected = `${name}_rejected`;
  const repeated = `${name}_repeated`;
  const header = days[0].header;
  const paths = `[${days.map((d) => sqlString(resolve(d.csvPath))).join(', ')}]`;
  const columns = Array.from({ length: header.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const values = schema.fields.map((f) => {
    const at = header.positions.get(f.name);
    return `${at === undefined ? 'NULL::VARCHAR' : `c${at}`} AS ${sqlName(f.name)}`;
  });
  // One thread (conversion-db.ts): the ordinality follows the files and their lines. The day is
  // the file's 1-based place in the batch (filename is constant within a chunk, so this is cheap).
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${rows} AS
    SELECT ordinality - 1 AS row_id, list_position(${paths}, filename) AS day, ${values.join(', ')}
    FROM read_csv(${paths},
      columns = {${columns}}, header = true, skip = ${header.line - 1}, auto_detect = false, filename = true,
      delim = ',', quote = '"', escape = '"', max_line_size = ${READ_LINE_BYTES}, buffer_size = ${READ_BUFFER_BYTES}, ignore_errors = true) WITH ORDINALITY`).catch((error) => {
    throw asLoadError(dirname(days[0].file.path), error);
  });
  const keyed = new Set((schema.foreignKeys ?? []).flatMap((fk) => fk.fields));
  const patternHeld = await keysMatchingPattern(conn, schema);
  const singleKeys = new Map((schema.foreignKeys ?? []).filter((fk) => fk.fields.length === 1).map((fk) => [fk.fields[0], fk]));
  const test = (f: Field) => (v: string) => {
    const fk = singleKeys.get(f.name);
    return `(${doubtful(f, v, keyed.has(f.name), patternHeld.has(f.name))})${fk ? ` OR (${unknownKey(f, v, fk)})` : ''}`;
  };
  // The key's values are as many as the rows: tested row by row.
  const byRow = schema.fields.filter((f) => schema.primaryKey.includes(f.name));
  const byValue = schema.fields.filter((f) => !schema.primaryKey.includes(f.name));
  const rowTests = [
    ...byRow.map((f) => test(f)(`r.${sqlName(f.name)}`)),
    ...await doubtfulByValue(conn, rows, name, byValue.map((field) => ({ field, test: test(field) }))),
    ...unknownKeys(schema, (schema.foreignKeys ?? []).filter((fk) => fk.fields.length > 1)),
  ];
  const perDay = new Map((await conn.runAndReadAll(`
    SELECT day::INTEGER AS day, min(row_id)::DOUBLE AS first, count(*)::INTEGER AS n,
           count(*) FILTER (WHERE ${rowTests.length > 0 ? rowTests.map((t) => `(${t})`).join(' OR ') : 'false'})::INTEGER AS doubtful,
           max(posted_on) AS last_posted
    FROM ${rows} r GROUP BY day`)).getRowObjectsJS()
    .map((r) => [r.day as number, r as { first: number; n: number; doubtful: number; last_posted: string | null }]));
  // Keys repeated within a day: every copy after the first is rejected, pointing back at it. Most
  // are pairs, whose second copy is the key's last row; only keys sent three times or more are
  // looked up among the rows again.
  const key = schema.primaryKey.map(sqlName).join(', ');
  const value = (alias: string) => `concat_ws(',', ${schema.primaryKey.map((f) => `${alias}.${sqlName(f)}`).join(', ')})`;
  // Grouping every row by a 64-bit hash of its key costs a third of grouping by the key's text;
  // only the rows of a repeated hash are grouped by the key itself, so a hash collision of two
  // different keys is no repeat.
  const hashed = `hash(${schema.primaryKey.map((f) => `r.${sqlName(f)}`).join(', ')})`;
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${repeated} AS
    WITH hashes AS (SELECT day, ${hashed} AS h FROM ${rows} r GROUP BY ALL HAVING count(*) > 1)
    SELECT day, ${key}, min(row_id) AS first_row_id, max(row_id) AS last_row_id, count(*) AS n
    FROM ${rows} r SEMI JOIN hashes ON r.day = hashes.day AND ${hashed} = hashes.h
    GROUP BY ALL HAVING count(*) > 1`);
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${rejected} AS
    SELECT last_row_id AS row_id, day, ${value('d')} AS value, first_row_id FROM ${repeated} d WHERE n = 2
    UNION ALL
    SELECT r.row_id, r.day, ${value('r')}, d.first_row_id
    FROM ${rows} r JOIN (FROM ${repeated} WHERE n > 2) d USING (day, ${key}) WHERE r.row_id <> d.first_row_id`);
  const repeats = new Map<number, { row_id: number; value: string; first_row_id: number }[]>();
  const found = await conn.runAndReadAll(`
    SELECT row_id::DOUBLE AS row_id, day::INTEGER AS day, value, first_row_id::DOUBLE AS first_row_id FROM ${rejected} ORDER BY row_id`);
  for (const r of found.getRowObjectsJS() as { row_id: number; day: number; value: string; first_row_id: number }[]) {
    if (!repeats.has(r.day)) repeats.set(r.day, []);
    repeats.get(r.day)!.push(r);
  }
  const column = schema.primaryKey.join(',');
  const settled = days.map((day, i): FastDay | undefined => {
    const counted = perDay.get(i + 1);
    if (!counted || counted.doubtful > 0 || counted.n !== dataRecords(day.shape, day.header.line)) return undefined;
    // The day's dates passed as DuckDB prints them (YYYY-MM-DD), whose order as text is theirs as dates.
    if (counted.last_posted !== null && counted.last_posted > postedLatest(day.file.name).latest) return undefined;
    const { first, n } = counted;
    const range = { key: String(i + 1), first, last: first + n - 1 };
    const dups = repeats.get(i + 1) ?? [];
    if (dups.length === 0) return { counts: { rows: n, rejected: 0, read: n }, rejects: [], rows: range };
    // Line numbers from positions only when no record spans lines and no blank line was skipped.
    if (day.shape.lines !== n + 1) return undefined;
    const rejects = dups.map((d) => ({
      table: schema.name, file: day.file.path, line: d.row_id - first + 2, column, value: d.value,
      reason: `duplicate key (first at line ${d.first_row_id - first + 2})`,
    }));
    return { counts: { rows: n, rejected: dups.length, read: n }, rejects, rows: range };
  });
  return { days: settled, rows, rejected };
}
