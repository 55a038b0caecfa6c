/**
 * One refresh at a time, as operators meet it: two CLI refreshes started together, one runs and the
 * other refuses naming the holder; a lock left by a dead process is taken over with a warning.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { LockHolder } from '../../pipeline/refresh/lock.ts';
import { readHistory } from '../../pipeline/refresh/history.ts';
import { cleanup, dataFolder, scratch } from '../postings/fixture.ts';
import { readCurrent, runRefresh } from './cli.ts';

afterAll(cleanup);

async function waitFor<T>(probe: () => T | undefined, ms: number): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 10))) {
    const value = probe();
    if (value !== undefined) return value;
  }
  throw new Error(`nothing after ${ms} ms`);
}

describe('refresh lock', () => {
  it('lets one of two refreshes started together run; the other refuses with the holder named', async () => {
    const data = dataFolder();
    const wh = scratch('wh-lock-');
    const lock = join(wh, 'refresh.lock');
    const runs = [runRefresh(data, wh), runRefresh(data, wh)];
    const holder = await waitFor(() => {
      try {
        return JSON.parse(readFileSync(lock, 'utf8')) as LockHolder;
      } catch {
        return undefined;
      }
    }, 30_000);
    // Freeze the holder so that the other run meets its lock however fast the machine is.
    process.kill(holder.pid, 'SIGSTOP');
    const first = await Promise.race(runs.map((run, i) => run.then((result) => ({ i, result }))));
    process.kill(holder.pid, 'SIGCONT');
    expect(first.result.code).toBe(1);
    expect(first.result.stderr).toContain(`另一个刷新正在运行 Another refresh is running (pid ${holder.pid}, since ${holder.started_at}); try again when it ends`);
    const winner = await runs[1 - first.i];
    expect(winner.code, winner.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(readCurrent(wh).manifest.status).toBe('ok');
    // The refused attempt is in the history too, so the last line never says "ok" over a refusal unseen.
    expect(readHistory(wh).map((r) => [r.outcome, r.error?.slice(0, 9) ?? null]).sort()).toEqual([['failed', '另一个刷新正在运行'], ['ok', null]]);
  }, 120_000);

  it('recovers a lock whose holder is gone, with a warning, and publishes', async () => {
    const wh = scratch('wh-lock-');
    // A pid that certainly ended: a child process that has already exited.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(wh, 'refresh.lock'), JSON.stringify({ pid: dead, started_at: '2026-11-28T02:00:00.000Z' }));
    const run = await runRefresh(dataFolder(), wh);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`recovered a stale refresh lock (pid ${dead} from 2026-11-28T02:00:00.000Z is gone)`);
    expect(existsSync(join(wh, 'refresh.lock'))).toBe(false);
  }, 120_000);
});
