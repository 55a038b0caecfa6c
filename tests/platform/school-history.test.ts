/** What a school or a department reads of the run history: that and when runs failed, not what the errors quote. */
import { describe, expect, it } from 'vitest';
import { cutHistory, HIDDEN_ERROR } from '../../pipeline/platform/school-rows.ts';
import type { RunRecord } from '../../pipeline/refresh/history.ts';

const run = (outcome: RunRecord['outcome'], error: string | null, drift: string[] = []): RunRecord => ({
  started_at: '2026-12-06T02:00:00Z', finished_at: '2026-12-06T02:01:00Z', outcome, trigger: 'schedule', snapshot: null,
  stages: { load: 1200 }, rows: 10, rejected: 0, drift, error,
});

describe('the run history cut for a school', () => {
  it('keeps each run and its outcome, and hides the error and drift findings, which quote other schools\' rows', () => {
    const failed = run('failed', 'plan_proposals.csv:16:plan: 65 — base plan 65 is not the plan of 9501634972 630102 in 2024', ['学校 9501634972 缺少 2025 年数据']);
    const cut = cutHistory([failed, run('ok', null)]);
    expect(cut).toEqual([{ ...failed, error: HIDDEN_ERROR, drift: [] }, run('ok', null)]);
    expect(JSON.stringify(cut)).not.toContain('9501634972');
  });
});
