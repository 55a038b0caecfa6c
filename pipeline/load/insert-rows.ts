import type { DuckDBConnection } from '@duckdb/node-api';
import { rawColumnDefinitions, rawTable, storedFields, type TableSchema } from '../config/schema.ts';
import { typedValue } from './field-reasons.ts';
import { sqlName } from './sql.ts';

/** Writes the rows without rejects, typed, into raw_<table> (the schema's columns, then any the loader fills later); returns how many. */
export async function insertValidRows(conn: DuckDBConnection, schema: TableSchema, rows: string, rejects: string): Promise<number> {
  const target = rawTable(schema.name);
  const fields = storedFields(schema);
  const values = fields.map((f) => `${typedValue(f, sqlName(f.name))} AS ${sqlName(f.name)}`);
  await conn.run(`CREATE OR REPLACE TABLE ${target} (${rawColumnDefinitions(schema)})`);
  await conn.run(`
    INSERT INTO ${target} (${fields.map((f) => sqlName(f.name)).join(', ')})
    SELECT ${values.join(', ')} FROM ${rows} r
    WHERE NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id)`);
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${target}`);
  return count.getRowObjectsJS()[0].n as number;
}
