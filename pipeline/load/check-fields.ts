import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../config/schema.ts';
import { fieldReason } from './field-reasons.ts';
import { sqlName, sqlString } from './sql.ts';

/** Columns of a rejects table: first_row_id names the row a duplicate key repeats. */
const REJECT_COLUMNS = 'row_id BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR, first_row_id BIGINT';

/**
 * Checks every field of every staged row in one set-based pass (type, required, pattern, range,
 * enum) and returns the name of a new rejects table holding one row per failed field.
 */
export async function checkFields(conn: DuckDBConnection, schema: TableSchema, rows: string, name: string): Promise<string> {
  const rejects = `${name}_rejects`;
  const checks = schema.fields.map((f) => {
    const v = sqlName(f.name);
    return `SELECT row_id, ${sqlString(f.name)} AS field, ${v} AS value, ${fieldReason(f, v)} AS reason FROM ${rows}`;
  });
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${rejects} (${REJECT_COLUMNS})`);
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT row_id, field, value, reason, NULL FROM (${checks.join(' UNION ALL ')})
    WHERE reason IS NOT NULL`);
  return rejects;
}
