/**
 * The refresh as an operator runs it: the CLI in a child process (so SIGKILL and the lock behave as
 * in production), and what a reader of the warehouse sees afterwards.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest } from '../../pipeline/refresh/manifest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun { code: number | null; signal: NodeJS.Signals | null; stderr: string }

/**
 * `tsx pipeline/cli.ts refresh --data … --warehouse …` with extra environment (the fault points);
 * resolves when it exits. tsx is loaded into the node process itself, so the child's pid is the
 * refresh's own (the one its lock names).
 */
export function runRefresh(dataDir: string, warehouseDir: string, env: Record<string, string> = {}, args: string[] = []): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'refresh', '--data', dataDir, '--warehouse', warehouseDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

/** What `current` serves: its snapshot id, manifest and every mart parsed from its Arrow file. */
export function readCurrent(warehouseDir: string): { snapshot: string; manifest: Manifest; martRows: Record<string, number> } {
  const snapshot = readlinkSync(join(warehouseDir, 'current')).split('/').pop()!;
  const manifest = JSON.parse(readFileSync(join(warehouseDir, 'current/manifest.json'), 'utf8')) as Manifest;
  const martRows = Object.fromEntries(readdirSync(join(warehouseDir, 'current/marts')).filter((file) => file.endsWith('.arrow')).map((file) => [
    file.replace(/\.arrow$/, ''), tableFromIPC(readFileSync(join(warehouseDir, 'current/marts', file))).numRows,
  ]));
  return { snapshot, manifest, martRows };
}

/** Posting ids in the current snapshot's warehouse, with how often each occurs. */
export async function currentPostings(warehouseDir: string): Promise<Map<string, number>> {
  const db = await DuckDBInstance.create(join(warehouseDir, 'current/warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    const rows = (await conn.runAndReadAll('SELECT posting_id, count(*)::INTEGER AS n FROM raw_postings GROUP BY 1')).getRows();
    return new Map(rows.map(([id, n]) => [id as string, n as number]));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
