import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_FILE, KILLED, readHistory, recordKilled, type RunRecord } from '../../pipeline/refresh/history.ts';
import { cleanup, scratch } from '../postings/fixture.ts';
import { acquireLock, LOCK_FILE } from '../../pipeline/refresh/lock.ts';

afterAll(cleanup);

const line = (run: string, outcome: RunRecord['outcome'], started_at: string): RunRecord => ({
  run, started_at, finished_at: started_at, outcome, trigger: 'schedule', snapshot: null, stages: {}, rows: 0, rejected: 0, drift: [], error: null,
});

describe('run history', () => {
  it('shows a run once, by its last line; a run without an outcome is killed once no process holds the lock for it, and recorded so by the next start', () => {
    const wh = scratch('history-');
    appendHistory(wh, line('a', 'running', '2026-12-01T02:00:00.000Z'));
    appendHistory(wh, line('a', 'ok', '2026-12-01T02:00:00.000Z'));
    appendHistory(wh, line('b', 'running', '2026-12-02T02:00:00.000Z')); // then the process was killed
    appendFileSync(join(wh, HISTORY_FILE), '{"run":"c","started_'); // a line cut short by a full disk
    // Read while b's process holds the lock, b is running; once no process holds it, b was killed.
    const release = acquireLock(wh, () => {}, new Date('2026-12-02T02:00:00.000Z'));
    expect(readHistory(wh).map((r) => [r.run, r.outcome])).toEqual([['b', 'running'], ['a', 'ok']]);
    release();
    expect(readHistory(wh).map((r) => [r.run, r.outcome, r.error])).toEqual([['b', 'killed', KILLED], ['a', 'ok', null]]);

    // A lock left by another run (its process gone) does not make b live either.
    writeFileSync(join(wh, LOCK_FILE), JSON.stringify({ pid: spawnSync(process.execPath, ['-e', '']).pid, started_at: '2026-12-02T02:00:00.000Z' }));
    expect(readHistory(wh)[0].outcome).toBe('killed');
    const found = new Date('2026-12-03T02:00:00.000Z');
    expect(recordKilled(wh, found).map((r) => r.run)).toEqual(['b']);
    expect(readHistory(wh)[0]).toMatchObject({ run: 'b', outcome: 'killed', error: KILLED, finished_at: found.toISOString() });
    expect(recordKilled(wh, found)).toEqual([]);
    // Appended, never rewritten: the start line stays.
    expect(readFileSync(join(wh, HISTORY_FILE), 'utf8').split('\n').filter((l) => l.includes('"run":"b"'))).toHaveLength(2);
  });
});
