/**
 * Converts the daily files of one run in as few DuckDB scans as possible: each file is prepared
 * as the loader would (encoding, .xlsx, header), then the files whose headers map alike are read
 * together, up to BATCH_BYTES of CSV at a time so a year of a large feed stays within memory.
 */
import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { prepareInput } from '../load/prepare-input.ts';
import { readSchema } from '../config/schema.ts';
import { convertBatch, type ConvertOptions, type PreparedDay } from './convert-batch.ts';
import type { DailyFile } from './daily-files.ts';
import type { LedgerEntry } from './ledger.ts';

/** CSV bytes read in one batch at most: large enough that the per-scan cost vanishes, small enough for memory. */
const BATCH_BYTES = 64 << 20;

/** Below this a run's files are not shared out between connections: a scan has a fixed cost too. */
const SHARED_BYTES = 1 << 20;

/** The files made ready for read_csv one after another (prepareInput), as they are needed. */
async function* prepared(files: DailyFile[], options: ConvertOptions): AsyncGenerator<PreparedDay> {
  const schema = readSchema('postings');
  for (const file of files) yield { file, ...(await prepareInput(file.path, schema, options)) };
}

/**
 * Days of one header layout, in date order, cut into batches (at least one day each); a batch is
 * handed out as soon as it is full, so it converts while later files are prepared. A batch holds
 * at most `limit(left, handed)` bytes, `left` being the bytes not yet handed out and `handed` the
 * batches handed out before: the first batches are small, so every connection starts soon, and
 * the last batches shrink, so the connections finish together instead of one converting the last
 * large batch alone.
 */
async function* batches(days: AsyncIterable<PreparedDay>, total: number, limit: (left: number, handed: number) => number): AsyncGenerator<PreparedDay[]> {
  const open = new Map<string, { days: PreparedDay[]; bytes: number }>();
  let left = total;
  let handed = 0;
  for await (const day of days) {
    const layout = JSON.stringify([day.header.width, day.header.line, [...day.header.positions]]);
    const bytes = statSync(day.csvPath).size;
    let run = open.get(layout);
    if (run && run.bytes + bytes > limit(left, handed)) {
      left -= run.bytes;
      handed++;
      yield run.days;
      run = undefined;
    }
    if (!run) open.set(layout, (run = { days: [], bytes: 0 }));
    run.days.push(day);
    run.bytes += bytes;
  }
  for (const run of open.values()) yield run.days;
}

/**
 * Ledger entries of the converted files by name; throws LoadError as the loader does. Files are
 * prepared in order while the batches already cut convert side by side, one per connection. What
 * is reported is what converting one batch after another, once every file was prepared, reports:
 * the first file that cannot be prepared, else the first batch that fails; the files' warnings,
 * then the batches' warnings in batch order.
 */
export async function convertDays(conns: DuckDBConnection[], files: DailyFile[], storeDir: string,
  options: ConvertOptions): Promise<Record<string, LedgerEntry>> {
  const fileWarnings: string[] = [];
  const batchWarnings: string[][] = [];
  const done: Record<string, LedgerEntry>[] = [];
  const failed: { index: number; error: unknown }[] = [];
  let unprepared: { error: unknown } | undefined;
  // What is left is shared out evenly between the connections (a file's bytes more than an even
  // share, so the last file does not make a batch of its own). Each connection's first batch is a
  // quarter of the others: a full one takes the second connection half a second to wait for.
  const sizes = files.map((f) => statSync(f.path).size);
  const largest = Math.max(0, ...sizes);
  const limit = (left: number, handed: number) => Math.min(handed < conns.length ? BATCH_BYTES / 4 : BATCH_BYTES,
    Math.max(SHARED_BYTES, Math.ceil(left / conns.length) + largest));
  const total = sizes.reduce((n, size) => n + size, 0);
  const source = batches(prepared(files, { ...options, warn: (message) => fileWarnings.push(message) }), total, limit);
  // The next batches, one per connection, are prepared while the connections convert theirs:
  // prepared only when asked for, each batch would wait for the hashing and reading of its files
  // with its connection idle.
  const ahead = () => {
    const next = source.next();
    next.catch(() => {}); // awaited by take; a failure is reported there, not as an unhandled rejection
    return next;
  };
  const upcoming = conns.map(ahead);
  let taken = 0;
  const take = async () => {
    const current = upcoming.shift()!;
    upcoming.push(ahead()); // queued behind the others: the generator prepares them in turn
    try {
      const next = await current;
      return next.done ? undefined : { index: taken++, days: next.value };
    } catch (error) {
      unprepared ??= { error };
      return undefined;
    }
  };
  await Promise.all(conns.map(async (conn) => {
    while (failed.length === 0 && !unprepared) {
      const batch = await take();
      if (!batch || failed.length > 0) return;
      const warnings: string[] = (batchWarnings[batch.index] = []);
      try {
        done[batch.index] = await convertBatch(conn, batch.days, storeDir, { ...options, warn: (message) => warnings.push(message) });
      } catch (error) {
        failed.push({ index: batch.index, error });
      }
    }
  }));
  await Promise.all(upcoming.map((next) => next.catch(() => {}))); // nothing is still being prepared once this returns
  fileWarnings.forEach(options.warn);
  if (unprepared) throw unprepared.error;
  const first = failed.sort((a, b) => a.index - b.index)[0];
  batchWarnings.slice(0, first ? first.index + 1 : batchWarnings.length).flat().forEach(options.warn);
  if (first) throw first.error;
  return Object.assign({}, ...done);
}
