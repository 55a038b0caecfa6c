/**
 * Converts a batch of daily files of one header layout with one DuckDB scan: the loader's checks
 * run once over all the batch's rows (duplicate posting_ids only within a day: a posting sent again
 * on a later day is a legitimate re-send), then each day gets its own counts, rejects with its own
 * file:line:column, the reject-share abort, and its own Parquet file.
 */
import { dirname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { asLoadError } from '../load/errors.ts';
import { checkForeignKeys } from '../load/foreign-keys.ts';
import type { PreparedInput } from '../load/prepare-input.ts';
import { checkPrimaryKey } from '../load/primary-key.ts';
import { readCsv } from '../load/read-csv.ts';
import { checkRejectShare } from '../load/reject-share.ts';
import { suggestCodes } from '../load/suggest.ts';
import { dropTempTables } from '../load/temp-tables.ts';
import { checkFields } from '../load/validate.ts';
import { readSchema } from '../schema.ts';
import { countByFile } from './count-by-file.ts';
import type { DailyFile } from './daily-files.ts';
import { dayRejects } from './day-rejects.ts';
import type { LedgerEntry } from './ledger.ts';
import { parquetName } from './parquet-name.ts';
import { writeDays } from './write-days.ts';

export interface ConvertOptions {
  /** Key of the postings schema and the tables its foreign keys look up (checksKey). */
  checks: string;
  tmpDir: string;
  rejectShareMax: number;
  warn(message: string): void;
  now(): Date;
}

/** A daily file made ready for read_csv (prepareInput). */
export interface PreparedDay extends PreparedInput { file: DailyFile }

/** Returns the batch's ledger entries by file name; the caller writes the ledger. */
export async function convertBatch(conn: DuckDBConnection, days: PreparedDay[], storeDir: string,
  options: ConvertOptions): Promise<Record<string, LedgerEntry>> {
  const schema = readSchema('postings');
  const name = 'batch_postings';
  const scan = await readCsv(conn, days.map((d) => d.csvPath), schema, days[0].header, name).catch((error) => {
    throw asLoadError(dirname(days[0].file.path), error);
  });
  const rejects = await checkFields(conn, schema, scan.rows, name);
  await checkForeignKeys(conn, schema, scan.rows, rejects);
  await suggestCodes(conn, schema, scan.rows, rejects);
  await checkPrimaryKey(conn, schema, scan.rows, rejects);
  const counts = await countByFile(conn, scan, rejects);
  const entries: Record<string, LedgerEntry> = {};
  for (const [i, day] of days.entries()) {
    const found = counts[i].rejected === 0 ? []
      : await dayRejects(conn, { schema, scan, rejects, name }, { scanned: scan.files[i], file: day.file.path, csvPath: day.csvPath }, options.warn);
    checkRejectShare(day.file.path, counts[i], found, options.rejectShareMax);
    entries[day.file.name] = {
      sha256: day.sha256,
      checks: options.checks,
      parquet: parquetName(day.file.name, day.sha256, options.checks),
      rows: counts[i].rows - counts[i].rejected,
      rejected: counts[i].rejected,
      rejects: found.map(({ line, column, value, reason }) => ({ line, column, value, reason })),
      loaded_at: options.now().toISOString(),
    };
  }
  await writeDays(conn, schema, { scan, rejects }, days.map((d) => entries[d.file.name].parquet), storeDir);
  await dropTempTables(conn, `${name}_`);
  return entries;
}
