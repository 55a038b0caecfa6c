/**
 * Model tests (generated from each model's contract, and the custom queries of
 * pipeline/models/tests/) pass on a sound warehouse and catch a planted bad row: each case breaks
 * one rule and expects exactly the tests guarding it to fail.
 */
import { describe, expect, it } from 'vitest';
import { readPolicy, runModelTests, runModels } from '../../pipeline/transform/run-models.ts';
import { PLAN_CONTRACTS } from '../../pipeline/planner/write-plan.ts';
import { M5, tiny, tinyPolicy, type Fixture } from '../fixtures/models/tiny.ts';
import { buildWarehouse, openWarehouse } from './warehouse.ts';

const failing = async (fixture: Fixture, plant: string[] = []) => {
  const conn = await buildWarehouse(fixture, tinyPolicy);
  for (const sql of plant) await conn.run(sql);
  return (await runModelTests(conn)).filter((t) => !t.passed);
};

describe('runModelTests', () => {
  it('passes on the fixture, under the test policy and under the shipped policy', async () => {
    expect(await failing(tiny)).toEqual([]);
    const conn = await openWarehouse(tiny);
    await runModels(conn, { policy: readPolicy() });
    const results = await runModelTests(conn);
    expect(results.length).toBeGreaterThanOrEqual(9);
    expect(results.filter((t) => !t.passed)).toEqual([]);
  });

  it('reports a duplicated mart row with its key as evidence', async () => {
    const failed = await failing(tiny, [`INSERT INTO mart_industry SELECT * FROM mart_industry WHERE year = 2024 AND industry_code = 'ai'`]);
    expect(failed).toEqual([
      // Samples are JSON-safe: the BIGINT count arrives as a string.
      { name: 'contract_mart_industry', failing_rows: 1, passed: false, sample: [{ rule: 'grain', row_key: '2024|ai', detail: '2 rows' }] },
    ]);
  });

  it.each([
    ['a 64-bit column in a mart', ['ALTER TABLE mart_major ADD COLUMN big BIGINT'], ['column_types']],
    ['an unknown signal', [`UPDATE mart_industry SET signal = 'panic' WHERE industry_code = 'ai'`], ['contract_mart_industry']],
    ['a ratio shown for a suppressed cell', [`UPDATE mart_industry SET demand_ratio = 2.5 WHERE industry_code = 'tour'`], ['suppressed_cells_hidden']],
    ['an HHI above 10000', ['UPDATE mart_concentration SET hhi = 12000'], ['ratios_in_range']],
    ['a NULL key', [`UPDATE mart_school SET school_name = NULL`], ['contract_mart_school']],
  ])('catches %s', async (_what, plant, expected) => {
    expect((await failing(tiny, plant)).map((t) => t.name)).toEqual(expected);
  });

  it('catches crosswalk weights above 1 for a major', async () => {
    const overweight = { ...tiny, crosswalk: [...tiny.crosswalk, [M5, 'tour', 'hotel', 0.7], [M5, 'mfg', 'testing', 0.6]] };
    const failed = await failing(overweight);
    expect(failed.map((t) => t.name)).toEqual(['crosswalk_weights']);
    expect(failed[0].sample).toEqual([{ major_code: M5, total_weight: expect.closeTo(1.3, 12), smallest_weight: 0.6 }]);
  });

  it('catches a major with neither crosswalk rows of its own nor a default for its 专业类', async () => {
    const failed = await failing({ ...tiny, crosswalk_defaults: tiny.crosswalk_defaults.filter(([category]) => category !== '7303') });
    expect(failed.map((t) => t.name)).toEqual(['crosswalk_complete']);
    expect(failed[0].sample).toEqual([{ model: 'stg_majors', row_key: M5, problem: 'no crosswalk rows and no default for 7303' }]);
  });

  it('catches a 专业类 default that both serves none and carries weights', async () => {
    const mixed = { ...tiny, crosswalk_defaults: [...tiny.crosswalk_defaults, ['7303', 'tour', 'hotel', 0.2]] };
    expect((await failing(mixed)).map((t) => t.name)).toEqual(['crosswalk_complete']);
  });

  it('catches a programme whose school is unknown, which the marts would otherwise drop', async () => {
    const orphan = { ...tiny, programmes: [...tiny.programmes, [2024, '5009999999', M5, 10, 10, 30, 10, null, 'active']] };
    // raw_ tables carry no foreign keys here, as a careless load would leave them.
    const failed = await failing(orphan);
    expect(failed.map((t) => t.name)).toEqual(['contract_stg_programmes', 'slices_reconcile']);
    expect(failed[0].sample).toEqual([{ rule: 'references', row_key: `2024|5009999999|${M5}`, detail: '5009999999 not in dim_school(school_code)' }]);
  });

  it("checks the planner's marts by the contracts declared beside their columns", async () => {
    const conn = await buildWarehouse(tiny, tinyPolicy);
    const planned = (await runModelTests(conn, { contracts: PLAN_CONTRACTS })).filter((t) => t.name.startsWith('contract_mart_plan'));
    expect(planned.filter((t) => !t.passed)).toEqual([]);
    expect(planned.map((t) => t.name)).toEqual(expect.arrayContaining(
      ['contract_mart_plan', 'contract_mart_plan_gap', 'contract_mart_plan_constraints', 'contract_mart_plan_status']));
    await conn.run(`INSERT INTO mart_plan SELECT * FROM mart_plan LIMIT 1`);
    await conn.run(`UPDATE mart_plan_constraints SET kind = 'slack'`);
    const failed = (await runModelTests(conn, { contracts: PLAN_CONTRACTS })).filter((t) => !t.passed);
    expect(failed.map((t) => t.name)).toEqual(['contract_mart_plan', 'contract_mart_plan_constraints']);
    expect(failed[0].sample).toEqual([{ rule: 'grain', row_key: expect.stringMatching(/^\d{10}\|\d{6}K?$/), detail: '2 rows' }]);
  });

  it('refuses to run before the models have set the policy variables', async () => {
    await expect(runModelTests(await openWarehouse(tiny))).rejects.toThrow(/reads unset variables .*run the models first/);
  });
});
