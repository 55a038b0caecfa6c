import { describe, expect, it } from 'vitest';
import { failedScheduledRun, runsWithDuration } from '../../dashboard/src/lib/run-history.ts';
import type { RunRecord } from '../../dashboard/src/lib/types-snapshot.ts';

const run = (started_at: string, trigger: RunRecord['trigger'], outcome: RunRecord['outcome'], seconds = 20): RunRecord => ({
  started_at, finished_at: new Date(Date.parse(started_at) + seconds * 1000).toISOString(), outcome, trigger,
  snapshot: outcome === 'ok' ? started_at : null, stages: {}, rows: 0, rejected: 0, drift: [], error: outcome === 'ok' ? null : 'boom',
});

describe('run history', () => {
  it('flags the newest scheduled run when it failed, whatever manual runs came after', () => {
    const night = run('2026-03-02T18:00:00.000Z', 'schedule', 'failed');
    const runs = [run('2026-03-03T09:00:00.000Z', 'manual', 'ok'), night, run('2026-03-01T18:00:00.000Z', 'schedule', 'ok')];
    expect(failedScheduledRun(runs)).toBe(night);
  });

  it('flags a scheduled run killed before it finished, looking past a scheduled run still going', () => {
    const killed = run('2026-03-02T18:00:00.000Z', 'schedule', 'killed');
    expect(failedScheduledRun([run('2026-03-03T18:00:00.000Z', 'schedule', 'running', 0), killed])).toBe(killed);
    expect(failedScheduledRun([run('2026-03-03T18:00:00.000Z', 'schedule', 'running', 0), run('2026-03-02T18:00:00.000Z', 'schedule', 'ok')])).toBeNull();
  });

  it('does not flag a failure that a later scheduled run made good, nor a failed manual run', () => {
    expect(failedScheduledRun([run('2026-03-02T18:00:00.000Z', 'schedule', 'ok'), run('2026-03-01T18:00:00.000Z', 'schedule', 'failed')])).toBeNull();
    expect(failedScheduledRun([run('2026-03-03T09:00:00.000Z', 'manual', 'failed'), run('2026-03-02T18:00:00.000Z', 'schedule', 'ok')])).toBeNull();
    expect(failedScheduledRun([])).toBeNull();
  });

  it('reads the order from the start times, not from the file order', () => {
    const night = run('2026-03-02T18:00:00.000Z', 'schedule', 'failed');
    expect(failedScheduledRun([run('2026-03-01T18:00:00.000Z', 'schedule', 'ok'), night])).toBe(night);
  });

  it('gives each run its wall time, newest first', () => {
    const runs = runsWithDuration([run('2026-03-01T18:00:00.000Z', 'schedule', 'ok', 21.5), run('2026-03-02T18:00:00.000Z', 'schedule', 'ok', 3)]);
    expect(runs.map((r) => [r.started_at, r.duration_ms])).toEqual([['2026-03-02T18:00:00.000Z', 3000], ['2026-03-01T18:00:00.000Z', 21500]]);
  });

  it('gives a killed run no wall time: when it died is not known, only when that was found', () => {
    expect(runsWithDuration([run('2026-03-02T18:00:00.000Z', 'schedule', 'killed', 86_400)])[0].duration_ms).toBeNull();
  });
});
