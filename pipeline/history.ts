/**
 * Run history: one JSON line per refresh, kept beside the snapshots (a failed run has no snapshot
 * to carry it). The data-status view shows it, and the dashboard's red banner reads its last line.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunRecord {
  started_at: string;
  finished_at: string;
  outcome: 'ok' | 'failed';
  trigger: 'manual' | 'schedule';
  snapshot: string | null;
  stages: Record<string, number>;
  rows: number;
  rejected: number;
  drift: string[];
  error: string | null;
}

export const HISTORY_FILE = 'history.jsonl';

export function appendHistory(warehouseDir: string, record: RunRecord): void {
  appendFileSync(join(warehouseDir, HISTORY_FILE), `${JSON.stringify(record)}\n`);
}

/** The newest `limit` runs, newest first. */
export function readHistory(warehouseDir: string, limit = 100): RunRecord[] {
  const path = join(warehouseDir, HISTORY_FILE);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).slice(-limit).reverse()
    .map((line) => JSON.parse(line) as RunRecord);
}
