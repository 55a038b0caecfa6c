/**
 * The postings store's ledger: which daily file was converted to which Parquet file, from which
 * bytes (sha256), with how many rows and rejects. It is the store's only source of truth: a
 * Parquet file counts once the ledger names it, and the ledger is replaced whole by a rename, so
 * a refresh killed at any moment leaves either the old ledger or the new one, never half of one.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Normalised } from '../load/normalise.ts';
import type { Reject } from '../load/rejects/reject.ts';

/** A reject as stored: the file is the ledger entry's, re-attached with the path of the day. */
export type StoredReject = Omit<Reject, 'table' | 'file'>;

export interface LedgerEntry {
  sha256: string;
  /** What the file was validated against (checksKey): when that changes, the day is validated again. */
  checks: string;
  /**
   * Parquet file in the store holding the day's rows, each with its file's day (DAY_COLUMN): a
   * batch's small days share one. Named by its days and their hashes (parquetName), so a
   * reconversion never overwrites it.
   */
  parquet: string;
  /** Days the Parquet file holds: fewer of them named by the ledger means the others' rows are stale (a day corrected or deleted since). */
  parquet_days: number;
  rows: number;
  rejected: number;
  rejects: StoredReject[];
  /** Values normalisation rewrote before validation (normalise.ts), per field with a first example; absent when none. */
  normalised?: Normalised['changes'];
  loaded_at: string;
  /**
   * Size, modification and change times and inode of the daily file when its sha256 was last
   * confirmed: while all are unchanged the file is not read again (a year of a national feed is
   * gigabytes). The change time cannot be set back: a file corrected in place with its old
   * modification time kept (touch -r, cp -p, rsync -t) is read again all the same.
   */
  size?: number;
  mtime_ms?: number;
  ctime_ms?: number;
  ino?: number;
}

export interface Ledger {
  files: Record<string, LedgerEntry>;
  /**
   * What runs found (days deleted, days changed) that no published snapshot has said yet: said
   * again by every run until one is, so that the snapshot which drops or changes the postings says so.
   */
  notices?: string[];
}

export const LEDGER_FILE = 'ledger.json';

export function readLedger(storeDir: string): Ledger {
  const path = join(storeDir, LEDGER_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Ledger) : { files: {} };
}

/** Writes a temporary copy, flushes it to disk, then renames it over the ledger (atomic on POSIX). */
export function writeLedger(storeDir: string, ledger: Ledger): void {
  const path = join(storeDir, LEDGER_FILE);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(ledger, null, 1)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** The ledger's notices are said by a published snapshot now: they are dropped. */
export function noticesPublished(storeDir: string): void {
  const ledger = readLedger(storeDir);
  if (ledger.notices?.length) writeLedger(storeDir, { files: ledger.files });
}
