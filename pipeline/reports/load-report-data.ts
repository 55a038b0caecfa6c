/**
 * Everything the reports print, read from the warehouse in a dozen bulk queries and grouped by
 * school and by industry in memory: one query per school would cost more than all the rendering.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableExists } from '../transform/table-exists.ts';
import { groupBy } from '../shared/group-by.ts';
import { readRows, type Rec } from '../transform/read-rows.ts';

export type { Rec } from '../transform/read-rows.ts';

export interface Thresholds {
  shortage_below: number;
  oversupply_above: number;
  review_employment_below: number;
  min_weight: number;
}

export interface ReportData {
  /** Latest year with programmes: the year every report describes. */
  year: number;
  thresholds: Thresholds;
  schools: Rec[];
  schoolsByCode: Map<string, Rec>;
  /** Latest-year industries, most urgent first. */
  industries: Rec[];
  school: {
    rows: Map<string, Rec[]>;
    recommendations: Map<string, Rec[]>;
    industries: Map<string, Rec[]>;
    trend: Map<string, Rec[]>;
    /** The proposed enrolment plan's changes (mart_plan). */
    plan: Map<string, Rec[]>;
  };
  /** mart_plan_status's row; null when the warehouse has no plan (a warehouse built without the planner stage). */
  planStatus: Rec | null;
  industry: {
    years: Map<string, Rec[]>;
    programmes: Map<string, Rec[]>;
    recommendations: Map<string, Rec[]>;
    reviews: Map<string, Rec[]>;
    segments: Map<string, Rec[]>;
    loop: Map<string, Rec[]>;
    loopDetail: Map<string, Rec[]>;
    lag: Map<string, Rec>;
  };
}

/** A row's value of a column as the text a group is keyed by. */
const by = (column: string) => (row: Rec) => String(row[column]);

/** The policy values the labels were computed with; the refresh (or the caller) must have set them. */
async function readThresholds(conn: DuckDBConnection): Promise<Thresholds> {
  const [row] = await readRows(conn, `SELECT
    getvariable('signal_shortage_below') AS shortage_below,
    getvariable('signal_oversupply_above') AS oversupply_above,
    getvariable('recommend_review_employment_below') AS review_employment_below,
    getvariable('recommend_min_weight') AS min_weight`);
  const missing = Object.entries(row).filter(([, v]) => typeof v !== 'number').map(([k]) => k);
  if (missing.length) throw new Error(`policy variables not set on the connection (${missing.join(', ')}): call setPolicyVariables first`);
  return row as unknown as Thresholds;
}

/**
 * Reads the latest year's report data from a built warehouse; the plan's marts last, once
 * `planned` has settled when the planner is still writing them.
 */
export async function loadReportData(conn: DuckDBConnection, planned?: Promise<unknown>): Promise<ReportData> {
  return addPlan(conn, await loadReportBase(conn), planned);
}

/** The latest year's report data but the plan (no plan rows, no plan status): the industry reports need no more. */
export async function loadReportBase(conn: DuckDBConnection): Promise<ReportData> {
  const thresholds = await readThresholds(conn);
  const [{ year }] = await readRows(conn, 'SELECT max(year) AS year FROM mart_school');
  const y = Number(year);
  const queries = [
    `SELECT s.*, d.area_group FROM mart_school AS s JOIN dim_district AS d USING (district_code)
     ORDER BY s.school_code`,
    `SELECT * FROM mart_industry WHERE year = ${y} ORDER BY urgency DESC, industry_code`,
    // the columns printed only: converting long text columns to JS dominates this stage
    `SELECT school_code, major_code, major_name, category_name, division_name, label, recommendation_id, offered,
            students, graduates, figures_estimated, graduates_estimated, plan, employment_rate, fill_ratio, industry_code, industry_name, industry_signal,
            industry_name_en, industry_fill_ratio, industry_gap, industries, candidate_rank, same_category
     FROM mart_school_report WHERE year = ${y} ORDER BY school_code, position`,
    `SELECT * FROM mart_recommendation WHERE year = ${y} ORDER BY industry_code, rank`,
    // sums in a fixed order: summed as the rows arrive, the last digits changed from run to run
    `SELECT p.school_code, p.industry_code, count(*) FILTER (WHERE p.mapped)::INTEGER AS school_points,
            sum(p.supply ORDER BY p.major_code) AS school_supply, i.name_zh, i.supply, i.demand, i.gap, i.fill_ratio,
            i.demand_ratio, i.suppressed, i.signal, i.urgency,
            sum(p.supply ORDER BY p.major_code) / nullif(any_value(i.supply), 0) AS supply_share
     FROM int_point_industry AS p
     JOIN mart_industry AS i USING (year, industry_code)
     WHERE p.year = ${y}
     GROUP BY ALL
     HAVING count(*) FILTER (WHERE p.mapped) > 0
     ORDER BY p.school_code, school_supply DESC, p.industry_code`,
    `SELECT school_code, year, count(*)::INTEGER AS programme_points, sum(students)::INTEGER AS students
     FROM mart_school_programme GROUP BY ALL ORDER BY school_code, year`,
    'SELECT * FROM mart_industry ORDER BY industry_code, year',
    `SELECT p.industry_code, p.school_code, s.school_name, s.level, d.district_name, p.major_code,
            sp.major_name, sp.students, sp.graduates, sp.figures_estimated, sp.graduates_estimated, p.weight, p.supply, r.label
     FROM int_point_industry AS p
     JOIN mart_school_programme AS sp USING (year, school_code, major_code)
     JOIN dim_school AS s ON s.school_code = p.school_code
     JOIN dim_district AS d ON d.district_code = s.district_code
     LEFT JOIN mart_school_report AS r USING (year, school_code, major_code)
     WHERE p.year = ${y} AND p.mapped
     ORDER BY p.industry_code, p.supply DESC, p.school_code, p.major_code`,
    `SELECT * FROM mart_segment WHERE year = ${y}
     ORDER BY industry_code, array_position(['upstream', 'midstream', 'downstream', 'service'], stage), segment_code`,
    'SELECT * FROM mart_loop ORDER BY industry_code, year',
    `SELECT * FROM mart_loop_detail WHERE follow_year = ${y} ORDER BY industry_code, rank`,
    'SELECT * FROM mart_lag',
  ];
  const results: Rec[][] = [];
  for (const sql of queries) results.push(await readRows(conn, sql)); // one connection runs one query at a time
  const [
    schools, industries, rows, recommendations, schoolIndustries, trend, years, programmes, segments, loop, loopDetail, lag,
  ] = results;
  return {
    year: y,
    thresholds,
    schools,
    schoolsByCode: new Map(schools.map((s) => [String(s.school_code), s])),
    industries,
    school: {
      rows: groupBy(rows, by('school_code')),
      recommendations: groupBy(recommendations, by('school_code')),
      industries: groupBy(schoolIndustries, by('school_code')),
      trend: groupBy(trend, by('school_code')),
      plan: new Map(),
    },
    planStatus: null,
    industry: {
      years: groupBy(years, by('industry_code')),
      programmes: groupBy(programmes, by('industry_code')),
      recommendations: groupBy(recommendations, by('industry_code')),
      reviews: groupBy(rows.filter((r) => r.label === 'review'), by('industry_code')),
      segments: groupBy(segments, by('industry_code')),
      loop: groupBy(loop, by('industry_code')),
      loopDetail: groupBy(loopDetail, by('industry_code')),
      lag: new Map(lag.map((r) => [String(r.industry_code), r])),
    },
  };
}

/** `base` with the proposed plan's changes and status, read once `planned` has settled (the planner may still be writing them). */
export async function addPlan(conn: DuckDBConnection, base: ReportData, planned?: Promise<unknown>): Promise<ReportData> {
  await planned;
  if (!await tableExists(conn, 'mart_plan_status')) return base;
  const plan = await readRows(conn, `SELECT p.school_code, p.major_code, m.major_name, m.category_name, m.division_name, p.existing, p.plan, p.change, p.proposed,
      p.year, i.name_zh AS industry_name, p.reason_zh
    FROM mart_plan AS p LEFT JOIN dim_major AS m USING (major_code) LEFT JOIN dim_industry AS i USING (industry_code)
    ORDER BY p.school_code, p.major_code`);
  const [planStatus = null] = await readRows(conn, 'SELECT status, message_zh FROM mart_plan_status');
  return { ...base, school: { ...base.school, plan: groupBy(plan, by('school_code')) }, planStatus };
}
