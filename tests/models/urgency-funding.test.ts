/**
 * Urgency and the funding coefficient on the tiny fixture, 2024 (the latest year).
 * Urgency weights 0.4 shortage, 0.3 tightness, 0.15 tier, 0.15 growth; tightness cap 3, growth cap 0.5.
 * Funding: base 1, α 0.3, cost factors 1 / 1.2 / 1.5, band 0.8..1.5, 12 000 per student.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { M1, M2, M3, M4, M5, tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, query } from './warehouse.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await buildWarehouse(tiny, tinyPolicy);
});

// ai:  shortage 1 − 0.646 = 0.354, tightness 2 ÷ 3, tier 1 → 1, growth 0.25 ÷ 0.5 = 0.5
//      → 0.4 × 0.354 + 0.3 × 2/3 + 0.15 × 1 + 0.15 × 0.5 = 0.1416 + 0.2 + 0.15 + 0.075 = 0.5666.
// mfg: shortage 0.06, tightness (40/45) ÷ 3 = 0.2963, tier 2 → 0.5, growth 0 → 0.024 + 0.08889 + 0.075 = 0.18789.
// tour: oversupplied (0), suppressed ratio (0), not a key industry (0), no growth (0) → 0.
const U_AI = 0.5666;
const U_MFG = 0.024 + 0.3 * (40 / 45 / 3) + 0.075;

const urgencies = async (c: DuckDBConnection) =>
  (await query(c, 'SELECT urgency FROM mart_industry WHERE year = 2024 ORDER BY industry_code')).map((r) => r.urgency);

describe('urgency', () => {
  it('combines shortage, tightness, tier and growth into 0..1', async () => {
    const rows = await query(conn, `SELECT industry_code, shortage_score, tightness_score, tier_score, growth_score
                                    FROM mart_industry WHERE year = 2024 AND industry_code = 'ai'`);
    expect(rows[0].shortage_score).toBeCloseTo(0.354, 12);
    expect(rows[0].tightness_score).toBeCloseTo(2 / 3, 12);
    expect(rows[0]).toMatchObject({ tier_score: 1, growth_score: 0.5 });
    expect(await urgencies(conn)).toEqual([expect.closeTo(U_AI, 12), expect.closeTo(U_MFG, 12), 0]);
  });

  it('divides by the sum of the weights, so only their proportions matter', async () => {
    const doubled = Object.fromEntries(Object.entries(tinyPolicy.urgency).map(([k, v]) => [k, k.startsWith('w_') ? 2 * v : v]));
    const c = await buildWarehouse(tiny, { ...tinyPolicy, urgency: doubled });
    expect(await urgencies(c)).toEqual([expect.closeTo(U_AI, 12), expect.closeTo(U_MFG, 12), 0]);
  });
});

describe('funding coefficient', () => {
  it('applies cost factor and urgency, clips to the band and prices the difference', async () => {
    const rows = await query(conn, 'SELECT major_code, cost_factor, students, urgency, coefficient, budget_impact FROM mart_funding ORDER BY major_code');
    // M1 serves ai 0.6 and mfg 0.2 → urgency (0.6 × 0.5666 + 0.2 × 0.18789) ÷ 0.8 = 0.47192;
    //    c = 1 × 1 × (1 + 0.3 × 0.47192) = 1.14158; impact 300 × 12 000 × 0.14158 = 509 676.
    const uM1 = (0.6 * U_AI + 0.2 * U_MFG) / 0.8;
    // M2 serves ai only → c = 1.2 × (1 + 0.3 × 0.5666) = 1.403976; impact 300 × 12 000 × 0.403976 = 1 454 313.6.
    // M3 is mapped to mfg only (its ai 0.05 is below the minimum) → 1.5 × (1 + 0.3 × 0.18789) = 1.5845,
    //    clipped to 1.5; impact 90 × 12 000 × 0.5 = 540 000.
    // M4 (tour, urgency 0) and M5 (no industry) stay at 1 → no impact.
    expect(rows).toEqual([
      { major_code: M2, cost_factor: 1.2, students: 300, urgency: expect.closeTo(U_AI, 12), coefficient: expect.closeTo(1.403976, 12), budget_impact: expect.closeTo(1454313.6, 6) },
      { major_code: M3, cost_factor: 1.5, students: 90, urgency: expect.closeTo(U_MFG, 12), coefficient: 1.5, budget_impact: expect.closeTo(540000, 6) },
      { major_code: M1, cost_factor: 1, students: 300, urgency: expect.closeTo(uM1, 12), coefficient: expect.closeTo(1 + 0.3 * uM1, 12), budget_impact: expect.closeTo(509676, 6) },
      { major_code: M5, cost_factor: 1, students: 30, urgency: 0, coefficient: 1, budget_impact: 0 },
      { major_code: M4, cost_factor: 1, students: 90, urgency: 0, coefficient: 1, budget_impact: 0 },
    ]);
  });

  it('clips at the bottom of the band too', async () => {
    const c = await buildWarehouse(tiny, { ...tinyPolicy, funding: { ...tinyPolicy.funding, base: 0.5 } });
    const rows = await query(c, `SELECT major_code, coefficient, budget_impact FROM mart_funding WHERE major_code IN ('${M4}', '${M2}') ORDER BY major_code`);
    // M4: 0.5 × 1 × 1 = 0.5 → 0.8; impact 90 × 12 000 × (0.8 − 1) = −216 000.
    // M2: 0.5 × 1.403976 = 0.701988 → 0.8 as well; impact 300 × 12 000 × (0.8 − 1) = −720 000.
    expect(rows).toEqual([
      { major_code: M2, coefficient: 0.8, budget_impact: expect.closeTo(-720000, 6) },
      { major_code: M4, coefficient: 0.8, budget_impact: expect.closeTo(-216000, 6) },
    ]);
  });
});
