/**
 * Crash safety: the refresh CLI killed with SIGKILL at every stage boundary (and inside the postings
 * store, between a Parquet file and its ledger entry; the stages a night with only new postings
 * skips, in a full run), and failing with a full disk in the middle of
 * the export. Each time `current` must stay exactly as it was and readable; the next refresh must
 * succeed, with every posting once. Fixture: tests/fixtures/refresh, day 2 delivered after the
 * first publish (5 postings, then 8 once D1-003's repeat counts once).
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KILLED, readHistory } from '../../pipeline/refresh/history.ts';
import { readLedger } from '../../pipeline/postings/ledger.ts';
import { POSTINGS_STORE } from '../../pipeline/postings/index.ts';
import { cleanup, dataFolder, deliver, scratch } from '../postings/fixture.ts';
import { currentPostings, readCurrent, runRefresh } from './cli.ts';

afterAll(cleanup);

/** Points inside a stage, after the stage's own boundary: the store's, between a Parquet file and its ledger entry, and one mart's export (a mart the postings feed: a night with only new postings rebuilds no other). */
const INNER_POINTS: Record<string, string[]> = {
  postings: ['postings:parquet', 'postings:ledger'],
  export: ['export:mart_posting_demand'],
};

/** Every stage boundary of a run (its manifest lists the stages in run order), the inner points, and the publish step. */
const killPoints = (stages: Record<string, number>) =>
  [...Object.keys(stages).flatMap((stage) => [stage, ...(INNER_POINTS[stage] ?? [])]), 'publish'];

const once = (postings: Map<string, number>) => [...postings.values()].every((n) => n === 1);

/** The store is consistent when its ledger reads and every Parquet file it names exists. */
function storeConsistent(warehouseDir: string): boolean {
  const store = join(warehouseDir, POSTINGS_STORE);
  const ledger = readLedger(store);
  return Object.values(ledger.files).every((entry) => existsSync(join(store, entry.parquet)));
}

describe('refresh killed or failing at any point', () => {
  it('leaves current exactly as it was, and the next refresh publishes every posting once', async () => {
    const data = dataFolder();
    const wh = scratch('wh-fault-');
    expect((await runRefresh(data, wh)).code).toBe(0);
    const before = readCurrent(wh);
    expect(before.manifest.inputs.find((i) => i.table === 'postings')?.rows).toBe(5);
    deliver(data, '2025-03-04.csv');
    const points = killPoints(before.manifest.stages);
    expect(points).toEqual(expect.arrayContaining(['load', 'postings', 'postings:ledger', 'models', 'tests', 'export', 'export:mart_posting_demand']));
    // The night (only new postings) keeps the base's forecasts and plan: the stages it skips are killed in a full run.
    const probe = scratch('wh-probe-');
    cpSync(wh, probe, { recursive: true, verbatimSymlinks: true });
    expect((await runRefresh(data, probe)).code).toBe(0);
    const night = readCurrent(probe).manifest;
    expect(night.mode).toBe('postings');
    const fullOnly = new Set(Object.keys(before.manifest.stages).filter((stage) => !(stage in night.stages)));

    for (const point of points) {
      const run = await runRefresh(data, wh, { CHANJIAO_KILL_AT: point }, fullOnly.has(point) ? ['--full'] : []);
      expect(run.signal, `${point}: ${run.stderr}`).toBe('SIGKILL');
      expect(readCurrent(wh), point).toEqual(before);
      const postings = await currentPostings(wh);
      expect(postings.size, point).toBe(5);
      expect(once(postings), point).toBe(true);
      expect(storeConsistent(wh), point).toBe(true);
      // Day 2 enters the store with its ledger entry: killed before that, the next run converts it again.
      const stored = '2025-03-04.csv' in readLedger(join(wh, POSTINGS_STORE)).files;
      expect(stored, point).toBe(points.indexOf(point) >= points.indexOf('postings:ledger'));
    }

    const full = await runRefresh(data, wh, { CHANJIAO_FAIL_AT: 'export:mart_posting_demand' });
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('ENOSPC: no space left on device (simulated at export:mart_posting_demand)');
    // The killed run before it left its lock and its half-built snapshot behind.
    expect(full.stderr).toMatch(/recovered a stale refresh lock \(pid \d+ from .* is gone\)/);
    expect(full.stderr).toMatch(/removed an interrupted build \(\.building-\d{8}T\d{9}Z\)/);
    expect(readCurrent(wh)).toEqual(before);
    expect(readHistory(wh)[0]).toMatchObject({ outcome: 'failed', snapshot: null, error: expect.stringContaining('ENOSPC') });

    const next = await runRefresh(data, wh);
    expect(next.code, next.stderr).toBe(0);
    const after = readCurrent(wh);
    expect(after.snapshot).not.toBe(before.snapshot);
    const postings = await currentPostings(wh);
    expect([...postings.keys()].sort()).toEqual(['D1-001', 'D1-002', 'D1-003', 'D1-004', 'D1-005', 'D2-001', 'D2-002', 'D2-003']);
    expect(once(postings)).toBe(true);
    expect(after.manifest.inputs.find((i) => i.table === 'postings')).toMatchObject({ rows: 8, files: 2 });
    expect(readdirSync(join(wh, 'snapshots')).filter((d) => d.startsWith('.'))).toEqual([]);
    // Every attempt is in the history: each killed run recorded so by the run after it.
    expect(readHistory(wh).map((r) => r.outcome)).toEqual(['ok', 'failed', ...points.map(() => 'killed'), 'ok']);
    expect(readHistory(wh)[2]).toMatchObject({ error: KILLED, snapshot: null });
  }, 240_000);

  it('fails the run with its record when the planner fails while the outputs go on without it', async () => {
    const data = dataFolder();
    const wh = scratch('wh-planner-');
    const run = await runRefresh(data, wh, { CHANJIAO_FAIL_AT: 'planner' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('ENOSPC: no space left on device (simulated at planner)');
    expect(existsSync(join(wh, 'current'))).toBe(false);
    // Recorded by the refresh itself: a failure nothing awaited yet would end the process before that.
    expect(readHistory(wh).map((r) => r.outcome)).toContain('failed');
    expect(readHistory(wh).find((r) => r.outcome === 'failed')?.error).toContain('simulated at planner');
    expect((await runRefresh(data, wh)).code).toBe(0);
  }, 120_000);
});
