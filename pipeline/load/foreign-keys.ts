import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable, type ForeignKey, type TableSchema } from '../config/schema.ts';
import { typedValue } from './field-reasons.ts';
import { sqlName, sqlString } from './sql.ts';

/**
 * The column a foreign key is reported on: the last of its fields, the earlier ones narrowing
 * the reference (crosswalk's segment_code is looked up within its industry_code).
 */
export function keyColumn(fk: ForeignKey): { column: string; scope: string[] } {
  return { column: fk.fields[fk.fields.length - 1], scope: fk.fields.slice(0, -1) };
}

/** How a figures row whose programme the listing does not hold begins its reason (unknown codes: 'unknown '). */
export const NOT_LISTED = 'not listed: ';

/**
 * Rejects rows whose foreign key has no match in the already loaded raw_ table it references,
 * e.g. "unknown major_code 460690". Rows whose key fields already failed a field check are
 * skipped (that reason is the one to fix first).
 */
export async function checkForeignKeys(conn: DuckDBConnection, schema: TableSchema, rows: string, rejects: string): Promise<void> {
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  for (const fk of schema.foreignKeys ?? []) {
    const { column, scope } = keyColumn(fk);
    const matches = fk.fields.map((f, i) => `t.${sqlName(fk.reference.fields[i])} = ${typedValue(fields.get(f)!, `r.${sqlName(f)}`)}`);
    const scopeText = scope.map((f) => `' for ${f} ' || r.${sqlName(f)}`).join(' || ');
    // A figures row refers to a row of the listing, not to a code table: its code may be right and
    // the listing's row missing, or rejected for a reason of its own.
    const unknown = fk.reference.resource === 'programme_listing' ? NOT_LISTED : 'unknown ';
    await conn.run(`
      INSERT INTO ${rejects}
      SELECT r.row_id, ${sqlString(column)}, r.${sqlName(column)},
             ${sqlString(`${unknown}${column} `)} || r.${sqlName(column)}${scopeText ? ` || ${scopeText}` : ''}, NULL
      FROM ${rows} r
      WHERE NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id AND j.field IN (${fk.fields.map(sqlString).join(', ')}))
        AND ${fk.fields.map((f) => `r.${sqlName(f)} IS NOT NULL`).join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM ${rawTable(fk.reference.resource)} t WHERE ${matches.join(' AND ')})`);
  }
}
