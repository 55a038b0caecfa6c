import { describe, expect, it } from 'vitest';
import { coefficient, moneyAxis, recomputeFunding } from '../../dashboard/src/lib/funding.ts';
import { formatFor } from '../../pipeline/shared/format.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { fundingFromParams, fundingProblems, fundingToParams } from '../../dashboard/src/lib/funding-params.ts';
import type { FundingRow } from '../../dashboard/src/lib/types.ts';

const policy = { base: 1, per_student_base: 12000, alpha: 0.3, cost_factor_1: 1, cost_factor_2: 1.2, cost_factor_3: 1.5, band_low: 0.8, band_high: 1.6 };

describe('coefficient', () => {
  it('follows base × cost factor × (1 + α × urgency), clipped to the band', () => {
    // tier 2, urgency 0.5: 1 × 1.2 × 1.15 = 1.38
    expect(coefficient(policy, 2, 0.5)).toBeCloseTo(1.38);
    // tier 3, urgency 1: 1.5 × 1.3 = 1.95 → clipped to 1.6
    expect(coefficient(policy, 3, 1)).toBe(1.6);
    // base 0.5, tier 1, urgency 0: 0.5 → clipped up to 0.8
    expect(coefficient({ ...policy, base: 0.5 }, 1, 0)).toBe(0.8);
  });

  it('rejects a cost tier the policy has no factor for', () => {
    expect(() => coefficient(policy, 4, 0)).toThrow('cost tier 4');
  });
});

describe('recomputeFunding', () => {
  it('recomputes the budget impact live when α changes', () => {
    const row: FundingRow = { major_code: '460101', major_name: '机械设计与制造', level: 'higher', cost_tier: 1, cost_factor: 1,
      students: 100, urgency: 0.5, coefficient: 1.15, budget_impact: 180000, estimated_students: 40, budget_impact_estimated: 72000 };
    const [atDefault] = recomputeFunding([row], policy);
    // 100 × 12000 × (1.15 − 1) = 180,000
    expect(atDefault.budget_impact).toBeCloseTo(180000);
    const [doubled] = recomputeFunding([row], { ...policy, alpha: 0.6 });
    // coefficient 1.3 → 100 × 12000 × 0.3 = 360,000
    expect(doubled.coefficient).toBeCloseTo(1.3);
    expect(doubled.budget_impact).toBeCloseTo(360000);
    // the 40 estimated students' part moves with it: 40 × 12000 × 0.3 = 144,000
    expect(doubled.budget_impact_estimated).toBeCloseTo(144000);
  });
});

describe('funding parameters in the URL', () => {
  it('round-trips changed parameters and falls back to the policy for the rest', () => {
    const params = fundingToParams({ ...policy, alpha: 0.5, band_high: 1.8 }, policy);
    expect(Object.entries(params).filter(([, v]) => v)).toEqual([['alpha', '0.5'], ['band_high', '1.8']]);
    expect(fundingFromParams(params, policy)).toEqual({ ...policy, alpha: 0.5, band_high: 1.8 });
  });

  it('ignores values that are not numbers', () => {
    expect(fundingFromParams({ alpha: 'abc', base: '' }, policy)).toEqual(policy);
  });
});

describe('fundingProblems', () => {
  it('refuses a lower bound above the upper bound, a negative α and negative amounts, and nothing else', () => {
    expect(fundingProblems(policy)).toEqual([]);
    expect(fundingProblems({ ...policy, band_low: 1.6 })).toEqual([]);
    expect(fundingProblems({ ...policy, band_low: 1.7 })).toEqual(['band']);
    expect(fundingProblems({ ...policy, alpha: -0.1 })).toEqual(['alpha']);
    expect(fundingProblems({ ...policy, alpha: 0 })).toEqual([]);
    expect(fundingProblems({ ...policy, per_student_base: -1 })).toEqual(['negative']);
    expect(fundingProblems({ ...policy, cost_factor_2: -1, band_low: 2 })).toEqual(['band', 'negative']);
  });
});

describe('the budget impact axis', () => {
  const zhFormat = formatFor('zh', 'Asia/Shanghai');
  const enFormat = formatFor('en', 'UTC');
  it('names in its label the one unit its ticks are written in, that of the largest value', () => {
    const large = moneyAxis(zhFormat, 1.2e8);
    expect(zh.funding.impactAxis(large.unit)).toBe('预算影响（亿元）');
    expect([large.tick(9e7), large.tick(1.2e8)]).toEqual(['0.9亿元', '1.2亿元']);
    const small = moneyAxis(zhFormat, 9e6);
    expect(zh.funding.impactAxis(small.unit)).toBe('预算影响（万元）');
    expect(small.tick(-5e6)).toBe('-500万元');
    expect(zh.funding.impactAxis(moneyAxis(zhFormat, 800).unit)).toBe('预算影响（元）');
    // One unit, never the pair of them.
    for (const largest of [0, 800, 9e6, 1.2e8]) expect(zh.funding.impactAxis(moneyAxis(zhFormat, largest).unit)).not.toMatch(/万元.*亿元|亿元.*万元|\//);
    expect(en.funding.impactAxis(moneyAxis(enFormat, 1.2e8).unit)).toBe('Budget impact (CN¥M)');
  });
});
