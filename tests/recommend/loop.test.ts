/**
 * Loop tracking on the two-year city (tests/fixtures/recommend/city.ts). The 2024 uav list is
 * S1 (expand U2, intake plan 20) and S2 (open U1 or U2; it lists neither). In 2025 S1 plans 30 for
 * U2 (+50 %, at least the 10 % that counts) and reports 30 graduates; S2 changes nothing.
 *   S1: expanded, plan 20 → 30;  S2: not acted on, plan 0 → 0.  Share acted on: 1 of 2.
 * uav gap: 2024 160 − 20 × 0.5 = 150; 2025 160 − 30 × 0.5 = 145 → closed by 5, i.e. 5 / 150 of it.
 * 2025's recommendations have no 2026 listings yet, so they are not checked.
 */
import { describe, expect, it } from 'vitest';
import { buildWarehouse, query } from '../models/warehouse.ts';
import { runModelTests } from '../../pipeline/transform/run-models.ts';
import { city, cityPolicy, cityTwoYears, S1, S2, U1, U2 } from '../fixtures/recommend/city.ts';
import type { Fixture } from '../fixtures/models/tiny.ts';

const detail = (conn: Awaited<ReturnType<typeof buildWarehouse>>) => query(conn, `SELECT year, follow_year, school_code,
  action, outcome, acted, plan_before, plan_after, plan_change, opened_majors FROM mart_loop_detail ORDER BY rank`);

describe('loop tracking (mart_loop_detail, mart_loop)', () => {
  it('checks each recommendation against the next year: one followed, one not', async () => {
    const conn = await buildWarehouse(cityTwoYears, cityPolicy);
    expect(await detail(conn)).toEqual([
      { year: 2024, follow_year: 2025, school_code: S1, action: 'expand', outcome: 'expanded', acted: true,
        plan_before: 20, plan_after: 30, plan_change: 10, opened_majors: '' },
      { year: 2024, follow_year: 2025, school_code: S2, action: 'open', outcome: 'not_acted', acted: false,
        plan_before: 0, plan_after: 0, plan_change: 0, opened_majors: '' },
    ]);
    expect(await query(conn, 'SELECT * FROM mart_loop')).toEqual([{
      year: 2024, follow_year: 2025, industry_code: 'uav', name_zh: '低空经济', name_en: 'Low-altitude economy',
      recommendations: 2, acted: 1, opened: 0, expanded: 1, reduced: 0, not_acted: 1, share_acted: 0.5, plan_added: 10,
      gap_before: 150, gap_after: 145, gap_closed: 5, gap_closed_share: 5 / 150,
      fill_ratio_before: 10 / 160, fill_ratio_after: 15 / 160, signal_after: 'shortage',
    }]);
    expect((await runModelTests(conn)).filter((t) => !t.passed)).toEqual([]);
  });

  it('does not check a recommendation against estimated intake plans, but an opening the listing shows is one', async () => {
    // 2025 given by the 备案 listing alone for S1's U2 (its plan an estimate); S2 opens U1, listed without figures too.
    const listed: Fixture = {
      ...cityTwoYears,
      programmes: [
        ...cityTwoYears.programmes.map((p) => (p[0] === 2025 && p[1] === S1 && p[2] === U2 ? [2025, S1, U2, null, null, null, null, null, 'active'] : p)),
        [2025, S2, U1, null, null, null, null, null, 'active'],
      ],
    };
    const conn = await buildWarehouse(listed, cityPolicy);
    expect((await detail(conn)).map((r) => [r.school_code, r.outcome])).toEqual([[S2, 'opened']]);
  });

  it('tells an opened programme from a cut one', async () => {
    // 2025 instead: S1 cuts U2's plan to 15 (−25 %) and S2 opens U1 with a plan of 25.
    const changed: Fixture = {
      ...city,
      programmes: [
        ...city.programmes,
        ...city.programmes.map(([, school, major, ...rest]) =>
          (school === S1 && major === U2 ? [2025, S1, U2, 15, 15, 55, 20, 0.95, 'active'] : [2025, school, major, ...rest])),
        [2025, S2, U1, 25, 25, 25, null, null, 'active'],
      ],
      demand: [...city.demand, ...city.demand.map(([, ...rest]) => [2025, ...rest])],
    };
    const conn = await buildWarehouse(changed, cityPolicy);
    expect(await detail(conn)).toEqual([
      { year: 2024, follow_year: 2025, school_code: S1, action: 'expand', outcome: 'reduced', acted: false,
        plan_before: 20, plan_after: 15, plan_change: -5, opened_majors: '' },
      { year: 2024, follow_year: 2025, school_code: S2, action: 'open', outcome: 'opened', acted: true,
        plan_before: 0, plan_after: 25, plan_change: 25, opened_majors: '无人机应用技术' },
    ]);
    // acted on: S2 only (a cut is a response, not the one recommended); its new intake of 25 is the plan added
    expect(await query(conn, 'SELECT acted, opened, reduced, share_acted, plan_added FROM mart_loop')).toEqual([
      { acted: 1, opened: 1, reduced: 1, share_acted: 0.5, plan_added: 25 },
    ]);
  });

  it('checks nothing while the following year has no listings', async () => {
    const conn = await buildWarehouse(city, cityPolicy);
    expect(await query(conn, 'SELECT count(*)::INTEGER AS n FROM mart_loop_detail')).toEqual([{ n: 0 }]);
    expect(await query(conn, 'SELECT count(*)::INTEGER AS n FROM mart_loop')).toEqual([{ n: 0 }]);
  });
});
