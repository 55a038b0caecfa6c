import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable, type TableSchema } from '../config/schema.ts';
import { asciiWidth } from './normalise.ts';
import { sqlName, sqlString } from './sql.ts';

/**
 * Tables a file may name instead of giving their code: a school list writes 所在区县 as 渝中区, a
 * programmes file may write the school's name. Majors are not among them: one name is a major at
 * two levels, with two codes.
 */
const NAMED: Record<string, string> = { districts: 'district_name', schools: 'school_name' };

export interface ReadByName { field: string; count: number; example: string }

/** Former districts with the district of today (schemas/former_districts.json), optional, loaded right after the districts. */
export const FORMER_DISTRICTS = 'former_districts';

/**
 * Reads a name written where a code belongs as its code, when the referenced table (already
 * loaded) holds that name exactly once; a name two rows share (鼓楼区 in two cities) stays as it
 * is, to be rejected. Values that look like a code are never touched. Returns what was read, for the note.
 */
export async function codesFromNames(conn: DuckDBConnection, schema: TableSchema, rows: string): Promise<ReadByName[]> {
  const read: ReadByName[] = [];
  for (const fk of schema.foreignKeys ?? []) {
    const nameField = NAMED[fk.reference.resource];
    const pattern = schema.fields.find((f) => f.name === fk.fields[0])?.constraints?.pattern;
    if (!nameField || fk.fields.length !== 1 || !pattern) continue;
    const field = sqlName(fk.fields[0]);
    const names = `(SELECT ${asciiWidth(sqlName(nameField))} AS name, any_value(${sqlName(fk.reference.fields[0])}) AS code
      FROM ${rawTable(fk.reference.resource)} GROUP BY 1 HAVING count(*) = 1)`;
    const named = `${rows}.${field} = n.name AND NOT regexp_full_match(${rows}.${field}, ${sqlString(pattern)})`;
    const found = (await conn.runAndReadAll(`
      SELECT count(*)::INTEGER AS count, arg_min('"' || n.name || '" → "' || n.code || '"', ${rows}.row_id) AS example
      FROM ${rows} JOIN ${names} n ON ${named}`)).getRowObjectsJS()[0] as { count: number; example: string };
    if (found.count === 0) continue;
    await conn.run(`UPDATE ${rows} SET ${field} = n.code FROM ${names} n WHERE ${named}`);
    read.push({ field: fk.fields[0], ...found });
  }
  return read;
}

/**
 * Reads a former district's code or name (开县, 500234) as the district that holds it today (500154),
 * where that district is loaded. A former code still in use (500110, 万盛区 then, 綦江区 now) is a
 * district of today and stays; only its former name is read. Returns what was read, for the note.
 */
export async function formerDistricts(conn: DuckDBConnection, schema: TableSchema, rows: string): Promise<ReadByName[]> {
  const read: ReadByName[] = [];
  const districts = rawTable('districts');
  const former = `(SELECT f.former_code AS value, f.former_name AS was, d.district_code AS code, d.district_name AS now
      FROM ${rawTable(FORMER_DISTRICTS)} f JOIN ${districts} d USING (district_code)
      WHERE f.former_code NOT IN (SELECT district_code FROM ${districts})
    UNION ALL
    SELECT ${asciiWidth('f.former_name')}, f.former_name, d.district_code, d.district_name
      FROM ${rawTable(FORMER_DISTRICTS)} f JOIN ${districts} d USING (district_code)
      WHERE f.former_name NOT IN (SELECT district_name FROM ${districts}))`;
  for (const fk of schema.foreignKeys ?? []) {
    if (fk.reference.resource !== 'districts' || fk.fields.length !== 1) continue;
    const field = sqlName(fk.fields[0]);
    const found = (await conn.runAndReadAll(`
      SELECT count(*)::INTEGER AS count,
        arg_min('"' || ${rows}.${field} || '" (' || f.was || ') → "' || f.code || '" (' || f.now || ')', ${rows}.row_id) AS example
      FROM ${rows} JOIN ${former} f ON ${rows}.${field} = f.value`)).getRowObjectsJS()[0] as { count: number; example: string };
    if (found.count === 0) continue;
    await conn.run(`UPDATE ${rows} SET ${field} = f.code FROM ${former} f WHERE ${rows}.${field} = f.value`);
    read.push({ field: fk.fields[0], ...found });
  }
  return read;
}

/** The note of the former districts read as those of today, or none. */
export function formerDistrictsNote(file: string, read: ReadByName[]): string[] {
  if (read.length === 0) return [];
  const total = read.reduce((n, r) => n + r.count, 0);
  return [`${file}: 按现行区划读取 — read ${total} former district${total > 1 ? 's' : ''} as the district${total > 1 ? 's' : ''} of today (former_districts.csv): ` +
    read.map((r) => `${r.field} ${r.count} (e.g. ${r.example})`).join(', ')];
}

/** The note of the names read as codes, or none. */
export function readByNameNote(file: string, read: ReadByName[]): string[] {
  if (read.length === 0) return [];
  const total = read.reduce((n, r) => n + r.count, 0);
  return [`${file}: 按名称读作代码 — read ${total} name${total > 1 ? 's' : ''} as codes: ` +
    read.map((r) => `${r.field} ${r.count} (e.g. ${r.example})`).join(', ')];
}
