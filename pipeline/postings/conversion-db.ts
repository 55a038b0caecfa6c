/**
 * A scratch in-memory database for converting daily files. Validating a small file costs a score
 * of short statements; run against the on-disk warehouse each one also writes to its log, which
 * makes a first load of a year of files about half as fast. The scratch database gets copies of
 * the tables the postings are read against (checks-key.ts), and nothing it does reaches the warehouse.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../load/sql.ts';
import { rawTable, readSchema } from '../config/schema.ts';
import { duckdbConfig, readResources } from '../config/resources.ts';
import { postingsReferences } from './checks-key.ts';

export interface ConversionDb {
  /** One connection per batch converted at the same time (the first also holds the reference tables). */
  conns: DuckDBConnection[];
  close(): void;
}

/**
 * Each statement runs on one thread, so a scan's ordinality follows the files' lines; `workers`
 * connections let as many batches be converted side by side, one per core.
 */
export async function openConversionDb(warehouse: DuckDBConnection, tmpDir: string, workers: number): Promise<ConversionDb> {
  // The run's memory and spill limits hold here too; its spill files have a folder of their own.
  const instance = await DuckDBInstance.create(':memory:', { ...duckdbConfig(readResources(), join(tmpDir, 'conversion-spill')), threads: '1' });
  const conn = await instance.connect();
  for (const name of postingsReferences(readSchema('postings'))) {
    const table = rawTable(name);
    const copy = sqlString(join(tmpDir, `${table}.parquet`));
    await warehouse.run(`COPY ${table} TO ${copy} (FORMAT parquet)`);
    await conn.run(`CREATE TABLE ${table} AS FROM read_parquet(${copy})`);
  }
  const conns = [conn];
  while (conns.length < workers) conns.push(await instance.connect());
  return { conns, close: () => (conns.forEach((c) => c.closeSync()), instance.closeSync()) };
}
