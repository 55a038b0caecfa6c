/**
 * Converts a batch of daily files of one header layout: one scan checks every day at once
 * (fast-pass.ts; duplicate posting_ids only within a day: a posting sent again on a later day is a
 * legitimate re-send); the few days it cannot settle get the loader's detailed checks, again in one
 * scan. Each day gets its own counts, rejects with its own file:line:column, the reject-share
 * abort, and its Parquet file (shared by the batch's small days).
 */
import { dirname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { checkAccounting } from '../load/accounting.ts';
import { asLoadError } from '../load/errors.ts';
import { typedValue } from '../load/field-reasons.ts';
import { checkForeignKeys } from '../load/foreign-keys.ts';
import type { PreparedInput } from '../load/prepare-input.ts';
import { checkPrimaryKey } from '../load/primary-key.ts';
import { readCsv } from '../load/read-csv.ts';
import { sqlString } from '../load/sql.ts';
import type { Reject } from '../load/rejects/reject.ts';
import { checkRejectShare } from '../load/rejects/share.ts';
import { withSetAside } from '../load/set-aside.ts';
import { assertUnchanged } from '../load/stable-file.ts';
import { suggestCodes } from '../load/suggest.ts';
import { dropTempTables } from '../load/temp-tables.ts';
import { checkFields } from '../load/check-fields.ts';
import { normalisedIn, normalisedNote, normaliseRows, type Normalised } from '../load/normalise.ts';
import { codesFromNames, formerDistricts } from '../load/codes-from-names.ts';
import { readSchema, type TableSchema } from '../config/schema.ts';
import { countByFile, type FileCounts } from './count-by-file.ts';
import type { DailyFile } from './daily-files.ts';
import { dayRejects } from './day-rejects.ts';
import { fastPass, plainValue } from './fast-pass.ts';
import type { LedgerEntry } from './ledger.ts';
import { checkPostedOn } from './posted-on.ts';
import { writeDays, type DaysSource, type WrittenDay } from './write-days.ts';

export interface ConvertOptions {
  /** Key of the postings schema and the tables its foreign keys look up (checksKey). */
  checks: string;
  tmpDir: string;
  rejectShareMax: number;
  warn(message: string): void;
  now(): Date;
  /**
   * false: every day through the loader's detailed checks, the reference the fast pass must equal
   * (tests/postings/fast-pass-equivalence.test.ts). Default true.
   */
  fastPass?: boolean;
}

/** A daily file made ready for read_csv (prepareInput). */
export interface PreparedDay extends PreparedInput { file: DailyFile }

/** What the checks found in a day: its counts, its rejects and (detailed pass) the values normalisation rewrote. */
interface DayResult { counts: FileCounts; rejects: Reject[]; normalised?: Normalised['changes'] }

/** The loader's checks over some days of a batch, each reject worded and placed at its file:line:column. */
async function detailedPass(conn: DuckDBConnection, schema: TableSchema, days: PreparedDay[], warn: (message: string) => void):
  Promise<{ results: DayResult[]; source: DaysSource }> {
  const name = 'batch_postings';
  const scan = await readCsv(conn, days.map((d) => d.csvPath), schema, days[0].header, name, { padded: true, totals: true }).catch((error) => {
    throw asLoadError(dirname(days[0].file.path), error);
  });
  const normalised = await normaliseRows(conn, schema, scan.rows, { totals: true });
  // a district's name, or a former district, read as the code of today, as in any input (load-table.ts)
  const read = [...await codesFromNames(conn, schema, scan.rows), ...await formerDistricts(conn, schema, scan.rows)];
  const rejects = await checkFields(conn, schema, scan.rows, name);
  await checkPostedOn(conn, scan, days.map((d) => d.file.name), rejects);
  await checkForeignKeys(conn, schema, scan.rows, rejects);
  await suggestCodes(conn, schema, scan.rows, rejects);
  await checkPrimaryKey(conn, schema, scan.rows, rejects);
  const counts = await countByFile(conn, scan, rejects);
  const results: DayResult[] = [];
  for (const [i, day] of days.entries()) {
    const found = counts[i].rejected === 0 ? []
      : await dayRejects(conn, { schema, scan, rejects, name }, { scanned: scan.files[i], file: day.file.path, csvPath: day.csvPath }, warn);
    const rewritten = normalisedIn(normalised, scan.files[i].path);
    // a total row is said when the day is read; the rewrites are kept in the ledger and said every night
    normalisedNote(day.file.path, { ...rewritten, changes: [] }).forEach(warn);
    const readAs = read.filter((r) => r.file === scan.files[i].path).map(({ field, count, example }) => ({ field, count, example }));
    results.push({ counts: counts[i], rejects: found, normalised: [...rewritten.changes, ...readAs] });
  }
  const ranges = scan.files.map((f) => ({ key: sqlString(f.path), first: f.first, last: f.first + f.parsed - 1 }));
  return { results, source: { rows: scan.rows, rejects, dayColumn: 'source_file', days: ranges, typed: typedValue } };
}

/**
 * Returns the batch's ledger entries by file name; the caller writes the ledger. The fast pass
 * settles the days it can; the others go through the detailed pass. Reject shares are checked in
 * day order before anything is written.
 */
export async function convertBatch(conn: DuckDBConnection, days: PreparedDay[], storeDir: string,
  options: ConvertOptions): Promise<Record<string, LedgerEntry>> {
  const schema = readSchema('postings');
  const fast = options.fastPass === false ? { days: days.map(() => undefined), rows: '', rejected: '' }
    : await fastPass(conn, schema, days, 'fast_postings');
  const pending = days.filter((_, i) => !fast.days[i]);
  const detailed = pending.length > 0 ? await detailedPass(conn, schema, pending, options.warn) : undefined;
  const results = [...detailed?.results ?? []].reverse();
  const entries: Record<string, Omit<LedgerEntry, keyof WrittenDay>> = {};
  for (const [i, day] of days.entries()) {
    // A day with lines set aside is never settled by the fast pass: it reads fewer records than the file has.
    const read: DayResult = fast.days[i] ?? results.pop()!;
    const n = day.setAside.length;
    const counts = { rows: read.counts.rows + n, rejected: read.counts.rejected + n, read: read.counts.read + n };
    const rejects = withSetAside(read.rejects, schema.name, day.file.path, day.setAside);
    assertUnchanged(day.file.path, day.stamp);
    checkAccounting(day.file.path, day.shape, day.header.line, counts.read);
    checkRejectShare(day.file.path, counts, rejects, options.rejectShareMax);
    entries[day.file.name] = {
      sha256: day.sha256,
      checks: options.checks,
      rows: counts.rows - counts.rejected,
      rejected: counts.rejected,
      rejects: rejects.map(({ line, column, value, reason }) => ({ line, column, value, reason })),
      ...(read.normalised?.length ? { normalised: read.normalised } : {}),
      loaded_at: options.now().toISOString(),
    };
  }
  const stored: Record<string, LedgerEntry> = {};
  const write = async (source: DaysSource, names: string[]) => {
    const written = await writeDays(conn, schema, source, names.map((name) => ({ name, sha256: entries[name].sha256 })), options.checks, storeDir);
    names.forEach((name, i) => (stored[name] = { ...entries[name], ...written[i] }));
  };
  const settled = days.flatMap((d, i) => (fast.days[i] ? [{ name: d.file.name, rows: fast.days[i].rows }] : []));
  if (settled.length > 0) {
    await write({ rows: fast.rows, rejects: fast.rejected, dayColumn: 'day', days: settled.map((d) => d.rows), typed: plainValue }, settled.map((d) => d.name));
  }
  if (detailed) await write(detailed.source, pending.map((d) => d.file.name));
  await dropTempTables(conn, 'fast_postings_');
  await dropTempTables(conn, 'batch_postings_');
  return Object.fromEntries(days.map((d) => [d.file.name, stored[d.file.name]]));
}
