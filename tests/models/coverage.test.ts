/**
 * Match rate, overview totals, digital share, industry and segment coverage on the tiny fixture
 * (tests/fixtures/models/tiny.ts), 2024 unless said otherwise. Policy: mapped_min_weight 0.1.
 *
 * Active points 2024 (S2×M3 is suspended, so left out):
 *   S1 (D1 public):  M1 90 st. 30 gr. | M4 60 st. — gr. (est 60÷3 = 20) | M5 30 st. 10 gr.
 *   S2 (D1 private): M1 120 st. 40 gr.
 *   S3 (D2 public):  M1 60 st. — gr. (est 20) | M3 90 st. 30 gr.
 *   S4 (D3 public, higher): M2 300 st. 100 gr.
 *   S5 (D2 public):  M1 30 st. 10 gr. | M4 30 st. 10 gr.
 * Key industries: ai, mfg. M1, M2, M3 serve one of them; M4 (tour, not key) and M5 (none) do not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { M1, M3, M4, M5, S1, S3, tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, one, query } from './warehouse.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await buildWarehouse(tiny, tinyPolicy);
});

const totals = (where: string) =>
  one(
    conn,
    `SELECT sum(programme_points)::INTEGER AS points, sum(matched_points)::INTEGER AS matched,
            sum(students)::INTEGER AS students, sum(matched_students)::INTEGER AS matched_students,
            sum(digital_students)::INTEGER AS digital, sum(graduates) AS graduates,
            sum(estimated_graduates) AS estimated, sum(schools)::INTEGER AS schools
     FROM mart_overview WHERE ${where}`,
  );

describe('match rate and overview', () => {
  it('counts active points and matched points, and both match-rate variants', async () => {
    const t = await totals('year = 2024');
    // 3 + 1 + 2 + 1 + 2 = 9 points; matched: S1·M1, S2·M1, S3·M1, S3·M3, S4·M2, S5·M1 = 6.
    expect(t.points).toBe(9);
    expect(t.matched).toBe(6);
    expect((t.matched as number) / (t.points as number)).toBeCloseTo(6 / 9, 12); // 66.7 %
    // students 90+60+30+120+60+90+300+30+30 = 810; matched 90+120+60+90+300+30 = 690 → 85.2 %.
    expect(t.students).toBe(810);
    expect(t.matched_students).toBe(690);
    expect((t.matched_students as number) / (t.students as number)).toBeCloseTo(690 / 810, 12);
    expect(t.schools).toBe(5);
  });

  it('estimates missing graduates as students ÷ duration and keeps the estimated part', async () => {
    const t = await totals('year = 2024');
    // reported 30+10+40+30+100+10+10 = 230, estimated S1·M4 60÷3 + S3·M1 60÷3 = 40 → 270.
    expect(t.graduates).toBeCloseTo(270, 9);
    expect(t.estimated).toBeCloseTo(40, 9);
  });

  it('adds up by level, district and ownership', async () => {
    // D2 public secondary = S3 + S5: 4 points, 3 matched (S3·M1, S3·M3, S5·M1), 210 students.
    const d2 = await totals(`year = 2024 AND district_code = '500106' AND ownership = 'public' AND level = 'secondary'`);
    expect(d2).toMatchObject({ schools: 2, points: 4, matched: 3, students: 210, matched_students: 180 });
    // private = S2 only.
    expect(await totals(`year = 2024 AND ownership = 'private'`)).toMatchObject({ schools: 1, points: 1, students: 120 });
    // 2023: 7 points, S5·M4's graduates missing → 30÷3 = 10 estimated.
    expect(await totals('year = 2023')).toMatchObject({ points: 7, estimated: 10 });
  });

  it('gives the digital-skills share as digital students ÷ students', async () => {
    const t = await totals('year = 2024');
    // digital majors M1 (90+120+60+30) and M2 (300) → 600 ÷ 810 = 74.1 %.
    expect(t.digital).toBe(600);
    expect((t.digital as number) / (t.students as number)).toBeCloseTo(600 / 810, 12);
  });
});

describe('coverage of industries and chain segments', () => {
  it('counts schools and points mapped above the minimum weight', async () => {
    const rows = await query(
      conn,
      `SELECT industry_code, schools, programme_points FROM mart_industry WHERE year = 2024 ORDER BY industry_code`,
    );
    // ai: M1 (0.6) at S1, S2, S3, S5 + M2 (1.0) at S4; M3's 0.05 is below 0.1 → 5 schools, 5 points.
    // mfg: M1 (0.2) ×4 + M3 (0.9) at S3 → 4 schools, 5 points. tour: M4 at S1, S5.
    expect(rows).toEqual([
      { industry_code: 'ai', schools: 5, programme_points: 5 },
      { industry_code: 'mfg', schools: 4, programme_points: 5 },
      { industry_code: 'tour', schools: 2, programme_points: 2 },
    ]);
  });

  it('counts a marginal weight once the minimum is 0 (any weight)', async () => {
    const all = await buildWarehouse(tiny, { ...tinyPolicy, coverage: { mapped_min_weight: 0 } });
    // S3·M3 now counts for ai too: still 5 schools (S3 already counted), 6 points; ai/app covered.
    expect(await one(all, `SELECT schools, programme_points, segments_covered, uncovered_segments FROM mart_industry
                           WHERE year = 2024 AND industry_code = 'ai'`)).toEqual({
      schools: 5,
      programme_points: 6,
      segments_covered: 3,
      uncovered_segments: '芯片',
    });
  });

  it('lists chain coverage and uncovered segments by name in chain order', async () => {
    const rows = await query(
      conn,
      `SELECT industry_code, segments_total, segments_covered, chain_coverage, uncovered_segments
       FROM mart_industry WHERE year = 2024 ORDER BY industry_code`,
    );
    // ai: chip (nobody), data, model (M1, M2), app (only M3 at 0.05 < 0.1) → 2/4, upstream before downstream.
    // mfg: equip (M3), assembly (M1, M3), testing (nobody) → 2/3. tour: hotel → 1/1.
    expect(rows).toEqual([
      { industry_code: 'ai', segments_total: 4, segments_covered: 2, chain_coverage: 0.5, uncovered_segments: '芯片、行业应用' },
      { industry_code: 'mfg', segments_total: 3, segments_covered: 2, chain_coverage: 2 / 3, uncovered_segments: '检验检测' },
      { industry_code: 'tour', segments_total: 1, segments_covered: 1, chain_coverage: 1, uncovered_segments: '' },
    ]);
  });

  it('keeps supply in an uncovered segment served below the minimum weight', async () => {
    const app = await one(conn, `SELECT schools, programme_points, supply, covered FROM mart_segment
                                 WHERE year = 2024 AND industry_code = 'ai' AND segment_code = 'app'`);
    // S3·M3: 30 graduates × 0.05 × retention 0.8 = 1.2, but no mapped point.
    expect(app).toMatchObject({ schools: 0, programme_points: 0, covered: false });
    expect(app.supply).toBeCloseTo(1.2, 9);
    const assembly = await one(conn, `SELECT schools, programme_points, supply FROM mart_segment
                                      WHERE year = 2024 AND industry_code = 'mfg' AND segment_code = 'assembly'`);
    // M1 100 graduates × 0.2 + S3·M3 30 × 0.3 = 29, × 0.8 = 23.2; schools S1, S2, S3, S5.
    expect(assembly).toMatchObject({ schools: 4, programme_points: 5 });
    expect(assembly.supply).toBeCloseTo(23.2, 9);
  });

  it('names a programme’s industries heaviest first and flags key matches', async () => {
    const rows = await query(
      conn,
      `SELECT major_code, industries, key_matched, graduates, graduates_estimated FROM mart_school_programme
       WHERE year = 2024 AND (school_code = '${S3}' OR school_code = '${S1}') ORDER BY school_code, major_code`,
    );
    expect(rows).toEqual([
      { major_code: M1, industries: '人工智能、智能制造', key_matched: true, graduates: 30, graduates_estimated: false },
      { major_code: M5, industries: '', key_matched: false, graduates: 10, graduates_estimated: false },
      { major_code: M4, industries: '文化旅游', key_matched: false, graduates: 20, graduates_estimated: true },
      // M3 is listed for mfg only: its ai weight 0.05 is below the 0.1 minimum.
      { major_code: M3, industries: '智能制造', key_matched: true, graduates: 30, graduates_estimated: false },
      { major_code: M1, industries: '人工智能、智能制造', key_matched: true, graduates: 20, graduates_estimated: true },
    ]);
  });
});
