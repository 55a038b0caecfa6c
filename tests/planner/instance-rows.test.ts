/** The planner's instance from mart rows: the same builder serves the refresh and the dashboard. */
import { describe, expect, it } from 'vitest';
import { instanceFromRows, plannerSettings, type OptionRow } from '../../pipeline/shared/planner/instance-rows.ts';
import { buildModel } from '../../pipeline/shared/planner/model.ts';

const policy = {
  change_cap: 0.3, school_cap: 0.1, min_class: 30, new_max: 50, budget: 1e6, city_change_min: -0.05, city_change_max: 0.05,
  require_adjacent: 1, w_shortfall: 1, w_surplus: 0.5, w_change: 0.01, time_limit: 60, mip_gap: 0.005,
};
const option = (school: string, major: string, plan: number, open: Partial<OptionRow> = {}): OptionRow => ({
  school_code: school, major_code: major, existing: plan > 0, open_any: true, open_adjacent: true, plan, plan_estimated: false, year: 2029, cost: 1000, ...open,
});
const rows = {
  options: [
    option('S2', 'A', 40),
    option('S1', 'A', 100),
    option('S1', 'N', 0, { open_adjacent: false }),
    option('S1', 'M', 0, { open_any: false }),
  ],
  effects: [
    { school_code: 'S1', major_code: 'A', industry_code: 'Y', per_seat: 0.5 },
    { school_code: 'S1', major_code: 'A', industry_code: 'X', per_seat: 0.2 },
  ],
  gaps: [{ industry_code: 'X', year: 2029, future_gap: 10 }, { industry_code: 'Y', year: 2030, future_gap: null }],
  names: [{ industry_code: 'X', name_zh: '甲', name_en: 'Ex' }],
  schools: [{ school_code: 'S1', school_name: '第一职校' }],
  majors: [{ major_code: 'M', major_name: '机电一体化技术' }],
};
const codes = (i: ReturnType<typeof instanceFromRows>) => i.options.map((o) => `${o.school_code}|${o.major_code}`);

describe('instanceFromRows', () => {
  it('takes the adjacent candidates when the policy requires adjacency, the others when it does not', () => {
    const settings = plannerSettings(policy, 5);
    expect(settings.duplication_cap).toBe(5);
    expect(codes(instanceFromRows(rows, settings))).toEqual(['S1|A', 'S1|M', 'S2|A']);
    expect(codes(instanceFromRows(rows, plannerSettings({ ...policy, require_adjacent: 0 }, 5)))).toEqual(['S1|A', 'S1|N', 'S2|A']);
  });

  it('counts the schools offering each major, drops years without a gap, and attaches effects in industry order', () => {
    const i = instanceFromRows(rows, plannerSettings(policy, 5));
    expect(i.offered).toEqual({ A: 2 });
    expect(i.gaps).toEqual([{ industry_code: 'X', year: 2029, gap: 10 }]);
    expect(i.options[0].effects.map((e) => e.industry_code)).toEqual(['X', 'Y']);
    expect(i.settings).not.toHaveProperty('require_adjacent');
    expect(i.industryNames).toEqual({ X: { zh: '甲', en: 'Ex' } });
    expect(i.schoolNames).toEqual({ S1: '第一职校' });
    // the constraints are named in words: the school and the industry, their codes where no name is known
    const labels = buildModel(i).rows.map((r) => r.label.label_zh);
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^学校招生总量变动上限 ±\d+ 人（第一职校 S1）$/), '甲 2029 年缺口平衡']));
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^学校招生总量变动上限 ±\d+ 人（S2）$/)]));
    // a new programme by its school's and its major's names, the major's code kept
    expect(labels).toContain('新设专业最小班额 30 人（第一职校 × M 机电一体化技术）');
  });

  it('locks whole schools, whole majors or single programmes', () => {
    const locked = (locks: Parameters<typeof instanceFromRows>[2]) =>
      instanceFromRows(rows, plannerSettings(policy, 5), locks).options.filter((o) => o.locked).map((o) => `${o.school_code}|${o.major_code}`);
    expect(locked({ schools: ['S2'] })).toEqual(['S2|A']);
    expect(locked({ majors: ['A'] })).toEqual(['S1|A', 'S2|A']);
    expect(locked({ programmes: ['S1|M'] })).toEqual(['S1|M']);
    expect(locked({})).toEqual([]);
  });

  it('carries an estimated plan to the option, whose changes the model then holds at zero', () => {
    const i = instanceFromRows({ ...rows, options: [option('S1', 'A', 100, { plan_estimated: true }), option('S2', 'A', 40)] }, plannerSettings(policy, 5));
    expect(i.options.map((o) => o.estimated)).toEqual([true, false]);
    const bounds = Object.fromEntries(buildModel(i).columns.filter((c) => c.name.startsWith('up_')).map((c) => [c.name, c.upper]));
    expect(bounds).toEqual({ up_S1_A: 0, up_S2_A: 12 });
  });
});
