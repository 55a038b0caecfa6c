/**
 * Brings the postings store in line with the data folder's daily files: a new file is converted,
 * a changed one (other sha256) converted again, a deleted one dropped with a warning, the rest
 * reused as they are. New and changed files are converted together (convertDays) and the ledger is
 * rewritten once they all are, so a run killed half-way loses or doubles nothing; files no ledger
 * entry names, such as the Parquet files of a killed run, are then removed.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileSha256 } from '../refresh/fingerprint.ts';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { faultPoint } from '../refresh/fault.ts';
import type { DailyFile } from './daily-files.ts';
import type { ConvertOptions } from './convert-batch.ts';
import { convertDays } from './convert-days.ts';
import { openConversionDb } from './conversion-db.ts';
import { readResources } from '../config/resources.ts';
import { LEDGER_FILE, readLedger, writeLedger, type Ledger, type LedgerEntry } from './ledger.ts';

export interface SyncOptions extends ConvertOptions {
  progress?(file: string, done: number, total: number): void;
}

export interface StoreSync {
  ledger: Ledger;
  /** Daily files converted in this run (new or changed). */
  converted: string[];
  /** Daily files gone from the data folder, whose postings were dropped. */
  removed: string[];
}

function save(storeDir: string, files: Record<string, LedgerEntry>, notices: string[]): Ledger {
  const ledger = { files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))), ...(notices.length ? { notices } : {}) };
  writeLedger(storeDir, ledger);
  return ledger;
}

/** Removes what the ledger does not name: Parquet files of replaced or deleted days, leftovers of a killed run. */
function removeOrphans(storeDir: string, ledger: Ledger): void {
  const keep = new Set([LEDGER_FILE, ...Object.values(ledger.files).map((e) => e.parquet)]);
  for (const name of readdirSync(storeDir)) if (!keep.has(name)) rmSync(join(storeDir, name), { force: true, recursive: true });
}

export async function syncStore(conn: DuckDBConnection, files: DailyFile[], storeDir: string,
  options: SyncOptions): Promise<StoreSync> {
  mkdirSync(storeDir, { recursive: true });
  const stored = readLedger(storeDir);
  const entries = { ...stored.files };
  // Kept in the ledger until a published snapshot says them: a night that fails must not lose them.
  const notices = [...stored.notices ?? []];
  const present = new Set(files.map((f) => f.name));
  const removed = Object.keys(entries).filter((name) => !present.has(name));
  for (const name of removed) {
    notices.push(`postings/${name}: 文件已删除 — no longer delivered (not in the data folder, nor accepted on the platform); its ${entries[name].rows} postings are dropped`);
    delete entries[name];
  }
  let ledger = removed.length ? save(storeDir, entries, notices) : { files: entries };
  const rechecked = Object.values(entries).filter((e) => e.checks !== options.checks).length;
  if (rechecked) options.warn(`postings: 校验依据已变 — the postings schema, the rules of its checks or the districts changed since ${rechecked} stored days were loaded; they are validated again`);
  const stats = new Map(files.map((f) => [f.name, statSync(f.path)]));
  const stamp = (name: string) => {
    const s = stats.get(name)!;
    return { size: s.size, mtime_ms: s.mtimeMs, ctime_ms: s.ctimeMs, ino: s.ino };
  };
  const todo: DailyFile[] = [];
  let restamped = false;
  for (const f of files) {
    const known = entries[f.name];
    const now = stamp(f.name);
    if (!known || known.checks !== options.checks || !existsSync(join(storeDir, known.parquet))) todo.push(f);
    else if (known.size === now.size && known.mtime_ms === now.mtime_ms && known.ctime_ms === now.ctime_ms && known.ino === now.ino) continue;
    else if (known.sha256 === (await fileSha256(f.path))) {
      // The same bytes delivered again: remember the new time, so it is not read again tomorrow.
      entries[f.name] = { ...known, ...now };
      restamped = true;
    } else {
      notices.push(`${f.path}: 文件已更改 — changed since it was loaded on ${known.loaded_at}; loaded again`);
      todo.push(f);
    }
  }
  notices.forEach((notice) => options.warn(notice));
  if (restamped && todo.length === 0) ledger = save(storeDir, entries, notices);
  if (todo.length > 0) {
    const scratch = await openConversionDb(conn, options.tmpDir, readResources().threads);
    try {
      Object.assign(entries, await convertDays(scratch.conns, todo, storeDir, options));
      for (const file of todo) entries[file.name] = { ...entries[file.name], ...stamp(file.name) };
      ledger = save(storeDir, entries, notices);
      faultPoint('postings:ledger');
      todo.forEach((file, i) => options.progress?.(file.name, i + 1, todo.length));
    } finally {
      scratch.close();
    }
  }
  removeOrphans(storeDir, ledger);
  return { ledger, converted: todo.map((f) => f.name), removed };
}
