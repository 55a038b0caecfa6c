/**
 * Recommendations on the hand-built city (tests/fixtures/recommend/city.ts), 2024, retention 1,
 * every crosswalk weight mapped.
 *
 * Supply (graduates × weight):  uav: S1·U2 20 × 0.5 = 10.
 *   mfg: S1·U2 20 × 0.2 = 4, S1·M1 30 × 0.9 = 27, S4·M1 27, S2·C1 10 × 0.1 = 1 → 59.   tour: S5·T1 30.
 * Demand: uav 100 + 40 + 20 = 160, mfg 50, tour 10.
 * Fill ratio: uav 10 / 160 = 0.0625 (shortage, gap 150); mfg 59 / 50 = 1.18 (balanced); tour 30 / 10 = 3 (oversupply).
 *
 * Anchors of uav (weight ≥ 0.3): U1 (0.85) and U2 (0.5), both in 航空装备类 4606. Schools with a
 * 4606 point: S1 (U2, an anchor: expand), S2 (A1: open), S3 (A1: open). S4 (M1, 4603) is no candidate.
 * Proximity (higher-level uav openings: D1 100 = the peak district, D2 40, D3 20; area A = 140 = the
 * peak area, area B 20), 0.6 × district share of peak + 0.4 × area share of peak:
 *   S1 (D1) 0.6 + 0.4 = 1;  S2 (D2) 0.6 × 0.4 + 0.4 = 0.64;  S3 (D3) 0.6 × 0.2 + 0.4 × 20/140 = 0.177142857…
 * Size (students ÷ the largest candidate's 200): S1 150 → 0.75, S2 80 → 0.4, S3 200 → 1.
 * Score = 0.5 adjacency + 0.3 proximity + 0.2 size (weights sum to 1):
 *   S1 0.5 + 0.3 + 0.15 = 0.95;  S2 0.25 + 0.192 + 0.08 = 0.522;  S3 0.25 + 0.0531428… + 0.2 = 0.5031428…
 * max_candidates = 2 keeps S1 and S2; S3, the largest school, misses the list on proximity.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildWarehouse, query } from '../models/warehouse.ts';
import { runModelTests } from '../../pipeline/transform/run-models.ts';
import { candidacyReason, schoolAdviceReason, type CandidacyFacts, type SchoolAdviceFacts } from '../../pipeline/shared/advice.ts';
import { A1, C1, city, cityPolicy, M1, S1, S2, S3, S4, S5, T1, U1, U2 } from '../fixtures/recommend/city.ts';

const thresholds = {
  shortage_below: cityPolicy.signal.shortage_below, oversupply_above: cityPolicy.signal.oversupply_above,
  review_employment_below: cityPolicy.recommend.review_employment_below,
};
const candidacy = (r: Record<string, unknown>, lang: 'zh' | 'en') => candidacyReason(r as unknown as CandidacyFacts, lang);
const advice = (r: Record<string, unknown>, lang: 'zh' | 'en') => schoolAdviceReason(r as unknown as SchoolAdviceFacts, thresholds, lang);

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await buildWarehouse(city, cityPolicy);
});

const md5id = (...parts: (string | number)[]) => createHash('md5').update(parts.join('|')).digest('hex').slice(0, 12);

describe('candidate schools per shortage industry (mart_recommendation)', () => {
  it('ranks candidates by adjacency, proximity and size and keeps the best max_candidates', async () => {
    const all = await query(conn, `SELECT school_code, rank::INTEGER AS rank, score, adjacency_score, proximity_score,
                                          size_score FROM int_recommend_candidates WHERE year = 2024 ORDER BY rank`);
    expect(all).toEqual([
      { school_code: S1, rank: 1, score: expect.closeTo(0.95, 12), adjacency_score: 1, proximity_score: expect.closeTo(1, 12), size_score: 0.75 },
      { school_code: S2, rank: 2, score: expect.closeTo(0.522, 12), adjacency_score: 0.5, proximity_score: expect.closeTo(0.64, 12), size_score: 0.4 },
      { school_code: S3, rank: 3, score: expect.closeTo(0.5031428571, 9), adjacency_score: 0.5, proximity_score: expect.closeTo(0.1771428571, 9), size_score: 1 },
    ]);
    const listed = await query(conn, 'SELECT industry_code, school_code, rank FROM mart_recommendation ORDER BY rank');
    expect(listed).toEqual([
      { industry_code: 'uav', school_code: S1, rank: 1 },
      { industry_code: 'uav', school_code: S2, rank: 2 },
    ]);
  });

  it('suggests expanding the anchor majors a school offers, or opening those of its 专业类, heaviest first', async () => {
    const rows = await query(conn, `SELECT school_code, action, adjacency, suggested_major_code, suggested_majors,
                                           suggested_major_codes, adjacent_majors, adjacent_points, mapped_students,
                                           proximity, district_openings, area_openings, students
                                    FROM mart_recommendation ORDER BY rank`);
    expect(rows).toEqual([
      {
        school_code: S1, action: 'expand', adjacency: 'mapped', suggested_major_code: U2, suggested_majors: '飞行器数字化制造技术',
        suggested_major_codes: U2, adjacent_majors: '飞行器数字化制造技术', adjacent_points: 1, mapped_students: 60,
        proximity: 'district', district_openings: 100, area_openings: 140, students: 150,
      },
      {
        school_code: S2, action: 'open', adjacency: 'category', suggested_major_code: U1,
        suggested_majors: '无人机应用技术、飞行器数字化制造技术', suggested_major_codes: `${U1},${U2}`,
        adjacent_majors: '航空发动机装配调试技术', adjacent_points: 1, mapped_students: 0,
        proximity: 'district', district_openings: 40, area_openings: 140, students: 80,
      },
    ]);
  });

  it('suggests opening only majors the catalogue has in the intake the advice is for (year + 1)', async () => {
    // U1 added to the catalogue in 2026 (a 增补专业): no major to open for the 2025 intake the 2024 advice is for.
    const later = { ...city, majors: city.majors.map((m) => (m[0] === U1 ? [...m.slice(0, 10), 2026, null] : m)) } as typeof city;
    const own = await buildWarehouse(later, cityPolicy);
    expect(await query(own, `SELECT school_code, action, suggested_major_codes FROM mart_recommendation ORDER BY rank`)).toEqual([
      { school_code: S1, action: 'expand', suggested_major_codes: U2 },
      { school_code: S2, action: 'open', suggested_major_codes: U2 },
    ]);
    expect(await query(own, `SELECT DISTINCT major_code FROM mart_school_report WHERE label = 'open'`)).toEqual([{ major_code: U2 }]);
    expect((await runModelTests(own)).filter((t) => !t.passed)).toEqual([]);
  });

  it('advises from the catalogue as first published in every year, also before its first year, and never from a later 增补专业', async () => {
    // A catalogue first published in 2026, read from 2024 on (mapping.json catalogue.current_from), with U1 added in 2027:
    // its other majors are open to the 2025 intake, as the programmes of 2024 are read in it.
    const early = { ...city, majors: city.majors.map((m) => [...m.slice(0, 10), m[0] === U1 ? 2027 : 2026, null]) } as typeof city;
    const own = await buildWarehouse(early, cityPolicy);
    expect(await query(own, `SELECT school_code, action, suggested_major_codes FROM mart_recommendation ORDER BY rank`)).toEqual([
      { school_code: S1, action: 'expand', suggested_major_codes: U2 },
      { school_code: S2, action: 'open', suggested_major_codes: U2 },
    ]);
    expect((await runModelTests(own)).filter((t) => !t.passed)).toEqual([]);
  });

  it('carries the industry evidence and a stable id, and its reason is worded from the numbers', async () => {
    const [s1, s2] = await query(conn, 'SELECT * FROM mart_recommendation ORDER BY rank');
    expect(s1).toMatchObject({ fill_ratio: 0.0625, gap: 150, demand: 160, supply: 10, demand_ratio: 160 / 70 });
    expect(s1.recommendation_id).toBe(md5id(2024, 'uav', S1, U2));
    expect(s2.recommendation_id).toBe(md5id(2024, 'uav', S2, U1));
    expect(candidacy(s1, 'zh')).toBe('低空经济供需比6.3%，缺口150人，求人倍率2.29。该校已开设对口专业飞行器数字化制造技术（在校生60人），'
      + '建议扩大招生。渝中区高职专科层次岗位需求100个，所在片区（主城都市区中心城区）140个；全校在校生150人。');
    expect(candidacy(s2, 'zh')).toContain('该校已开设同一专业类的航空发动机装配调试技术（在校生40人），建议依托开设无人机应用技术、飞行器数字化制造技术。');
    expect(candidacy(s2, 'en')).toContain('Low-altitude economy is filled at 6.3%, a gap of 150 graduates, demand ratio 2.29.');
    expect(candidacy(s2, 'en')).toContain('40 openings at its level in its district, 140 in its area group; 80 students in all.');
  });
});

describe('school report labels (mart_school_report)', () => {
  it('labels every programme from its candidacies, the signal of its main industry and its employment rate', async () => {
    const rows = await query(conn, `SELECT school_code, major_code, label, fill_ratio, industry_code
                                    FROM mart_school_report WHERE offered ORDER BY school_code, major_code`);
    expect(rows).toEqual([
      // S1·U2: listed first to expand uav through U2 → expand; weighted fill (0.5 × 0.0625 + 0.2 × 1.18) ÷ 0.7
      { school_code: S1, major_code: M1, label: 'keep', fill_ratio: expect.closeTo(1.18, 12), industry_code: 'mfg' },
      { school_code: S1, major_code: U2, label: 'expand', fill_ratio: expect.closeTo(0.26725 / 0.7, 12), industry_code: 'uav' },
      // A1 serves no industry: keep, no fill ratio; C1 (mfg 0.1, mapped) sits at mfg's 1.18: keep
      { school_code: S2, major_code: A1, label: 'keep', fill_ratio: null, industry_code: null },
      { school_code: S2, major_code: C1, label: 'keep', fill_ratio: expect.closeTo(1.18, 12), industry_code: 'mfg' },
      { school_code: S3, major_code: A1, label: 'keep', fill_ratio: null, industry_code: null },
      // S4·M1: employment 80 % < 85 %, but mfg is balanced: never a cut → keep
      { school_code: S4, major_code: M1, label: 'keep', fill_ratio: expect.closeTo(1.18, 12), industry_code: 'mfg' },
      // S5·T1: tour 3.0 > 1.2, oversupplied → review
      { school_code: S5, major_code: T1, label: 'review', fill_ratio: 3, industry_code: 'tour' },
    ].sort((a, b) => (a.school_code + a.major_code).localeCompare(b.school_code + b.major_code)));
  });

  it('lists the missing majors of shortage industries within the school\'s own 专业大类', async () => {
    const rows = await query(conn, `SELECT school_code, major_code, industry_code, candidate_rank, position
                                    FROM mart_school_report WHERE label = 'open' ORDER BY school_code, position`);
    // uav anchors U1, U2 are in 装备制造大类 (46). S1 offers U2 → U1 only; S2 (A1 in 46) and S3 lack both,
    // S4 (M1 in 46) too; S5 (旅游大类) has none. Same 专业类 first, then weight: U1 (0.85) before U2 (0.5).
    // candidate_rank is the school's place in the uav list: S1 1, S2 2, S3 and S4 not listed.
    // (rows come in school-code order: S3 5001010001, S1 …030001, S4 …030002, S2 …060001)
    expect(rows).toEqual([
      { school_code: S3, major_code: U1, industry_code: 'uav', candidate_rank: null, position: 1 },
      { school_code: S3, major_code: U2, industry_code: 'uav', candidate_rank: null, position: 2 },
      { school_code: S1, major_code: U1, industry_code: 'uav', candidate_rank: 1, position: 2 },
      { school_code: S4, major_code: U1, industry_code: 'uav', candidate_rank: null, position: 1 },
      { school_code: S4, major_code: U2, industry_code: 'uav', candidate_rank: null, position: 2 },
      { school_code: S2, major_code: U1, industry_code: 'uav', candidate_rank: 2, position: 1 },
      { school_code: S2, major_code: U2, industry_code: 'uav', candidate_rank: 2, position: 2 },
    ]);
    // S4 offers no 航空装备类 major, so its reason does not claim one
    const [s4] = await query(conn, `SELECT * FROM mart_school_report WHERE school_code = '${S4}' AND major_code = '${U1}'`);
    expect(s4.same_category).toBe(false);
    expect(advice(s4, 'zh')).toBe('低空经济供需比6.3%、缺口150人（供给不足）；本校已开设装备制造大类的专业。建议论证开设。');
  });

  it('carries the figures behind each label, from which its reason is worded', async () => {
    const reasons = Object.fromEntries((await query(conn, `SELECT school_code || major_code AS k, *
      FROM mart_school_report WHERE offered`)).map((r) => [r.k, { reason_zh: advice(r, 'zh'), reason_en: advice(r, 'en') }]));
    expect(reasons[S1 + U2].reason_zh).toBe('低空经济供需比6.3%，低于80%（供给不足），缺口150人。本校列该产业候选院校第1位。就业率95.0%。建议扩大招生。');
    expect(reasons[S4 + M1].reason_zh).toBe('智能制造供需比118.0%，处于80%–120%之间（基本平衡）。就业率80.0%，低于85.0%，宜关注就业质量。建议保持现有规模。');
    expect(reasons[S5 + T1].reason_en).toBe('Culture and tourism is filled at 300.0%, above 120% (oversupply). '
      + 'Employment rate 90.0%. Review: reduce intake or reorient the programme.');
    expect(reasons[S2 + A1].reason_zh).toBe('未对应所列产业，无供需比可依。建议保持现有规模。');
  });

  it('passes its model tests and the shipped column-type rule', async () => {
    expect((await runModelTests(conn)).filter((t) => !t.passed)).toEqual([]);
  });
});

describe('recommendation model tests', () => {
  it.each([
    // a copy also breaks the 1..n ranks (3 rows, highest rank 2)
    ['a listed school twice', ['INSERT INTO mart_recommendation SELECT * FROM mart_recommendation WHERE rank = 1'],
      ['contract_mart_recommendation', 'recommendation_consistency']],
    ['an unknown label', [`UPDATE mart_school_report SET label = 'grow' WHERE label = 'keep'`], ['recommendation_values']],
    ['a major an expand candidacy names left unlabelled', [`UPDATE mart_school_report SET label = 'keep' WHERE school_code = '${S1}' AND major_code = '${U2}'`],
      ['recommendation_consistency']],
    ['a balanced industry advised a cut', [`UPDATE mart_school_report SET label = 'review' WHERE school_code = '${S4}' AND major_code = '${M1}'`],
      ['recommendation_consistency']],
    ['a candidate for an industry that is not short', ['UPDATE mart_recommendation SET fill_ratio = 0.9 WHERE rank = 2'],
      ['recommendation_consistency']],
    ['a rank beyond max_candidates', ['UPDATE mart_recommendation SET rank = 3 WHERE rank = 2'], ['recommendation_consistency']],
  ])('catch %s', async (_what, plant, expected) => {
    const planted = await buildWarehouse(city, cityPolicy);
    for (const sql of plant) await planted.run(sql);
    expect((await runModelTests(planted)).filter((t) => !t.passed).map((t) => t.name)).toEqual(expected);
  });
});
