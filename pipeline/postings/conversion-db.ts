/**
 * A scratch in-memory database for converting daily files. Validating a small file costs a score
 * of short statements; run against the on-disk warehouse each one also writes to its log, which
 * makes a first load of a year of files about half as fast. The scratch database gets copies of
 * the tables the postings' foreign keys look up, and nothing it does reaches the warehouse.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../load/sql.ts';
import { rawTable, readSchema } from '../schema.ts';

export interface ConversionDb { conn: DuckDBConnection; close(): void }

export async function openConversionDb(warehouse: DuckDBConnection, tmpDir: string): Promise<ConversionDb> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  for (const fk of readSchema('postings').foreignKeys ?? []) {
    const table = rawTable(fk.reference.resource);
    const copy = sqlString(join(tmpDir, `${table}.parquet`));
    await warehouse.run(`COPY ${table} TO ${copy} (FORMAT parquet)`);
    await conn.run(`CREATE TABLE ${table} AS FROM read_parquet(${copy})`);
  }
  return { conn, close: () => (conn.closeSync(), instance.closeSync()) };
}
