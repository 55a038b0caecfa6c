/**
 * Converts the daily files of one run in as few DuckDB scans as possible: each file is prepared
 * as the loader would (encoding, .xlsx, header), then the files whose headers map alike are read
 * together, up to BATCH_BYTES of CSV at a time so a year of a large feed stays within memory.
 */
import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { prepareInput } from '../load/prepare-input.ts';
import { readSchema } from '../schema.ts';
import { convertBatch, type ConvertOptions, type PreparedDay } from './convert-batch.ts';
import type { DailyFile } from './daily-files.ts';
import type { LedgerEntry } from './ledger.ts';

/** CSV bytes read in one batch: large enough that the per-scan cost vanishes, small enough for memory. */
const BATCH_BYTES = 64 << 20;

/** Days of one header layout, in date order, cut into batches of at most BATCH_BYTES (at least one day each). */
function batches(days: PreparedDay[]): PreparedDay[][] {
  const open = new Map<string, { days: PreparedDay[]; bytes: number }>();
  const full: PreparedDay[][] = [];
  for (const day of days) {
    const layout = JSON.stringify([day.header.width, [...day.header.positions]]);
    const bytes = statSync(day.csvPath).size;
    let run = open.get(layout);
    if (run && run.bytes + bytes > BATCH_BYTES) {
      full.push(run.days);
      run = undefined;
    }
    if (!run) open.set(layout, (run = { days: [], bytes: 0 }));
    run.days.push(day);
    run.bytes += bytes;
  }
  return [...full, ...[...open.values()].map((run) => run.days)];
}

/**
 * Ledger entries of the converted files by name; throws LoadError as the loader does. Batches are
 * converted side by side, one per connection; should several fail, the error of the first batch
 * is thrown, and warnings are reported in batch order, as when they are converted one by one.
 */
export async function convertDays(conns: DuckDBConnection[], files: DailyFile[], storeDir: string,
  options: ConvertOptions): Promise<Record<string, LedgerEntry>> {
  const schema = readSchema('postings');
  const days: PreparedDay[] = [];
  for (const file of files) days.push({ file, ...(await prepareInput(file.path, schema, options)) });
  const todo = batches(days);
  const done: Record<string, LedgerEntry>[] = [];
  const warnings: string[][] = todo.map(() => []);
  const failed: { index: number; error: unknown }[] = [];
  let next = 0;
  await Promise.all(conns.map(async (conn) => {
    while (next < todo.length && failed.length === 0) {
      const index = next++;
      const warn = (message: string) => warnings[index].push(message);
      try {
        done[index] = await convertBatch(conn, todo[index], storeDir, { ...options, warn });
      } catch (error) {
        failed.push({ index, error });
      }
    }
  }));
  const first = failed.sort((a, b) => a.index - b.index)[0];
  warnings.slice(0, first ? first.index + 1 : todo.length).flat().forEach(options.warn);
  if (first) throw first.error;
  return Object.assign({}, ...done);
}
