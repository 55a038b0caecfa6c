/**
 * Supply at graduation on the tiny city (every major 3 years; programmes 2023 and 2024, so Y = 2024
 * and the graduation years are 2025..2029), worked out by hand from tests/fixtures/models/tiny.ts,
 * and the years the outlook mart shows as recorded.
 */
import { describe, expect, it } from 'vitest';
import { M1, M3, M4, S1, S2, S3, S4, tiny, tinyPolicy, type Fixture } from '../fixtures/models/tiny.ts';
import { buildWarehouse, query } from '../models/warehouse.ts';

// One more S1 × M1 row in 2021: 40 admitted, whose 30 reported graduates of 2024 give secondary
// schools a completion rate of 30 ÷ 40 = 0.75; the higher school S4 has no such pair: default 0.9.
const withHistory: Fixture = {
  ...tiny,
  programmes: [[2021, S1, M1, 40, 40, 40, null, null, 'active'], ...tiny.programmes],
};

const flow = async (fixture: Fixture) => {
  const conn = await buildWarehouse(fixture, tinyPolicy);
  return { conn, rows: await query(conn, `SELECT school_code, major_code, year, entry_year, cohort, completion_rate,
    completion_defaulted, assumed_intake, graduates FROM int_cohort_flow ORDER BY school_code, major_code, year`) };
};

describe('int_cohort_flow', () => {
  it('sends each intake to its graduation year at the completion rate of the data', async () => {
    const { rows } = await flow(withHistory);
    const s1m1 = rows.filter((r) => r.school_code === S1 && r.major_code === M1);
    expect(s1m1).toEqual([
      // entered 2023 (28) and 2024 (30) as recorded; 2025 and 2026 assume 2024's intake of 30
      { school_code: S1, major_code: M1, year: 2026, entry_year: 2023, cohort: 28, completion_rate: 0.75, completion_defaulted: false, assumed_intake: false, graduates: 21 },
      { school_code: S1, major_code: M1, year: 2027, entry_year: 2024, cohort: 30, completion_rate: 0.75, completion_defaulted: false, assumed_intake: false, graduates: 22.5 },
      { school_code: S1, major_code: M1, year: 2028, entry_year: 2025, cohort: 30, completion_rate: 0.75, completion_defaulted: false, assumed_intake: true, graduates: 22.5 },
      { school_code: S1, major_code: M1, year: 2029, entry_year: 2026, cohort: 30, completion_rate: 0.75, completion_defaulted: false, assumed_intake: true, graduates: 22.5 },
    ]);
    // The higher school: 90 and 100 admitted at the default 0.9.
    expect(rows.filter((r) => r.school_code === S4).map((r) => [r.year, r.graduates, r.completion_defaulted]))
      .toEqual([[2026, 81, true], [2027, 90, true], [2028, 90, true], [2029, 90, true]]);
  });

  it('graduates a suspended point\'s students and assumes no new intake for it', async () => {
    const { rows } = await flow(withHistory);
    // S2 × M3: 20 admitted in 2023, suspended in 2024 with intake 0.
    expect(rows.filter((r) => r.school_code === S2 && r.major_code === M3).map((r) => [r.year, r.cohort, r.graduates]))
      .toEqual([[2026, 20, 15]]);
    // S3 × M1 opened in 2024 with 20: first graduates in 2027.
    expect(rows.filter((r) => r.school_code === S3 && r.major_code === M1).map((r) => r.year)).toEqual([2027, 2028, 2029]);
  });

  it('carries supply at graduation into the future gap by crosswalk weight and retention', async () => {
    const { conn } = await flow(tiny);
    const [tour] = await query(conn, `SELECT * FROM mart_future_gap WHERE industry_code = 'tour' AND year = 2027`);
    // M4 (tour, weight 1) admitted 20 at S1 and 10 at S5 in 2024; completion 0.9 (no pairs), retention 0.8.
    expect(tour.supply_at_graduation).toBeCloseTo(30 * 0.9 * 0.8, 10);
    expect(tour.supply_assumed).toBe(0);
    expect(tour.future_gap).toBeCloseTo((tour.openings as number) - 21.6, 10);
    expect(tour.future_gap_lo95).toBeCloseTo((tour.openings_lo95 as number) - 21.6, 10);
    const [m4] = await query(conn, `SELECT count(*)::INTEGER AS n FROM int_cohort_flow WHERE major_code = '${M4}' AND year = 2025`);
    expect(m4.n).toBe(0); // entered 2022: no rows
  });
});

describe('mart_outlook', () => {
  it('shows as actual only the years the demand input has: a year before it is not zero openings', async () => {
    const later = { ...tiny, demand: tiny.demand.filter((row) => row[0] === 2024) };
    const conn = await buildWarehouse(later, tinyPolicy);
    expect(await query(conn, `SELECT DISTINCT year FROM mart_outlook WHERE kind = 'actual' ORDER BY year`)).toEqual([{ year: 2024 }]);
  });
});
