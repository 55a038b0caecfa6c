/**
 * Classification of postings by the rule set, and what the posting marts show: the rule that fired
 * on each posting, its confidence and occupation, the unclassified titles and employers, demand
 * from postings beside the aggregated demand. Fixture: days 2025-03-03 and 2025-03-04 of
 * tests/fixtures/refresh (8 postings once de-duplicated) with the shipped classification tables
 * in data/reference.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runModelTests } from '../../pipeline/transform/run-models.ts';
import { cleanup, dataFolder, deliver, FIXTURE } from './fixture.ts';
import { buildWarehouse, query } from './warehouse.ts';

afterAll(cleanup);

describe('posting classification with the shipped rules', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    const data = dataFolder();
    deliver(data, '2025-03-04.csv');
    conn = await buildWarehouse(data);
  });

  it('records the rule that fired, its confidence and the occupation the title names', async () => {
    expect(await query(conn, `SELECT posting_id, rule_id, industry_code, segment_code, classified, confidence, occupation, major_group
      FROM int_posting_classified ORDER BY posting_id`)).toEqual([
      // 数控车工 at an 智能装备 employer with hint 机械/设备/重工: title T030 (priority 10) fires; all three agree.
      { posting_id: 'D1-001', rule_id: 'T030', industry_code: 'smart_manufacturing', segment_code: 'core_components', classified: true,
        confidence: 'high', occupation: '机械加工人员', major_group: 6 },
      // 普工 at a 实业 company, no hint: nothing says the industry, the title says the occupation.
      { posting_id: 'D1-002', rule_id: null, industry_code: null, segment_code: null, classified: false,
        confidence: null, occupation: '生产制造人员', major_group: 6 },
      { posting_id: 'D1-003', rule_id: 'T080', industry_code: 'ai', segment_code: 'data_services', classified: true,
        confidence: 'high', occupation: '人工智能训练师', major_group: 4 },
      // 储备干部 at a 实业 company: only the platform's label 汽车/摩托车 places it, both parts agreeing.
      { posting_id: 'D1-004', rule_id: 'H001', industry_code: 'auto_nev', segment_code: null, classified: true,
        confidence: 'medium', occupation: null, major_group: null },
      { posting_id: 'D1-005', rule_id: 'T120', industry_code: 'health_care', segment_code: 'medical_care', classified: true,
        confidence: 'high', occupation: '医疗卫生技术人员', major_group: 2 },
      // 汽车装配工 has the words 汽车装配 (T001, 10) and 汽车 (G001, 20): the specific rule fires.
      { posting_id: 'D2-001', rule_id: 'T001', industry_code: 'auto_nev', segment_code: 'vehicle_manufacturing', classified: true,
        confidence: 'high', occupation: '汽车整车制造人员', major_group: 6 },
      { posting_id: 'D2-002', rule_id: null, industry_code: null, segment_code: null, classified: false,
        confidence: null, occupation: '工程技术人员', major_group: 2 },
      // 操作工 says nothing; the employer 重庆金山机械有限公司 does (E007 机械).
      { posting_id: 'D2-003', rule_id: 'E007', industry_code: 'smart_manufacturing', segment_code: null, classified: true,
        confidence: 'medium', occupation: '生产制造人员', major_group: 6 },
    ]);
  });

  it('lists the unclassified titles (as classified) and employers with their counts and shares, most frequent first', async () => {
    // 2 of 8 postings, one posting each: ties go by value (提 U+63D0 sorts before 普 U+666E).
    expect(await query(conn, 'SELECT * FROM mart_posting_unclassified ORDER BY field, rank')).toEqual([
      { year: 2025, field: 'employer', value: '重庆嘉陵实业有限公司', postings: 1, posting_openings: 5, top_industry_hint: '', share_of_postings: 0.125, rank: 1 },
      { year: 2025, field: 'employer', value: '重庆渝川科技有限公司', postings: 1, posting_openings: 1, top_industry_hint: '', share_of_postings: 0.125, rank: 2 },
      { year: 2025, field: 'title', value: '提示词工程师', postings: 1, posting_openings: 1, top_industry_hint: '', share_of_postings: 0.125, rank: 1 },
      { year: 2025, field: 'title', value: '普工', postings: 1, posting_openings: 5, top_industry_hint: '', share_of_postings: 0.125, rank: 2 },
    ]);
  });

  it('shows demand from postings beside the aggregated demand, never added to it', async () => {
    const demand = new Map<string, number>();
    for (const line of readFileSync(join(FIXTURE, 'data/demand.csv'), 'utf8').trim().split('\n').slice(1)) {
      const [year, , industry, , openings] = line.split(',');
      if (year === '2025') demand.set(industry, (demand.get(industry) ?? 0) + Number(openings));
    }
    const rows = await query<Record<string, number | string | null>>(conn, `SELECT industry_code, demand, postings, posting_openings,
      vocational_posting_openings, posting_share_of_demand, unclassified_postings, share_unclassified, outside_postings, share_outside
      FROM mart_industry_postings WHERE year = 2025 AND (postings > 0 OR demand > 0) ORDER BY industry_code`);
    // Classified postings: smart_manufacturing D1-001 (3, secondary) + D2-003 (2, education other);
    // ai D1-003 (2); auto_nev D1-004 (1) + D2-001 (6); health_care D1-005 (4).
    const posted: Record<string, [number, number, number]> = {
      ai: [1, 2, 2], auto_nev: [2, 7, 7], health_care: [1, 4, 4], smart_manufacturing: [2, 5, 3],
    };
    expect(rows).toEqual(Object.entries(posted).map(([industry_code, [postings, posting_openings, vocational]]) => ({
      industry_code,
      demand: demand.get(industry_code),
      postings,
      posting_openings,
      vocational_posting_openings: vocational,
      posting_share_of_demand: vocational / demand.get(industry_code)!,
      unclassified_postings: 2,
      share_unclassified: 0.25,
      outside_postings: 0,
      share_outside: 0,
    })));
    const industry = await query(conn, `SELECT industry_code, demand FROM mart_industry WHERE year = 2025 AND demand > 0 ORDER BY 1`);
    expect(industry).toEqual(rows.map((r) => ({ industry_code: r.industry_code, demand: r.demand })));
  });

  it('counts postings and openings per month, industry, district and education', async () => {
    expect(await query(conn, `SELECT * FROM mart_posting_demand WHERE industry_code = 'smart_manufacturing' ORDER BY district_code`)).toEqual([
      { year: 2025, month: 3, industry_code: 'smart_manufacturing', district_code: '500103', education: 'secondary', postings: 1, posting_openings: 3 },
      { year: 2025, month: 3, industry_code: 'smart_manufacturing', district_code: '500115', education: 'other', postings: 1, posting_openings: 2 },
    ]);
    expect(await query(conn, 'SELECT sum(postings)::INTEGER AS n FROM mart_posting_demand')).toEqual([{ n: 6 }]);
  });

  it('sets the occupation beside the industry, with the confidence of each classification', async () => {
    expect(await query(conn, `SELECT major_group, occupation, industry_code, scope, confidence, postings::INTEGER AS postings
      FROM mart_posting_occupations ORDER BY major_group, occupation, industry_code`)).toEqual([
      { major_group: 0, occupation: '', industry_code: 'auto_nev', scope: 'key', confidence: 'medium', postings: 1 },
      { major_group: 2, occupation: '医疗卫生技术人员', industry_code: 'health_care', scope: 'key', confidence: 'high', postings: 1 },
      { major_group: 2, occupation: '工程技术人员', industry_code: '', scope: 'unclassified', confidence: '', postings: 1 },
      { major_group: 4, occupation: '人工智能训练师', industry_code: 'ai', scope: 'key', confidence: 'high', postings: 1 },
      { major_group: 6, occupation: '机械加工人员', industry_code: 'smart_manufacturing', scope: 'key', confidence: 'high', postings: 1 },
      { major_group: 6, occupation: '汽车整车制造人员', industry_code: 'auto_nev', scope: 'key', confidence: 'high', postings: 1 },
      { major_group: 6, occupation: '生产制造人员', industry_code: '', scope: 'unclassified', confidence: '', postings: 1 },
      { major_group: 6, occupation: '生产制造人员', industry_code: 'smart_manufacturing', scope: 'key', confidence: 'medium', postings: 1 },
    ]);
  });

  it("shows each rule's effect: postings it matches and postings it classified", async () => {
    const rules = await query(conn, `SELECT rule_id, matched, fired FROM mart_posting_rules
      WHERE rule_id IN ('T030', 'E006', 'H008', 'T001', 'G001', 'E001', 'E007', 'T080', 'E021', 'H018') ORDER BY rule_id`);
    expect(rules).toEqual([
      { rule_id: 'E001', matched: 1, fired: 0 }, // 重庆长嘉汽车有限公司, shadowed by T001
      { rule_id: 'E006', matched: 1, fired: 0 }, // 智能装备, shadowed by T030
      { rule_id: 'E007', matched: 1, fired: 1 },
      { rule_id: 'E021', matched: 1, fired: 0 }, // 人工智能 employer of D1-003, counted once after de-duplication
      { rule_id: 'G001', matched: 1, fired: 0 },
      { rule_id: 'H008', matched: 1, fired: 0 },
      { rule_id: 'H018', matched: 1, fired: 0 },
      { rule_id: 'T001', matched: 1, fired: 1 },
      { rule_id: 'T030', matched: 1, fired: 1 },
      { rule_id: 'T080', matched: 1, fired: 1 },
    ]);
  });

  it('passes the posting model tests, which catch a lost posting and a posting carrying another industry than its rule', async () => {
    const results = await runModelTests(conn);
    expect(results.filter((t) => t.name.startsWith('posting_') || t.name.startsWith('contract_int_posting'))).toEqual([
      { name: 'contract_int_posting_occupations', failing_rows: 0, passed: true },
      { name: 'contract_int_posting_rules', failing_rows: 0, passed: true },
      { name: 'contract_int_posting_rule_matches', failing_rows: 0, passed: true },
      { name: 'contract_int_posting_classified', failing_rows: 0, passed: true },
      { name: 'contract_int_posting_value_counts', failing_rows: 0, passed: true },
      { name: 'posting_classification', failing_rows: 0, passed: true },
      { name: 'posting_reconcile', failing_rows: 0, passed: true },
    ]);
    await conn.run(`DELETE FROM mart_posting_demand WHERE industry_code = 'ai'`);
    await conn.run(`UPDATE int_posting_classified SET industry_code = 'ai' WHERE posting_id = 'D1-001'`);
    const broken = await runModelTests(conn);
    expect(broken.find((t) => t.name === 'posting_reconcile')).toMatchObject({ failing_rows: 1, passed: false });
    expect(broken.find((t) => t.name === 'posting_classification')).toMatchObject({ failing_rows: 1, passed: false });
  });
});

/**
 * Postings as they really read, each a mistake the substring rules made on real postings: the
 * title's IT rule beat the employer's sector, AI titles went to software, 算法 in radar work went
 * to AI, 智能科技 in a name meant AI, 电子 was found in 电子商务, 电力 in a builder's name, 旅游 in
 * a retail group's name, IT training went to software, a developer to construction, a
 * multi-industry label to its first part, 无人机 lost to 算法, and the sites' current labels were
 * not recognised.
 */
describe('hard cases of real postings', () => {
  const cases: [title: string, employer: string, hint: string, industry: string | null][] = [
    ['大数据开发工程师', '重庆家乐调味品有限公司', '', 'food'],
    ['AI开发工程师', '重庆渝川科技有限公司', '', 'ai'],
    ['大模型应用开发', '重庆渝川科技有限公司', '', 'ai'],
    ['雷达信号处理算法工程师', '重庆渝川科技有限公司', '', null],
    ['无人机算法工程师', '重庆渝川科技有限公司', '', 'low_altitude'],
    ['普工', '重庆天际智能科技有限公司', '', null],
    ['电子商务专员', '重庆嘉陵实业有限公司', '', null],
    ['资料员', '重庆电力建设有限公司', '', 'construction'],
    ['收银员', '重庆商社旅游百货有限公司', '', 'outside'],
    ['Java讲师（包就业）', '重庆达内教育科技有限公司', '', 'outside'],
    ['置业顾问', '重庆龙湖置业有限公司', '房地产开发', 'outside'],
    ['储备干部', '重庆嘉陵实业有限公司', '计算机/互联网/通信/电子', null],
    ['操作工', '重庆嘉陵实业有限公司', '电子/半导体/集成电路', 'electronics'],
    ['服务员', '重庆嘉陵实业有限公司', '餐饮服务', 'culture_tourism'],
    ['急招普工（包吃住）5-8K', '富士康科技集团重庆科技园', '', 'electronics'],
  ];
  let rows: { title: string; industry: string | null }[];
  beforeAll(async () => {
    const data = dataFolder();
    rmSync(join(data, 'postings/2025-03-03.csv'));
    writeFileSync(join(data, 'postings/2025-06-02.csv'), [
      'posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      ...cases.map(([title, employer, hint], i) => `H${i + 1},2025-06-02,500103,${employer},${title},${hint},1,secondary`),
    ].join('\n'));
    const conn = await buildWarehouse(data);
    rows = await query(conn, `SELECT p.title, CASE WHEN c.outside THEN 'outside' ELSE c.industry_code END AS industry
      FROM int_posting_classified AS c JOIN raw_postings AS p USING (posting_id) ORDER BY CAST(posting_id[2:] AS INTEGER)`);
  });

  it('classifies them by the employer where the title is cross-cutting, by whole words, with the exclude words', () => {
    expect(rows).toEqual(cases.map(([title, , , industry]) => ({ title, industry })));
  });
});

describe('rule precedence', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    const data = dataFolder();
    rmSync(join(data, 'postings/2025-03-03.csv'));
    writeFileSync(join(data, 'posting_rules.csv'), [
      'rule_id,priority,field,keyword,exclude,industry_code,segment_code,rationale',
      'R1,10,title,数控,,electronics,,test',
      'R2,10,title,车工,,smart_manufacturing,core_components,test',
      'R3,5,employer,恒润,,auto_nev,,test',
      'R4,20,title,smt,,electronics,chips_components,test',
    ].join('\n'));
    writeFileSync(join(data, 'postings/2025-06-02.csv'), [
      'posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      'P1,2025-06-02,500103,重庆甲有限公司,数控车工,,1,secondary',
      'P2,2025-06-02,500103,重庆恒润有限公司,数控车工,,1,secondary',
      'P3,2025-06-02,500103,重庆乙有限公司,SMT贴片操作员,,1,secondary',
      'P4,2025-06-02,500103,重庆丙有限公司,车间主任,数控,1,secondary',
      'P5,2025-06-02,500103,重庆数控有限公司,普工,,1,secondary',
    ].join('\n'));
    conn = await buildWarehouse(data);
  });

  it('fires the lowest priority number, then the lowest rule_id; keywords are whole words, ignore case and search only their own field', async () => {
    expect(await query(conn, 'SELECT posting_id, rule_id, industry_code FROM int_posting_classified ORDER BY posting_id')).toEqual([
      { posting_id: 'P1', rule_id: 'R1', industry_code: 'electronics' }, // R1 and R2 tie on 10: R1 first
      { posting_id: 'P2', rule_id: 'R3', industry_code: 'auto_nev' }, // the employer rule has priority 5
      { posting_id: 'P3', rule_id: 'R4', industry_code: 'electronics' }, // smt finds SMT
      { posting_id: 'P4', rule_id: null, industry_code: null }, // 数控 in the hint, but R1 searches titles
      { posting_id: 'P5', rule_id: null, industry_code: null }, // 数控 in the employer, likewise
    ]);
  });
});
