import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_FILE, KILLED, readHistory, recordKilled, type RunRecord } from '../../pipeline/refresh/history.ts';
import { cleanup, scratch } from '../postings/fixture.ts';

afterAll(cleanup);

const line = (run: string, outcome: RunRecord['outcome'], started_at: string): RunRecord => ({
  run, started_at, finished_at: started_at, outcome, trigger: 'schedule', snapshot: null, stages: {}, rows: 0, rejected: 0, drift: [], error: null,
});

describe('run history', () => {
  it('shows a run once, by its last line; a run without an outcome is recorded as killed by the next start', () => {
    const wh = scratch('history-');
    appendHistory(wh, line('a', 'running', '2026-12-01T02:00:00.000Z'));
    appendHistory(wh, line('a', 'ok', '2026-12-01T02:00:00.000Z'));
    appendHistory(wh, line('b', 'running', '2026-12-02T02:00:00.000Z')); // then the process was killed
    appendFileSync(join(wh, HISTORY_FILE), '{"run":"c","started_'); // a line cut short by a full disk
    expect(readHistory(wh).map((r) => [r.run, r.outcome])).toEqual([['b', 'running'], ['a', 'ok']]);

    const found = new Date('2026-12-03T02:00:00.000Z');
    expect(recordKilled(wh, found).map((r) => r.run)).toEqual(['b']);
    expect(readHistory(wh)[0]).toMatchObject({ run: 'b', outcome: 'killed', error: KILLED, finished_at: found.toISOString() });
    expect(recordKilled(wh, found)).toEqual([]);
    // Appended, never rewritten: the start line stays.
    expect(readFileSync(join(wh, HISTORY_FILE), 'utf8').split('\n').filter((l) => l.includes('"run":"b"'))).toHaveLength(2);
  });
});
