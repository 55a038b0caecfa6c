/**
 * Supply, demand, gap, fill ratio, signals, demand ratio and suppression on the tiny fixture.
 * Policy: retention 0.8, shortage < 0.8, oversupply > 1.2, tight > 1.5, min_openings 30.
 *
 * Graduates 2024 by major (estimated ones marked *): M1 30 + 40 + 20* + 10 = 100 (20 estimated),
 * M2 100, M3 30 (S2·M3 suspended), M4 20* + 10 = 30 (20 estimated).
 * Weights: M1 → ai 0.6, mfg 0.2; M2 → ai 1.0; M3 → mfg 0.9, ai 0.05; M4 → tour 1.0.
 * Demand 2024: ai 150 + 50 = 200 openings / 60 + 40 = 100 seekers; mfg 30 + 10 = 40 / 40 + 5 = 45;
 * tour 10 / 4. Demand 2023: ai 160 / 90, mfg 40 / 40, tour none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, one, query } from './warehouse.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await buildWarehouse(tiny, tinyPolicy);
});

const industry = (c: DuckDBConnection, year: number, code: string) =>
  one(c, `SELECT * FROM mart_industry WHERE year = ${year} AND industry_code = '${code}'`);

describe('supply', () => {
  it('shares graduates by weight, keeps the retained part and flags the estimated part', async () => {
    const ai = await industry(conn, 2024, 'ai');
    // (100 × 0.6 + 100 × 1.0 + 30 × 0.05) × 0.8 = 161.5 × 0.8 = 129.2; estimated 20 × 0.6 × 0.8 = 9.6.
    expect(ai.supply).toBeCloseTo(129.2, 9);
    expect(ai.supply_estimated).toBeCloseTo(9.6, 9);
    const mfg = await industry(conn, 2024, 'mfg');
    // (100 × 0.2 + 30 × 0.9) × 0.8 = 37.6; estimated 20 × 0.2 × 0.8 = 3.2.
    expect(mfg.supply).toBeCloseTo(37.6, 9);
    expect(mfg.supply_estimated).toBeCloseTo(3.2, 9);
    // tour: (20 + 10) × 0.8 = 24, of which 20 × 0.8 = 16 estimated.
    expect((await industry(conn, 2024, 'tour')).supply_estimated).toBeCloseTo(16, 9);
  });

  it('splits supply by level, district and ownership', async () => {
    const d2 = await one(conn, `SELECT schools, programme_points, supply FROM mart_supply_slice
      WHERE year = 2024 AND industry_code = 'ai' AND district_code = '500106' AND ownership = 'public' AND level = 'secondary'`);
    // S3·M1 20 × 0.6 + S5·M1 10 × 0.6 + S3·M3 30 × 0.05 = 19.5, × 0.8 = 15.6; mapped points S3·M1, S5·M1.
    expect(d2).toMatchObject({ schools: 2, programme_points: 2 });
    expect(d2.supply).toBeCloseTo(15.6, 9);
    const higher = await one(conn, `SELECT sum(supply) AS supply FROM mart_supply_slice
      WHERE year = 2024 AND industry_code = 'ai' AND level = 'higher'`);
    expect(higher.supply).toBeCloseTo(80, 9); // S4·M2: 100 × 1.0 × 0.8
  });
});

describe('gap, fill ratio and signal', () => {
  it('computes gap = D − S and F = S ÷ D with the signal from the thresholds', async () => {
    const rows = await query(conn, `SELECT industry_code, demand, gap, fill_ratio, signal FROM mart_industry
                                    WHERE year = 2024 ORDER BY industry_code`);
    // ai: 200 − 129.2 = 70.8, F 0.646 < 0.8 → shortage; mfg: 40 − 37.6 = 2.4, F 0.94 → balanced;
    // tour: 10 − 24 = −14, F 2.4 > 1.2 → oversupply.
    expect(rows.map((r) => [r.industry_code, r.demand, r.signal])).toEqual([
      ['ai', 200, 'shortage'],
      ['mfg', 40, 'balanced'],
      ['tour', 10, 'oversupply'],
    ]);
    expect(rows.map((r) => r.gap as number)).toEqual([expect.closeTo(70.8, 9), expect.closeTo(2.4, 9), expect.closeTo(-14, 9)]);
    expect(rows.map((r) => r.fill_ratio as number)).toEqual([expect.closeTo(0.646, 9), expect.closeTo(0.94, 9), expect.closeTo(2.4, 9)]);
  });

  it('leaves the fill ratio NULL and signals no_demand where demand is 0', async () => {
    const tour = await industry(conn, 2023, 'tour');
    // 2023 tour supply: S1·M4 20 + S5·M4 30÷3 = 10 (estimated) → 30 × 0.8 = 24; no demand rows.
    expect(tour).toMatchObject({ demand: 0, fill_ratio: null, signal: 'no_demand', suppressed: true, demand_ratio: null });
    expect(tour.gap).toBeCloseTo(-24, 9);
  });

  it('takes the thresholds from the policy', async () => {
    const lenient = await buildWarehouse(tiny, { ...tinyPolicy, signal: { ...tinyPolicy.signal, shortage_below: 0.6 } });
    expect((await industry(lenient, 2024, 'ai')).signal).toBe('balanced'); // 0.646 ≥ 0.6
  });

  it('reads a fill ratio exactly on a threshold as on it, not as the binary residue of its division', async () => {
    // mfg 2024: 37.6 ÷ 40 is 0.94 exactly, but in binary floating point 0.9400000000000001.
    const onTheLine = await buildWarehouse(tiny, { ...tinyPolicy, signal: { ...tinyPolicy.signal, shortage_below: 0.94, oversupply_above: 0.94 } });
    expect(await industry(onTheLine, 2024, 'mfg')).toMatchObject({ fill_ratio: 0.94, signal: 'balanced' });
  });
});

describe('demand ratio', () => {
  it('is openings ÷ seekers, tight above 1.5, and suppressed below 30 openings', async () => {
    const rows = await query(conn, `SELECT industry_code, openings, seekers, demand_ratio, suppressed, tight
                                    FROM mart_industry WHERE year = 2024 ORDER BY industry_code`);
    expect(rows).toEqual([
      { industry_code: 'ai', openings: 200, seekers: 100, demand_ratio: 2, suppressed: false, tight: true },
      { industry_code: 'mfg', openings: 40, seekers: 45, demand_ratio: 40 / 45, suppressed: false, tight: false },
      // 10 openings < 30: "too few records", never a number, never tight.
      { industry_code: 'tour', openings: 10, seekers: 4, demand_ratio: null, suppressed: true, tight: false },
    ]);
  });

  it('shows a small cell once the minimum allows it', async () => {
    const open = await buildWarehouse(tiny, { ...tinyPolicy, signal: { ...tinyPolicy.signal, min_openings: 5 } });
    expect(await industry(open, 2024, 'tour')).toMatchObject({ demand_ratio: 2.5, suppressed: false, tight: true });
  });

  it('has no ratio, and so no tightness, when there are no seekers', async () => {
    const noSeekers = { ...tiny, demand: tiny.demand.map((r) => (r[2] === 'mfg' ? [...r.slice(0, 5), 0] : r)) };
    const c = await buildWarehouse(noSeekers, tinyPolicy);
    expect(await industry(c, 2024, 'mfg')).toMatchObject({ demand_ratio: null, suppressed: false, tight: false, tightness_score: 0 });
  });

  it('keeps demand slices by level and district, without ownership', async () => {
    const rows = await query(conn, `SELECT level, district_code, openings, seekers, demand FROM mart_demand_slice
                                    WHERE year = 2024 AND industry_code = 'mfg' ORDER BY district_code`);
    expect(rows).toEqual([
      { level: 'secondary', district_code: '500106', openings: 30, seekers: 40, demand: 30 },
      { level: 'higher', district_code: '500112', openings: 10, seekers: 5, demand: 10 },
    ]);
  });

  it('gives year-on-year demand growth, NULL without a previous year or from zero', async () => {
    const rows = await query(conn, `SELECT year, industry_code, demand_growth FROM mart_industry ORDER BY industry_code, year`);
    // ai (200 − 160) ÷ 160 = 0.25; mfg (40 − 40) ÷ 40 = 0; tour 2023 had no demand.
    expect(rows.map((r) => r.demand_growth)).toEqual([null, 0.25, null, 0, null, null]);
  });
});
