import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable, readSchema, type ForeignKey, type TableSchema } from '../config/schema.ts';
import { typedValue } from './field-reasons.ts';
import { sqlName, sqlString } from './sql.ts';

/**
 * The column a foreign key is reported on: the last of its fields, the earlier ones narrowing
 * the reference (crosswalk's segment_code is looked up within its industry_code).
 */
export function keyColumn(fk: ForeignKey): { column: string; scope: string[] } {
  return { column: fk.fields[fk.fields.length - 1], scope: fk.fields.slice(0, -1) };
}

/** How a reason begins when the row referred to is in its file but was rejected there. */
export const REJECTED_ROW = '所引用的行已被拒绝，请先改正该行';

/** How a figures row whose programme the listing does not hold begins its reason (unknown codes: 'unknown '). */
export const NOT_LISTED = 'not listed: ';

/** A rejected row of a table others refer to: its key (as text, typed as raw_ holds it) and what to say of it. */
interface RejectedKey { key: string[]; said: string }

/**
 * The rejected rows of each table loaded on a connection, by table, kept for the tables loaded
 * after it (a load runs on a connection of its own, so none outlives it).
 */
const rejectedKeys = new WeakMap<DuckDBConnection, Map<string, RejectedKey[]>>();

/**
 * Keeps the key of each rejected row of a table (after all its checks), with its file, original
 * line (`lines`: mapLines' table; the scan position where it has none) and first reason in schema
 * order: a row of a later table referring to it is then rejected naming that row, not as an
 * unknown code. Rows DuckDB could not read (a wrong number of fields) have no key and are not kept.
 */
export async function keepRejectedKeys(conn: DuckDBConnection, schema: TableSchema,
  source: { file: string; rows: string; rejects: string; lines: string; headerLine: number }): Promise<void> {
  if (schema.primaryKey.length === 0) return;
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  const order = schema.fields.map((f) => sqlString(f.name)).join(', ');
  const found = (await conn.runAndReadAll(`
    SELECT [${schema.primaryKey.map((k) => `${typedValue(fields.get(k)!, `r.${sqlName(k)}`)}::VARCHAR`).join(', ')}] AS key,
           ${sqlString("'s row in ")} || ${sqlString(source.file)} || ' (line ' || coalesce(m.line, j.row_id + ${source.headerLine + 1}) || ') was rejected: '
             || j.field || coalesce(' ' || j.value, '') || ': ' || j.reason AS said
    FROM ${source.rejects} j JOIN ${source.rows} r USING (row_id) LEFT JOIN ${source.lines} m ON m.row_id = j.row_id
    QUALIFY row_number() OVER (PARTITION BY j.row_id ORDER BY list_position([${order}], j.field) NULLS LAST) = 1
    ORDER BY coalesce(m.line, j.row_id)`)).getRowObjectsJS() as unknown as RejectedKey[];
  if (found.length === 0) return;
  const tables = rejectedKeys.get(conn) ?? new Map<string, RejectedKey[]>();
  rejectedKeys.set(conn, tables);
  tables.set(schema.name, [...(tables.get(schema.name) ?? []), ...found.filter((f) => f.key.every((k) => k !== null))]);
}

/**
 * Rejects rows whose foreign key has no match in the already loaded raw_ table it references,
 * e.g. "unknown major_code 460690"; where the referenced table's file has the key in a row it
 * rejected (keepRejectedKeys), the reason names that row, its line and its reason instead: the code
 * is right, the row it refers to is what to fix. Rows whose key fields already failed a field
 * check are skipped (that reason is the one to fix first).
 */
export async function checkForeignKeys(conn: DuckDBConnection, schema: TableSchema, rows: string, rejects: string): Promise<void> {
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  for (const fk of schema.foreignKeys ?? []) {
    const { column, scope } = keyColumn(fk);
    const typed = fk.fields.map((f) => typedValue(fields.get(f)!, `r.${sqlName(f)}`));
    const matches = fk.reference.fields.map((f, i) => `t.${sqlName(f)} = ${typed[i]}`);
    const scopeText = scope.map((f) => `' for ${f} ' || r.${sqlName(f)}`).join(' || ');
    const named = `${sqlString(`${column} `)} || r.${sqlName(column)}${scopeText ? ` || ${scopeText}` : ''}`;
    // A figures row refers to a row of the listing, not to a code table: its code may be right and
    // the listing's row missing, or rejected for a reason of its own.
    const unknown = fk.reference.resource === 'programme_listing' ? NOT_LISTED : 'unknown ';
    // the referenced file's rejected rows of this key, the first of each key (a key references the table's primary key)
    const kept = fk.reference.fields.join() === readSchema(fk.reference.resource).primaryKey.join() ? rejectedKeys.get(conn)?.get(fk.reference.resource) ?? [] : [];
    const refs = `${rows}_rejected_${fk.reference.resource}`;
    const keyColumns = fk.fields.map((_, i) => `k${i}`).join(', ');
    if (kept.length > 0) {
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${refs} (${fk.fields.map((_, i) => `k${i} VARCHAR`).join(', ')}, said VARCHAR, n INTEGER)`);
      for (let i = 0; i < kept.length; i += 1000) {
        await conn.run(`INSERT INTO ${refs} VALUES ${kept.slice(i, i + 1000).map((k, n) => `(${[...k.key, k.said].map(sqlString).join(', ')}, ${i + n})`).join(', ')}`);
      }
    }
    // Joined only where the referenced file rejected rows: the check of a clean load reads the rows alone.
    const reason = kept.length > 0 ? `CASE WHEN k.said IS NULL THEN ${sqlString(unknown)} || ${named}
               ELSE ${sqlString(`${REJECTED_ROW} — `)} || ${named} || k.said END` : `${sqlString(unknown)} || ${named}`;
    const said = kept.length > 0 ? ` LEFT JOIN (SELECT ${keyColumns}, arg_min(said, n) AS said FROM ${refs} GROUP BY ALL) k
        ON ${typed.map((t, i) => `k.k${i} = ${t}::VARCHAR`).join(' AND ')}` : '';
    await conn.run(`
      INSERT INTO ${rejects}
      SELECT r.row_id, ${sqlString(column)}, r.${sqlName(column)}, ${reason}, NULL
      FROM ${rows} r${said}
      WHERE NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id AND j.field IN (${fk.fields.map(sqlString).join(', ')}))
        AND ${fk.fields.map((f) => `r.${sqlName(f)} IS NOT NULL`).join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM ${rawTable(fk.reference.resource)} t WHERE ${matches.join(' AND ')})`);
    if (kept.length > 0) await conn.run(`DROP TABLE ${refs}`);
  }
}
