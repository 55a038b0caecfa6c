/**
 * Loop tracking of the proposed plan (int_plan_followed, mart_plan_tracking, mart_plan_tracking_city)
 * on the tiny fixture, whose actual plans of 2024 (with their 2023 base) are:
 * S1·M1 30 → 30, S2·M3 20 → 0 (suspended), S3·M1 new with 20, S4·M2 100 → 100, S5·M4 10 → 10,
 * S2·M4 not listed. The proposals for 2024 below, with follow_share 0.5:
 *   S1·M1  30 → 40  (+10, ai):    actual +0              → not_acted
 *   S2·M3  20 → 10  (−10, mfg):   actual 0 − 20 = −20    → followed (20 ≥ 0.5 × 10)
 *   S3·M1   0 → 30  (+30, new, no industry or year given): actual +20 → followed (20 ≥ 15), opened;
 *          its industry is M1's of largest weight (ai 0.6 > mfg 0.2), its graduation year 2024 + 3
 *   S4·M2  90 → 130 (+40, ai):    actual 100 − 90 = +10  → partly (10 < 20)
 *   S5·M4  12 → 20  (+8, tour):   actual 10 − 12 = −2    → opposite
 *   S2·M4   0 → 30  (+30, new, tour): not listed, actual 0 → not_acted, not opened
 *   S1·M4  20 → 20  changes nothing: no proposal
 *   S1·M1 for 2025: no actual plan yet, not tracked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { S1, S2, S3, S4, S5, M1, M2, M3, M4, tiny, tinyPolicy, type Row } from '../fixtures/models/tiny.ts';
import { openWarehouse, one, query } from './warehouse.ts';
import { runModels, runModelTests } from '../../pipeline/transform/run-models.ts';
import type { Policy } from '../../pipeline/config/policy.ts';

// plan_year, school_code, major_code, plan, proposed, industry_code, graduation_year, future_gap, future_gap_planned, snapshot, proposed_at
const proposals: Row[] = [
  [2024, S1, M1, 30, 40, 'ai', 2027, 100, 90, 's1', '2023-12-31T00:00:00Z'],
  [2024, S2, M3, 20, 10, 'mfg', 2027, -50, -41, 's1', '2023-12-31T00:00:00Z'],
  [2024, S3, M1, 0, 30, null, null, null, null, 's1', '2023-12-31T00:00:00Z'],
  [2024, S4, M2, 90, 130, 'ai', 2027, 100, 90, 's1', '2023-12-31T00:00:00Z'],
  [2024, S5, M4, 12, 20, 'tour', 2027, 5, 0, 's1', '2023-12-31T00:00:00Z'],
  [2024, S2, M4, 0, 30, 'tour', 2027, 5, 0, 's1', '2023-12-31T00:00:00Z'],
  [2024, S1, M4, 20, 20, 'tour', 2027, 5, 0, 's1', '2023-12-31T00:00:00Z'],
  [2025, S1, M1, 30, 35, 'ai', 2028, 80, 75, 's2', '2024-12-31T00:00:00Z'],
];

async function build(policy: Policy): Promise<DuckDBConnection> {
  const conn = await openWarehouse({ ...tiny, plan_proposals: proposals }, policy);
  await runModels(conn, { policy });
  return conn;
}

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await build(tinyPolicy);
});

describe('each proposal against the actual plan', () => {
  it('classifies by direction and the share of the proposed change reached', async () => {
    const rows = await query(conn, `SELECT school_code, major_code, industry_code, graduation_year, proposed_change, actual, actual_change, opened, outcome
      FROM int_plan_followed ORDER BY school_code, major_code`);
    expect(rows).toEqual([
      { school_code: S1, major_code: M1, industry_code: 'ai', graduation_year: 2027, proposed_change: 10, actual: 30, actual_change: 0, opened: false, outcome: 'not_acted' },
      { school_code: S2, major_code: M3, industry_code: 'mfg', graduation_year: 2027, proposed_change: -10, actual: 0, actual_change: -20, opened: false, outcome: 'followed' },
      { school_code: S2, major_code: M4, industry_code: 'tour', graduation_year: 2027, proposed_change: 30, actual: 0, actual_change: 0, opened: false, outcome: 'not_acted' },
      { school_code: S4, major_code: M2, industry_code: 'ai', graduation_year: 2027, proposed_change: 40, actual: 100, actual_change: 10, opened: false, outcome: 'partly' },
      { school_code: S3, major_code: M1, industry_code: 'ai', graduation_year: 2027, proposed_change: 30, actual: 20, actual_change: 20, opened: true, outcome: 'followed' },
      { school_code: S5, major_code: M4, industry_code: 'tour', graduation_year: 2027, proposed_change: 8, actual: 10, actual_change: -2, opened: false, outcome: 'opposite' },
    ].sort((a, b) => a.school_code.localeCompare(b.school_code) || a.major_code.localeCompare(b.major_code)));
  });

  it('tracks no proposal whose actual plan is only an estimate (a 备案 listing row without figures)', async () => {
    // S4·M2's 2024 row given by the listing alone: its plan would be the median of M2's reported points.
    const listed = { ...tiny, plan_proposals: proposals,
      programmes: tiny.programmes.map((p) => (p[0] === 2024 && p[1] === S4 && p[2] === M2 ? [2024, S4, M2, null, null, null, null, null, 'active'] : p)) };
    const own = await openWarehouse(listed, tinyPolicy);
    await runModels(own, { policy: tinyPolicy });
    expect(await query(own, `SELECT school_code FROM int_plan_followed WHERE major_code = '${M2}'`)).toEqual([]);
    expect((await query(own, 'SELECT count(*)::INTEGER AS n FROM int_plan_followed'))[0].n).toBe(5);
  });

  it('uses the policy share: at 80 % an opening of 20 of 30 proposed seats is only partly followed', async () => {
    const strict = await build({ ...tinyPolicy, planner: { ...tinyPolicy.planner, follow_share: 0.8 } });
    expect((await one(strict, `SELECT outcome FROM int_plan_followed WHERE school_code = '${S3}' AND major_code = '${M1}'`)).outcome).toBe('partly');
    // S2·M3: 20 of 10 proposed is still followed.
    expect((await one(strict, `SELECT outcome FROM int_plan_followed WHERE school_code = '${S2}' AND major_code = '${M3}'`)).outcome).toBe('followed');
  });
});

describe('per industry and city-wide', () => {
  it('adds the outcomes up to the proposals and sums seats proposed and changed', async () => {
    const rows = await query(conn, `SELECT industry_code, proposals, followed, partly, not_acted, opposite, new_proposed, new_opened, seats_proposed, seats_changed
      FROM mart_plan_tracking WHERE plan_year = 2024 ORDER BY industry_code`);
    expect(rows).toEqual([
      // ai: S1·M1 +10/0, S3·M1 +30/+20, S4·M2 +40/+10
      { industry_code: 'ai', proposals: 3, followed: 1, partly: 1, not_acted: 1, opposite: 0, new_proposed: 1, new_opened: 1, seats_proposed: 80, seats_changed: 30 },
      { industry_code: 'mfg', proposals: 1, followed: 1, partly: 0, not_acted: 0, opposite: 0, new_proposed: 0, new_opened: 0, seats_proposed: -10, seats_changed: -20 },
      // tour: S5·M4 +8/−2, S2·M4 +30/0
      { industry_code: 'tour', proposals: 2, followed: 0, partly: 0, not_acted: 1, opposite: 1, new_proposed: 1, new_opened: 0, seats_proposed: 38, seats_changed: -2 },
    ]);
    const city = await one(conn, 'SELECT * FROM mart_plan_tracking_city WHERE plan_year = 2024');
    expect(city).toMatchObject({ proposals: 6, followed: 2, partly: 1, not_acted: 2, opposite: 1, new_proposed: 2, new_opened: 1,
      seats_proposed: 108, seats_changed: 8, industries: 3, snapshot: 's1' });
    expect(city.share_followed).toBeCloseTo(2 / 6, 12);
    // The 2025 proposal waits for 2025's plans.
    expect(await query(conn, 'SELECT * FROM mart_plan_tracking_city WHERE plan_year = 2025')).toEqual([]);
  });

  it("compares the archived future gap of the targeted years with today's forecast", async () => {
    const ai = await one(conn, "SELECT gap_at_proposal, gap_planned, gap_now, gap_change, gap_narrowed FROM mart_plan_tracking WHERE plan_year = 2024 AND industry_code = 'ai'");
    const now = await one(conn, "SELECT future_gap FROM mart_future_gap WHERE industry_code = 'ai' AND year = 2027");
    expect(ai.gap_at_proposal).toBe(100);
    expect(ai.gap_planned).toBe(90);
    expect(ai.gap_now).toBeCloseTo(now.future_gap as number, 9);
    expect(ai.gap_change).toBeCloseTo((now.future_gap as number) - 100, 9);
    expect(ai.gap_narrowed).toBeCloseTo(100 - Math.abs(now.future_gap as number), 9);
    // mfg's surplus of 50 counts as narrowed when it is smaller in absolute terms now, as a shortage would.
    const mfg = await one(conn, "SELECT gap_narrowed FROM mart_plan_tracking WHERE plan_year = 2024 AND industry_code = 'mfg'");
    const mfgNow = await one(conn, "SELECT future_gap FROM mart_future_gap WHERE industry_code = 'mfg' AND year = 2027");
    expect(mfg.gap_narrowed).toBeCloseTo(50 - Math.abs(mfgNow.future_gap as number), 9);
    const narrowed = (await query(conn, 'SELECT 1 FROM mart_plan_tracking WHERE plan_year = 2024 AND gap_narrowed > 0')).length;
    expect((await one(conn, 'SELECT industries_narrowed FROM mart_plan_tracking_city WHERE plan_year = 2024')).industries_narrowed).toBe(narrowed);
  });

  it('meets the contracts of its models', async () => {
    const results = await runModelTests(conn);
    const mine = results.filter((r) => /plan_tracking|plan_followed|plan_proposals/.test(r.name));
    expect(mine.map((r) => r.name).sort()).toEqual(['contract_int_plan_followed', 'contract_mart_plan_tracking', 'contract_mart_plan_tracking_city',
      'contract_mart_plan_tracking_detail', 'contract_stg_plan_proposals']);
    expect(mine.filter((r) => !r.passed)).toEqual([]);
  });
});

describe('without a proposal', () => {
  it('builds empty tracking marts', async () => {
    const empty = await openWarehouse(tiny, tinyPolicy);
    await runModels(empty, { policy: tinyPolicy });
    expect(await query(empty, 'SELECT * FROM mart_plan_tracking_city')).toEqual([]);
    expect(await query(empty, 'SELECT * FROM mart_plan_tracking')).toEqual([]);
  });
});
