/**
 * Many refreshes meeting one stale lock at the same moment: exactly one takes it over, the others
 * are refused, and no one's lock is taken from it while it holds it. Also: a lock naming a live
 * process that is not its writer (the pid reused since) is stale.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE, LockedError, processStart } from '../../pipeline/refresh/lock.ts';
import { cleanup, scratch } from '../postings/fixture.ts';

afterAll(cleanup);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TAKERS = 6;

function taker(dir: string, at: number, holdMs: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/refresh/lock-taker.ts', dir, String(at), String(holdMs)], { cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', () => resolve(out.trim() || `error: ${err}`)));
}

describe('the refresh lock under a race', () => {
  it(`${TAKERS} takers over one stale lock at the same moment, three times: never two holders at once, the others refused`, async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    for (let round = 0; round < 3; round++) {
      const dir = scratch('lock-race-');
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, started_at: '2026-11-28T02:00:00.000Z' }));
      // Far enough ahead for every taker to have started (tsx takes a while to load under load).
      const results = await Promise.all(Array.from({ length: TAKERS }, () => taker(dir, Date.now() + 6000, 1500)));
      // A taker the loaded machine started late may win the lock after the first winner let go; never while another held it.
      const held = results.filter((r) => r.startsWith('won ')).map((r) => r.split(' ').slice(1).map(Number)).sort((a, b) => a[0] - b[0]);
      expect(held.length, results.join(', ')).toBeGreaterThanOrEqual(1);
      expect(results.filter((r) => r !== 'locked' && !r.startsWith('won ')), results.join(', ')).toEqual([]);
      held.slice(1).forEach(([from], i) => expect(from, results.join(', ')).toBeGreaterThanOrEqual(held[i][1]));
      expect(results.filter((r) => r === 'locked').length, results.join(', ')).toBeGreaterThanOrEqual(1);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    }
  }, 120_000);

  it('a lock naming a live pid whose process started at another time (pid reused) is stale', () => {
    const dir = scratch('lock-reuse-');
    // This very process is alive, but it did not write this lock: its start time differs.
    const start = processStart(process.pid)!;
    expect(start).toMatch(/^\d+$/);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, started_at: '2026-11-28T02:00:00.000Z', proc_start: String(Number(start) - 1) }));
    const warnings: string[] = [];
    const release = acquireLock(dir, (w) => warnings.push(w));
    expect(warnings).toEqual([`recovered a stale refresh lock (pid ${process.pid} from 2026-11-28T02:00:00.000Z is gone)`]);
    expect(() => acquireLock(dir, () => {})).toThrow(LockedError);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
