import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable, type TableSchema } from '../config/schema.ts';
import { asciiWidth } from './normalise.ts';
import { sqlName, sqlString } from './sql.ts';
import { groupBy } from '../shared/group-by.ts';
import { provinceNames, PROVINCES } from '../config/provinces.ts';

/**
 * Tables a file may name instead of giving their code: a school list writes 所在区县 as 渝中区, a
 * programmes file may write the school's name. Majors are not among them: one name is a major at
 * two levels, with two codes.
 */
const NAMED: Record<string, string> = { districts: 'district_name', schools: 'school_name' };

/** Values of one field read otherwise, in one file of the rows (a batch of postings holds several days). */
export interface ReadByName { file: string; field: string; count: number; example: string }

/** Former districts with the district of today (schemas/former_districts.json), optional, loaded right after the districts. */
export const FORMER_DISTRICTS = 'former_districts';

/**
 * Rewrites the values of `field` that match a row of `lookup` (columns value, code, example: the
 * note's text) as its code, and returns how many per file, with the first as an example.
 */
async function readAs(conn: DuckDBConnection, rows: string, field: string, lookup: string, match: string): Promise<ReadByName[]> {
  const found = (await conn.runAndReadAll(`
    SELECT ${rows}.source_file AS file, count(*)::INTEGER AS count, arg_min(l.example, ${rows}.row_id) AS example
    FROM ${rows} JOIN ${lookup} l ON ${match} GROUP BY 1 ORDER BY min(${rows}.row_id)`)).getRowObjectsJS() as Omit<ReadByName, 'field'>[];
  if (found.length > 0) await conn.run(`UPDATE ${rows} SET ${sqlName(field)} = l.code FROM ${lookup} l WHERE ${match}`);
  return found.map((f) => ({ ...f, field }));
}

/** A province's name as a workplace is written before its district: 重庆市 and 重庆, 广西壮族自治区 and 广西. */
const PROVINCE_PREFIXES = PROVINCES.flatMap((p) => provinceNames(p).map((prefix) => `(${sqlString(p.code)}, ${sqlString(prefix)})`));
/** What job boards put between the province and the district (重庆-渝北区, 重庆·渝北区, 重庆 渝北区, 重庆市渝北区). */
const SEPARATORS = ['', '-', '—', '·', '/', ' ', '\u3000', '_'].map((s) => `(${sqlString(s)})`);

/**
 * District names (columns name, code, and the `columns` asked for) written after their own
 * province's name, as a job board writes a workplace: only the province its code is in, so
 * 吉林-朝阳区 is read as 长春's 朝阳区 and 北京-朝阳区 as Beijing's, where the bare 朝阳区, which both
 * have, is not read at all.
 */
const inProvince = (names: string, columns = 'n.code') => `SELECT p.prefix || s.sep || n.name AS name, ${columns} FROM ${names} n
  JOIN (VALUES ${PROVINCE_PREFIXES.join(', ')}) p(province, prefix) ON left(n.code, 2) = p.province
  CROSS JOIN (VALUES ${SEPARATORS.join(', ')}) s(sep)`;

/**
 * Reads a name written where a code belongs as its code, when the referenced table (already
 * loaded) holds that name exactly once; a name two rows share (鼓楼区 in two cities) stays as it
 * is, to be rejected, unless the province written before it tells them apart. Values that look
 * like a code are never touched. Returns what was read, for the note.
 */
export async function codesFromNames(conn: DuckDBConnection, schema: TableSchema, rows: string): Promise<ReadByName[]> {
  const read: ReadByName[] = [];
  for (const fk of schema.foreignKeys ?? []) {
    const nameField = NAMED[fk.reference.resource];
    const pattern = schema.fields.find((f) => f.name === fk.fields[0])?.constraints?.pattern;
    if (!nameField || fk.fields.length !== 1 || !pattern) continue;
    const field = `${rows}.${sqlName(fk.fields[0])}`;
    const all = `SELECT ${asciiWidth(sqlName(nameField))} AS name, ${sqlName(fk.reference.fields[0])} AS code FROM ${rawTable(fk.reference.resource)}`;
    const forms = fk.reference.resource === 'districts' ? `${all} UNION ALL ${inProvince(`(${all})`)}` : all;
    const names = `(SELECT name, code, '"' || name || '" → "' || code || '"' AS example FROM (
      SELECT name, any_value(code) AS code FROM (${forms}) GROUP BY 1 HAVING count(*) = 1))`;
    read.push(...await readAs(conn, rows, fk.fields[0], names, `${field} = l.name AND NOT regexp_full_match(${field}, ${sqlString(pattern)})`));
  }
  return read;
}

/**
 * Reads a former district's code or name (开县, 500234, or the name after its province as a job board
 * writes it: 重庆-开县) as the district that holds it today (500154), where that district is loaded.
 * A former code still in use (500110, 万盛区 then, 綦江区 now) is a district of today and stays; only
 * its former name is read. Returns what was read, for the note.
 */
export async function formerDistricts(conn: DuckDBConnection, schema: TableSchema, rows: string): Promise<ReadByName[]> {
  const read: ReadByName[] = [];
  const districts = rawTable('districts');
  const names = `(SELECT ${asciiWidth('f.former_name')} AS name, f.former_name AS was, d.district_code AS code, d.district_name AS now
      FROM ${rawTable(FORMER_DISTRICTS)} f JOIN ${districts} d USING (district_code)
      WHERE f.former_name NOT IN (SELECT district_name FROM ${districts}))`;
  const former = `(SELECT value, code, '"' || value || '" (' || was || ') → "' || code || '" (' || now || ')' AS example FROM (
      SELECT f.former_code AS value, f.former_name AS was, d.district_code AS code, d.district_name AS now
      FROM ${rawTable(FORMER_DISTRICTS)} f JOIN ${districts} d USING (district_code)
      WHERE f.former_code NOT IN (SELECT district_code FROM ${districts})
    UNION ALL SELECT name, was, code, now FROM ${names}
    UNION ALL ${inProvince(names, 'n.was, n.code, n.now')}))`;
  for (const fk of schema.foreignKeys ?? []) {
    if (fk.reference.resource !== 'districts' || fk.fields.length !== 1) continue;
    read.push(...await readAs(conn, rows, fk.fields[0], former, `${rows}.${sqlName(fk.fields[0])} = l.value`));
  }
  return read;
}

/** Counts of one kind of reading summed over files, per field, each with its first example. */
const byField = (read: readonly ReadByName[]) => [...groupBy(read, (r) => r.field).values()]
  .map((rs) => ({ field: rs[0].field, count: rs.reduce((n, r) => n + r.count, 0), example: rs[0].example }));

/** The note of values read as another, headed by what was read (`head`, given the total), or none. */
function readNote(file: string, read: readonly ReadByName[], head: (total: number) => string): string[] {
  if (read.length === 0) return [];
  const total = read.reduce((n, r) => n + r.count, 0);
  return [`${file}: ${head(total)}: ${byField(read).map((r) => `${r.field} ${r.count} (e.g. ${r.example})`).join(', ')}`];
}

/** The note of the former districts read as those of today, or none. */
export const formerDistrictsNote = (file: string, read: readonly ReadByName[]) => readNote(file, read, (total) =>
  `按现行区划读取 — read ${total} former district${total > 1 ? 's' : ''} as the district${total > 1 ? 's' : ''} of today (former_districts.csv)`);

/** The note of the names read as codes, or none. */
export const readByNameNote = (file: string, read: readonly ReadByName[]) => readNote(file, read, (total) =>
  `按名称读作代码 — read ${total} name${total > 1 ? 's' : ''} as codes`);
