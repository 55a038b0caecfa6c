/**
 * The shipped sample, run through the whole pipeline, reproduces the public figures it is calibrated
 * to (docs/scaling.md): 3,300+ programme points, 89 % matched to key industries, advanced materials
 * served by 3 schools and the low-altitude economy by 4. The targets below are those; every
 * measured figure comes from the warehouse.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { rows, sampleConnection, sampleManifest } from '../support/warehouse.ts';

let conn: DuckDBConnection;
beforeAll(async () => { conn = await sampleConnection(); });

interface IndustryRow { industry_code: string; schools: number; demand_ratio: number | null; signal: string }

const industries2025 = () => rows<IndustryRow>(conn,
  `SELECT industry_code, schools, demand_ratio, signal FROM mart_industry
   WHERE year = (SELECT max(year) FROM mart_industry)`);
const byCode = (list: IndustryRow[], code: string) => list.find((r) => r.industry_code === code)!;

describe('sample calibration, latest year', () => {
  it('covers 2019–2025 and the manifest says it is the synthetic sample', () => {
    const m = sampleManifest();
    expect(m.summary?.year).toBe(2025);
    expect(m.data_label).toBe('sample');
    expect(m.synthetic).toBe(true);
    expect(m.rejected_total).toBe(0);
    expect(m.model_tests.every((t) => t.passed)).toBe(true);
  });

  it('has 3,300–3,400 programme points, a 89 % (±0.5) match rate and ≈ 300,000 graduates', () => {
    const s = sampleManifest().summary!;
    expect(s.programme_points).toBeGreaterThanOrEqual(3300);
    expect(s.programme_points).toBeLessThanOrEqual(3400);
    expect(Math.abs(s.match_rate - 0.89)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(s.graduates / 300_000 - 1)).toBeLessThanOrEqual(0.03);
  });

  it('has advanced materials served by exactly 3 schools and low-altitude by exactly 4, both in shortage', async () => {
    const list = await industries2025();
    expect(byCode(list, 'advanced_materials')).toMatchObject({ schools: 3, signal: 'shortage' });
    expect(byCode(list, 'low_altitude')).toMatchObject({ schools: 4, signal: 'shortage' });
  });

  it('has a demand ratio above 1.5 for AI and intelligent manufacturing', async () => {
    const list = await industries2025();
    expect(byCode(list, 'ai').demand_ratio).toBeGreaterThan(1.5);
    expect(byCode(list, 'smart_manufacturing').demand_ratio).toBeGreaterThan(1.5);
  });

  it('shows low-altitude demand surging from 2023 with programmes following later', async () => {
    const series = await rows<{ year: number; demand: number; programme_points: number }>(conn,
      `SELECT year, demand, programme_points FROM mart_industry WHERE industry_code = 'low_altitude' ORDER BY year`);
    const at = (y: number) => series.find((r) => r.year === y)!;
    expect(series.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(at(2023).demand / at(2022).demand).toBeGreaterThan(1.3);
    expect(at(2023).programme_points).toBe(at(2022).programme_points);
    expect(at(2025).programme_points).toBeGreaterThan(at(2023).programme_points);
    const [lag] = await rows<{ lag_years: number; strength: string }>(conn,
      `SELECT lag_years, strength FROM mart_lag WHERE industry_code = 'low_altitude'`);
    expect(lag.strength).toBe('clear');
    expect(lag.lag_years).toBeGreaterThanOrEqual(1);
  });

  it('has a few heavily duplicated majors', async () => {
    const [c] = await rows<{ duplicated_majors: number }>(conn,
      `SELECT duplicated_majors FROM mart_concentration WHERE year = 2025`);
    expect(c.duplicated_majors).toBeGreaterThanOrEqual(3);
  });
});
