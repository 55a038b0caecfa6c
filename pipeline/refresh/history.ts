/**
 * Run history: JSON lines beside the snapshots (a failed run has no snapshot to carry it). Every
 * attempt is recorded: a start line when the run begins, its outcome when it ends, both with the
 * run's id. A run that never wrote its outcome (killed: out of memory, a signal, a power cut) is
 * recorded as killed by the next run that takes the lock, and read as killed as soon as no process
 * holds the lock for it. The data-status view shows the history,
 * and the dashboard's red banner reads its newest run.
 */
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { holderAlive, lockHolder } from './lock.ts';

export interface RunRecord {
  /** Shared by a run's start line and its outcome line (absent in lines of older versions). */
  run?: string;
  started_at: string;
  /** For a run still running, its start; for a killed one, when that was found. */
  finished_at: string;
  outcome: 'running' | 'ok' | 'failed' | 'killed';
  trigger: 'manual' | 'schedule';
  snapshot: string | null;
  stages: Record<string, number>;
  rows: number;
  rejected: number;
  drift: string[];
  error: string | null;
}

export const HISTORY_FILE = 'history.jsonl';

/** Whether the file ends inside a line (cut short by a crash or a full disk): the next line must not be glued to it. */
function endsMidLine(path: string): boolean {
  const size = existsSync(path) ? statSync(path).size : 0;
  if (size === 0) return false;
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 10;
  } finally {
    closeSync(fd);
  }
}

export function appendHistory(warehouseDir: string, record: RunRecord): void {
  const path = join(warehouseDir, HISTORY_FILE);
  appendFileSync(path, `${endsMidLine(path) ? '\n' : ''}${JSON.stringify(record)}\n`);
}

/** Every line, oldest first; a line cut short by a crash is skipped. */
function readLines(warehouseDir: string): RunRecord[] {
  const path = join(warehouseDir, HISTORY_FILE);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as RunRecord] : [];
    } catch {
      return [];
    }
  });
}

/** One record per run, oldest first: its last line (the outcome over the start line). */
function runs(warehouseDir: string): RunRecord[] {
  const byRun = new Map<string, RunRecord>();
  readLines(warehouseDir).forEach((record, i) => byRun.set(record.run ?? `#${i}`, record));
  return [...byRun.values()];
}

export const KILLED = '进程被终止 — the run was killed before it finished (out of memory, a signal or a power cut)';

/**
 * Records as killed every run that started and never ended. Call only while holding the refresh
 * lock: no other run is then alive to end. Returns the runs so recorded.
 */
export function recordKilled(warehouseDir: string, at: Date): RunRecord[] {
  const killed = runs(warehouseDir).filter((r) => r.outcome === 'running').map((r) => killedAt(r, at));
  killed.forEach((r) => appendHistory(warehouseDir, r));
  return killed;
}

const killedAt = (r: RunRecord, at: Date): RunRecord => ({ ...r, finished_at: at.toISOString(), outcome: 'killed', error: KILLED });

/**
 * The newest `limit` runs, newest first. A run marked running whose process no longer holds the
 * lock was killed: it is shown so at once (the morning after, not after the next run's start,
 * which records it).
 */
export function readHistory(warehouseDir: string, limit = 100, now = new Date()): RunRecord[] {
  const holder = lockHolder(warehouseDir);
  const live = holder && holderAlive(holder) ? holder.started_at : null;
  return runs(warehouseDir).slice(-limit).reverse()
    .map((r) => (r.outcome === 'running' && r.started_at !== live ? killedAt(r, now) : r));
}
