import { describe, expect, it } from 'vitest';
import { balancesByYear, classify, filterSlices, industryBalance } from '../../dashboard/src/lib/balance.ts';
import { where } from '../../dashboard/src/lib/aggregate.ts';
import type { DemandSliceRow, SupplySliceRow } from '../../dashboard/src/lib/types.ts';

const policy = { shortage_below: 0.8, oversupply_above: 1.2, tight_above: 1.5, min_openings: 30 };
const s = (industry_code: string, ownership: 'public' | 'private', supply: number, schools = 1, supply_estimated = 0): SupplySliceRow =>
  ({ year: 2025, industry_code, level: 'higher', district_code: '500112', ownership, schools, programme_points: schools, supply, supply_estimated });
const d = (industry_code: string, district_code: string, openings: number, seekers: number): DemandSliceRow =>
  ({ year: 2025, industry_code, level: 'higher', district_code, openings, seekers, demand: openings });

const supply = [s('ai', 'public', 30, 2, 12), s('ai', 'private', 20, 1, 5), s('materials', 'public', 130)];
const demand = [d('ai', '500112', 60, 30), d('ai', '500101', 40, 40), d('materials', '500112', 20, 40)];

describe('industryBalance', () => {
  it('sums slices and recomputes ratios from the sums', () => {
    const [ai, materials, drones] = industryBalance(['ai', 'materials', 'drones'], supply, demand, policy);
    // ai: supply 30 + 20 = 50, demand 60 + 40 = 100 → gap 50, fill 0.5 (shortage); ratio 100 / 70
    expect(ai).toMatchObject({ schools: 3, supply: 50, demand: 100, gap: 50, fill_ratio: 0.5, signal: 'shortage', suppressed: false });
    // the estimated part of supply is summed beside it: 12 + 5
    expect(ai.supply_estimated).toBe(17);
    expect(ai.demand_ratio).toBeCloseTo(100 / 70);
    expect(ai.tight).toBe(false); // 1.43 ≤ 1.5
    // materials: 130 / 20 = 6.5 → oversupply; 20 openings < 30 → ratio suppressed, never tight
    expect(materials).toMatchObject({ fill_ratio: 6.5, signal: 'oversupply', suppressed: true, demand_ratio: null, tight: false });
    expect(drones).toMatchObject({ supply: 0, demand: 0, fill_ratio: null, signal: 'no_demand' });
  });

  it('changes when a filter drops slices: public supply only, demand untouched by ownership', () => {
    const [ai] = industryBalance(['ai'], where(supply, { ownership: 'public' }), demand, policy);
    // supply 30 of demand 100 → fill 0.3
    expect(ai).toMatchObject({ supply: 30, supply_estimated: 12, fill_ratio: 0.3, gap: 70 });
  });

  it('reads a fill ratio exactly on a threshold as on it, not as the binary residue of its division', () => {
    // 34 graduates × 0.1 + 98 × 0.3 = 32.8 of 41 openings: 80 % exactly, 0.7999999999999999 in binary.
    const [ai] = industryBalance(['ai'], [s('ai', 'public', 34 * 0.1), s('ai', 'private', 98 * 0.3)], [d('ai', '500112', 41, 41)], policy);
    expect(ai).toMatchObject({ fill_ratio: 0.8, signal: 'balanced' });
  });

  it('flags tight demand above the threshold', () => {
    const [ai] = industryBalance(['ai'], supply, where(demand, { district_code: '500112' }), policy);
    // 60 openings / 30 seekers = 2.0 > 1.5
    expect(ai).toMatchObject({ demand_ratio: 2, tight: true });
  });
});

describe('classify', () => {
  it('uses the thresholds as bounds: exactly 0.8 and 1.2 are balanced', () => {
    expect([0.79, 0.8, 1.2, 1.21, null].map((f) => classify(f, policy))).toEqual(['shortage', 'balanced', 'balanced', 'oversupply', 'no_demand']);
  });
});

describe('filterSlices', () => {
  it('narrows supply by ownership but never demand', () => {
    const filters = { year: 2025, level: 'higher' as const, district: '500112', ownership: 'private' as const };
    const sliced = filterSlices(supply, demand, filters);
    expect(sliced.supply.map((r) => r.supply)).toEqual([20]);
    // demand keeps both industries' rows of district 500112 (ownership does not apply)
    expect(sliced.demand.map((r) => r.openings)).toEqual([60, 20]);
  });
});

describe('balancesByYear', () => {
  it('gives each year the balance of that year under the other filters, and nothing for a year without rows', () => {
    const older = [{ ...s('ai', 'public', 10), year: 2024 }, { ...s('ai', 'private', 99), year: 2024 }];
    const olderDemand = [{ ...d('ai', '500112', 40, 20), year: 2024 }];
    const filters = { year: 2025, level: 'higher' as const, district: '500112', ownership: 'public' as const };
    const [y2023, y2024, y2025] = balancesByYear(['ai', 'materials'], [...older, ...supply], [...olderDemand, ...demand], filters, [2023, 2024, 2025], policy);
    for (const [year, { balances, rows }] of [[2024, y2024], [2025, y2025]] as const) {
      const one = filterSlices([...older, ...supply], [...olderDemand, ...demand], { ...filters, year });
      expect(balances).toEqual(industryBalance(['ai', 'materials'], one.supply, one.demand, policy));
      expect(rows).toEqual({ supply: one.supply.length, demand: one.demand.length });
    }
    expect(y2024.balances[0]).toMatchObject({ supply: 10, demand: 40 });
    expect(y2023.balances.map((b) => b.signal)).toEqual(['no_demand', 'no_demand']);
    expect(y2023.rows).toEqual({ supply: 0, demand: 0 });
  });
});
