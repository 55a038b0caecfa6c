/**
 * A refresh started by systemd's timer or cron is a scheduled run: with `--scheduled` the history
 * says so, and the dashboard's red banner, which follows scheduled runs only, shows its failure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../pipeline/commands/refresh.ts';
import { readHistory } from '../../pipeline/refresh/history.ts';
import { failedScheduledRun } from '../../dashboard/src/lib/run-history.ts';

describe('npm run refresh -- --scheduled', () => {
  // The command reports to the terminal; the test reads the history instead.
  beforeEach(() => void vi.spyOn(process.stderr, 'write').mockImplementation(() => true));
  afterEach(() => vi.restoreAllMocks());

  it('records the run as scheduled, so that its failure raises the banner', async () => {
    const warehouse = mkdtempSync(join(tmpdir(), 'scheduled-'));
    const empty = mkdtempSync(join(tmpdir(), 'scheduled-data-'));
    await expect(run(['--data', empty, '--warehouse', warehouse, '--scheduled'])).rejects.toThrow();
    const runs = readHistory(warehouse);
    expect(runs.map((r) => [r.outcome, r.trigger])).toEqual([['failed', 'schedule']]);
    expect(failedScheduledRun(runs)).toMatchObject({ outcome: 'failed', trigger: 'schedule' });
    // Without the option a run is someone's at a terminal, who saw it fail.
    await expect(run(['--data', empty, '--warehouse', warehouse])).rejects.toThrow();
    expect(readHistory(warehouse)[0].trigger).toBe('manual');
  });
});
