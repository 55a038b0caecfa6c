/**
 * Converts one daily postings file into the store: validated by the loader like every other input
 * (rejects with file:line:column), the valid rows written as a Parquet file under a temporary name
 * and renamed into place. The caller records it in the ledger afterwards; until then it is an
 * orphan that the next run removes.
 */
import { createHash } from 'node:crypto';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadTable } from '../load/load-table.ts';
import { sqlString } from '../load/sql.ts';
import type { TableName } from '../schema.ts';
import { faultPoint } from '../fault.ts';
import type { DailyFile } from './daily-files.ts';
import type { LedgerEntry } from './ledger.ts';

export interface ConvertOptions {
  /** Key of the postings schema and the tables its foreign keys look up (checksKey). */
  checks: string;
  tmpDir: string;
  rejectShareMax: number;
  warn(message: string): void;
  now(): Date;
}

/**
 * Parquet name of a daily file's conversion, `2025-03-01.csv.<16 hex>.parquet`, from the file's bytes
 * and what it was checked against: a new conversion never overwrites the one the ledger names.
 */
export const parquetName = (name: string, sha256: string, checks: string) =>
  `${name}.${createHash('sha256').update(`${sha256} ${checks}`).digest('hex').slice(0, 16)}.parquet`;

export async function convertDailyFile(conn: DuckDBConnection, file: DailyFile, storeDir: string,
  options: ConvertOptions): Promise<LedgerEntry> {
  // The postings schema is not one of the folder-level tables, but the loader checks it the same way.
  const load = await loadTable(conn, { table: 'postings' as TableName, file: file.path },
    { tmpDir: options.tmpDir, rejectShareMax: options.rejectShareMax, warn: options.warn });
  const parquet = parquetName(file.name, load.input.sha256, options.checks);
  const tmp = join(storeDir, `.tmp-${parquet}`);
  await conn.run(`COPY raw_postings TO ${sqlString(tmp)} (FORMAT parquet)`);
  await conn.run('DROP TABLE raw_postings');
  renameSync(tmp, join(storeDir, parquet));
  faultPoint('postings:parquet');
  return {
    sha256: load.input.sha256,
    checks: options.checks,
    parquet,
    rows: load.input.rows,
    rejected: load.input.rejected,
    rejects: load.rejects.map(({ line, column, value, reason }) => ({ line, column, value, reason })),
    loaded_at: options.now().toISOString(),
  };
}
