/**
 * Classification of postings by the rule set, and what the posting marts show: the rule that fired
 * on each posting, the unclassified titles, demand from postings beside the aggregated demand.
 * Fixture: days 2025-03-03 and 2025-03-04 of tests/fixtures/refresh (8 postings once de-duplicated)
 * with the shipped rules in data/reference/posting_rules.csv.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runModelTests } from '../../pipeline/run-models.ts';
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

  it('records the rule that fired: a title keyword before the employer before the industry hint', async () => {
    expect(await query(conn, `SELECT posting_id, rule_id, industry_code, segment_code, classified
      FROM int_posting_classified ORDER BY posting_id`)).toEqual([
      // 数控车工 at an 智能装备 employer with hint 机械/设备/重工: title T030 (priority 10) beats E006 (50) and H004 (80).
      { posting_id: 'D1-001', rule_id: 'T030', industry_code: 'smart_manufacturing', segment_code: 'core_components', classified: true },
      // 普工 at a 实业 company, no hint: nothing says the industry.
      { posting_id: 'D1-002', rule_id: null, industry_code: null, segment_code: null, classified: false },
      { posting_id: 'D1-003', rule_id: 'T080', industry_code: 'ai', segment_code: 'data_services', classified: true },
      // 储备干部 at a 实业 company: only the platform's hint 汽车/摩托车 places it, without a segment.
      { posting_id: 'D1-004', rule_id: 'H001', industry_code: 'auto_nev', segment_code: null, classified: true },
      { posting_id: 'D1-005', rule_id: 'T120', industry_code: 'health_care', segment_code: 'medical_care', classified: true },
      // 汽车装配工 matches T001 (10) and the broader G001 汽车 (20): the specific rule fires.
      { posting_id: 'D2-001', rule_id: 'T001', industry_code: 'auto_nev', segment_code: 'vehicle_manufacturing', classified: true },
      { posting_id: 'D2-002', rule_id: null, industry_code: null, segment_code: null, classified: false },
      // 操作工 says nothing; the employer 重庆金山机械有限公司 does (E007 机械).
      { posting_id: 'D2-003', rule_id: 'E007', industry_code: 'smart_manufacturing', segment_code: null, classified: true },
    ]);
  });

  it('lists the unclassified titles with their counts and shares, most frequent first', async () => {
    // 2 of 8 postings, one posting each: ties go by title (提 U+63D0 sorts before 普 U+666E).
    expect(await query(conn, 'SELECT * FROM mart_posting_unclassified ORDER BY rank')).toEqual([
      { year: 2025, title: '提示词工程师', postings: 1, posting_openings: 1, employers: 1, top_industry_hint: '', share_of_postings: 0.125, rank: 1 },
      { year: 2025, title: '普工', postings: 1, posting_openings: 5, employers: 1, top_industry_hint: '', share_of_postings: 0.125, rank: 2 },
    ]);
  });

  it('shows demand from postings beside the aggregated demand, never added to it', async () => {
    const demand = new Map<string, number>();
    for (const line of readFileSync(join(FIXTURE, 'data/demand.csv'), 'utf8').trim().split('\n').slice(1)) {
      const [year, , industry, , openings] = line.split(',');
      if (year === '2025') demand.set(industry, (demand.get(industry) ?? 0) + Number(openings));
    }
    const rows = await query<Record<string, number | string | null>>(conn, `SELECT industry_code, demand, postings, posting_openings,
      vocational_posting_openings, posting_share_of_demand, unclassified_postings, share_unclassified
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

  it("shows each rule's effect: postings it matches and postings it classified", async () => {
    const rules = await query(conn, `SELECT rule_id, matched, fired FROM mart_posting_rules
      WHERE rule_id IN ('T030', 'E006', 'H004', 'T001', 'G001', 'E001', 'E007', 'T080', 'E021', 'H012') ORDER BY rule_id`);
    expect(rules).toEqual([
      { rule_id: 'E001', matched: 1, fired: 0 }, // 重庆长嘉汽车有限公司, shadowed by T001
      { rule_id: 'E006', matched: 1, fired: 0 }, // 智能装备, shadowed by T030
      { rule_id: 'E007', matched: 1, fired: 1 },
      { rule_id: 'E021', matched: 1, fired: 0 }, // 人工智能 employer of D1-003, counted once after de-duplication
      { rule_id: 'G001', matched: 1, fired: 0 },
      { rule_id: 'H004', matched: 1, fired: 0 },
      { rule_id: 'H012', matched: 1, fired: 0 },
      { rule_id: 'T001', matched: 1, fired: 1 },
      { rule_id: 'T030', matched: 1, fired: 1 },
      { rule_id: 'T080', matched: 1, fired: 1 },
    ]);
  });

  it('passes the posting model tests, which catch a lost posting and a posting carrying another industry than its rule', async () => {
    const results = await runModelTests(conn);
    expect(results.filter((t) => t.name.startsWith('posting_') || t.name.startsWith('contract_int_posting'))).toEqual([
      { name: 'contract_int_posting_classified', failing_rows: 0, passed: true },
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

describe('rule precedence', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    const data = dataFolder();
    rmSync(join(data, 'postings/2025-03-03.csv'));
    writeFileSync(join(data, 'posting_rules.csv'), [
      'rule_id,priority,field,keyword,industry_code,segment_code',
      'R1,10,title,数控,electronics,',
      'R2,10,title,车工,smart_manufacturing,core_components',
      'R3,5,employer,恒润,auto_nev,',
      'R4,20,title,smt,electronics,chips_components',
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

  it('fires the lowest priority number, then the lowest rule_id; keywords ignore case and search only their own field', async () => {
    expect(await query(conn, 'SELECT posting_id, rule_id, industry_code FROM int_posting_classified ORDER BY posting_id')).toEqual([
      { posting_id: 'P1', rule_id: 'R1', industry_code: 'electronics' }, // R1 and R2 tie on 10: R1 first
      { posting_id: 'P2', rule_id: 'R3', industry_code: 'auto_nev' }, // the employer rule has priority 5
      { posting_id: 'P3', rule_id: 'R4', industry_code: 'electronics' }, // smt finds SMT
      { posting_id: 'P4', rule_id: null, industry_code: null }, // 数控 in the hint, but R1 searches titles
      { posting_id: 'P5', rule_id: null, industry_code: null }, // 数控 in the employer, likewise
    ]);
  });
});
