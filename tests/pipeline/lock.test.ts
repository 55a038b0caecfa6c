import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireLock } from '../../pipeline/refresh/lock.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'lock-'));

describe('refresh lock', () => {
  it('lets one holder in, refuses a second with the holder named, and frees on release', () => {
    const wh = dir();
    const release = acquireLock(wh, () => {}, new Date('2026-11-29T02:00:00Z'));
    expect(() => acquireLock(wh, () => {})).toThrow(`Another refresh is running (pid ${process.pid}, since 2026-11-29T02:00:00.000Z)`);
    release();
    expect(existsSync(join(wh, 'refresh.lock'))).toBe(false);
    acquireLock(wh, () => {})();
  });

  it('never throws on release: a lock it cannot remove is said, and the reason the run failed stays the last line', () => {
    const wh = dir();
    const warnings: string[] = [];
    const release = acquireLock(wh, (m) => warnings.push(m));
    process.env.CHANJIAO_FAIL_AT = 'lock:release';
    try {
      expect(() => release()).not.toThrow();
    } finally {
      delete process.env.CHANJIAO_FAIL_AT;
    }
    expect(warnings).toEqual([expect.stringContaining('could not remove the refresh lock: ENOSPC')]);
    // Left behind, it names this process: the next run takes it over once the process has ended.
    expect(existsSync(join(wh, 'refresh.lock'))).toBe(true);
  });

  it('recovers a lock whose process is gone, with a warning', () => {
    const wh = dir();
    // A pid that certainly ended: a child process that has already exited.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(wh, 'refresh.lock'), JSON.stringify({ pid: dead, started_at: '2026-11-28T02:00:00.000Z' }));
    const warnings: string[] = [];
    const release = acquireLock(wh, (m) => warnings.push(m));
    expect(warnings).toEqual([`recovered a stale refresh lock (pid ${dead} from 2026-11-28T02:00:00.000Z is gone)`]);
    release();
  });
});
