import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../config/schema.ts';
import { typedValue } from './field-reasons.ts';
import { sqlName, sqlString } from './sql.ts';

/**
 * Rejects repeated primary keys among otherwise valid rows of one file (source_file; a batch of
 * daily files may repeat a key across files legitimately): the first occurrence in the file is
 * kept, later ones are rejected as "duplicate key" pointing back at it (first_row_id), so a
 * figure is never counted twice. Keys compare as typed values ('2024' and '+2024' are one year).
 * Duplicated keys are found by aggregation first, which is cheap when there are none.
 */
export async function checkPrimaryKey(conn: DuckDBConnection, schema: TableSchema, rows: string, rejects: string): Promise<void> {
  const fields = schema.primaryKey.map((name) => schema.fields.find((f) => f.name === name)!);
  const keys = fields.map((f, i) => `${typedValue(f, sqlName(f.name))} AS k${i}`).join(', ');
  const same = [...fields.map((_, i) => `d.k${i} IS NOT DISTINCT FROM v.k${i}`), 'd.source_file = v.source_file'].join(' AND ');
  await conn.run(`
    INSERT INTO ${rejects}
    WITH valid AS (
      SELECT row_id, source_file, ${keys}, concat_ws(',', ${schema.primaryKey.map(sqlName).join(', ')}) AS value
      FROM ${rows} r WHERE NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id)),
    duplicated AS (
      SELECT source_file, ${fields.map((_, i) => `k${i}`).join(', ')}, min(row_id) AS first_row_id
      FROM valid GROUP BY ALL HAVING count(*) > 1)
    SELECT v.row_id, ${sqlString(schema.primaryKey.join(','))}, v.value, 'duplicate key', d.first_row_id
    FROM valid v JOIN duplicated d ON ${same}
    WHERE v.row_id <> d.first_row_id`);
}
