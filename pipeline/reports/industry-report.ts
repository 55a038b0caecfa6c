/**
 * The industry report for the bureau: supply against demand over the years, the programmes that
 * serve the industry, the candidate schools to open or expand programmes (or, when oversupplied,
 * the programmes to review) with their evidence, chain segments, and whether last year's
 * recommendations were acted on.
 */
import { candidacyReason, schoolAdviceReason, type CandidacyFacts, type SchoolAdviceFacts } from '../shared/advice.ts';
import type { Rec, ReportData } from './load-report-data.ts';
import type { Chart, Column, Figure, Report, Row } from './report-model.ts';
import { definitionName } from '../shared/definitions.ts';
import { estimateOf } from '../shared/vocabulary.ts';
import {
  ESTIMATE_ZH, LABEL_ZH, LEVEL_ZH, OUTCOME_ZH, PROXIMITY_ZH, SIGNAL_ZH, STAGE_ZH, STRENGTH_ZH, zh,
} from './labels-zh.ts';
import { methodNotes, table, trendChart } from './report-parts.ts';

const PROGRAMME_COLUMNS: Column[] = [
  { key: 'school_name', label: '学校', type: 'text' },
  { key: 'level_zh', label: '层次', type: 'text', width: 10 },
  { key: 'district_name', label: '区县', type: 'text', width: 10 },
  { key: 'major_code', label: '专业代码', type: 'text', width: 10, printed: false },
  { key: 'major_name', label: '专业', type: 'text' },
  { key: 'students', label: '在校生', type: 'integer' },
  { key: 'graduates', label: '年毕业生', type: 'integer' },
  { key: 'estimate_zh', label: '估算项', type: 'text', width: 14 },
  { key: 'weight', label: '对应权重', type: 'ratio' },
  { key: 'supply', label: '供给', type: 'integer' },
  { key: 'label_zh', label: '建议', type: 'text', width: 10 },
];

/** A large industry has hundreds of programmes: the page lists the biggest suppliers, the workbook all. */
const PRINTED_PROGRAMMES = 40;

const RECOMMENDATION_COLUMNS: Column[] = [
  { key: 'recommendation_id', label: '建议编号', type: 'text', width: 14, printed: false },
  { key: 'rank', label: '排名', type: 'integer', width: 6 },
  { key: 'school_code', label: '学校标识码', type: 'text', width: 12, printed: false },
  { key: 'school_name', label: '学校', type: 'text' },
  { key: 'level_zh', label: '层次', type: 'text', width: 10, printed: false },
  { key: 'district_name', label: '区县', type: 'text', width: 10 },
  { key: 'action_zh', label: '建议', type: 'text', width: 10 },
  { key: 'majors', label: '建议专业', type: 'text', width: 24 },
  { key: 'adjacent_majors', label: '已开设相近专业', type: 'text', width: 30, printed: false },
  { key: 'proximity_zh', label: '需求远近', type: 'text', width: 12, printed: false },
  { key: 'district_openings', label: '本区县岗位', type: 'integer' },
  { key: 'area_openings', label: '本片区岗位', type: 'integer', printed: false },
  { key: 'students', label: '在校生', type: 'integer' },
  { key: 'score', label: '综合得分', type: 'ratio' },
  { key: 'reason_zh', label: '依据', type: 'text', width: 80 },
];

const EVIDENCE_COLUMNS: Column[] = [
  { key: 'year', label: '年份', type: 'year', width: 8 },
  { key: 'schools', label: '学校数', type: 'integer' },
  { key: 'programme_points', label: '专业点数', type: 'integer' },
  { key: 'supply', label: '供给', type: 'integer' },
  { key: 'supply_estimated', label: definitionName('supply_estimated', 'zh'), type: 'integer' },
  { key: 'demand', label: '需求', type: 'integer' },
  { key: 'gap', label: '缺口', type: 'integer' },
  { key: 'fill_ratio', label: '供需比', type: 'percent' },
  { key: 'demand_ratio', label: '求人倍率', type: 'ratio' },
  { key: 'signal_zh', label: '信号', type: 'text', width: 10 },
  { key: 'demand_growth', label: '需求增速', type: 'percent' },
  { key: 'recommendations', label: '当年建议', type: 'integer' },
  { key: 'share_acted', label: '次年响应率', type: 'percent' },
  { key: 'plan_added', label: '次年新增计划', type: 'integer' },
  { key: 'gap_closed', label: '次年缺口收窄', type: 'integer' },
];

const SEGMENT_COLUMNS: Column[] = [
  { key: 'stage_zh', label: '环节', type: 'text', width: 8 },
  { key: 'segment_name', label: '链条环节', type: 'text' },
  { key: 'schools', label: '学校数', type: 'integer' },
  { key: 'programme_points', label: '专业点数', type: 'integer' },
  { key: 'supply', label: '供给', type: 'integer' },
  { key: 'covered_zh', label: '是否覆盖', type: 'text', width: 10 },
];

const LOOP_COLUMNS: Column[] = [
  { key: 'year', label: '建议年份', type: 'year', width: 8 },
  { key: 'school_name', label: '学校', type: 'text' },
  { key: 'action_zh', label: '建议', type: 'text', width: 8 },
  { key: 'suggested_majors', label: '建议专业', type: 'text', width: 24 },
  { key: 'outcome_zh', label: '次年情况', type: 'text', width: 10 },
  { key: 'plan_before', label: '建议当年计划', type: 'integer' },
  { key: 'plan_after', label: '次年计划', type: 'integer' },
  { key: 'plan_change', label: '计划变化', type: 'integer' },
  { key: 'opened_majors', label: '新开专业', type: 'text', width: 24 },
];

/** Candidates for a shortage industry; for an oversupplied one, the programmes labelled review. */
function recommendationRows(data: ReportData, code: string): Row[] {
  const candidates = (data.industry.recommendations.get(code) ?? []).map((r) => ({
    ...r, level_zh: zh(LEVEL_ZH, r.level), action_zh: zh(LABEL_ZH, r.action), majors: r.suggested_majors,
    proximity_zh: zh(PROXIMITY_ZH, r.proximity), reason_zh: candidacyReason(r as unknown as CandidacyFacts, 'zh'),
  }) as Row);
  const reviews = (data.industry.reviews.get(code) ?? []).map((r) => {
    const school = data.schoolsByCode.get(String(r.school_code)) ?? {};
    return {
      recommendation_id: r.recommendation_id, rank: null, school_code: r.school_code, school_name: school.school_name ?? null,
      level_zh: zh(LEVEL_ZH, school.level), district_name: school.district_name ?? null, action_zh: zh(LABEL_ZH, r.label),
      majors: r.major_name, adjacent_majors: null, proximity_zh: null, district_openings: null, area_openings: null,
      students: r.students, score: null, reason_zh: schoolAdviceReason(r as unknown as SchoolAdviceFacts, data.thresholds, 'zh'),
    } as Row;
  });
  return [...candidates, ...reviews];
}

function evidenceRows(data: ReportData, code: string): Row[] {
  const loop = new Map((data.industry.loop.get(code) ?? []).map((l) => [Number(l.year), l]));
  return (data.industry.years.get(code) ?? []).map((y) => {
    const l = loop.get(Number(y.year));
    return {
      ...y, signal_zh: zh(SIGNAL_ZH, y.signal),
      recommendations: l?.recommendations ?? null, share_acted: l?.share_acted ?? null,
      plan_added: l?.plan_added ?? null, gap_closed: l?.gap_closed ?? null,
    } as Row;
  });
}

/** How supply is computed, and how much of it rests on estimated graduates (never mixed in unsaid). */
function suppliedNote(estimated: number): string {
  const formula = '毕业生 × 对应权重 × 留存率';
  return estimated > 0 ? `${formula}；其中 ${Math.round(estimated).toLocaleString('en')} 来自估算的毕业生` : formula;
}

function summary(i: Rec, lag: Rec | undefined, candidates: number): Figure[] {
  const lagNote = lag ? zh(STRENGTH_ZH, lag.strength) : '';
  return [
    { label: '信号', value: zh(SIGNAL_ZH, i.signal), type: 'text' },
    { label: '供给', value: i.supply as number, type: 'integer', note: suppliedNote(i.supply_estimated as number) },
    { label: '需求', value: i.demand as number, type: 'integer', note: '岗位数' },
    { label: '缺口', value: i.gap as number, type: 'integer', note: '需求 − 供给' },
    { label: '供需比', value: i.fill_ratio as number | null, type: 'percent' },
    { label: '求人倍率', value: i.demand_ratio as number | null, type: 'ratio', note: i.suppressed ? '岗位数过少，不予计算' : '' },
    { label: '学校数', value: i.schools as number, type: 'integer' },
    { label: '专业点数', value: i.programme_points as number, type: 'integer' },
    { label: '产业链覆盖率', value: i.chain_coverage as number | null, type: 'percent' },
    { label: '未覆盖环节', value: String(i.uncovered_segments ?? ''), type: 'text' },
    { label: '需求增速', value: i.demand_growth as number | null, type: 'percent' },
    { label: '紧缺度', value: i.urgency as number, type: 'ratio', note: '0–1，综合供给不足程度、求人倍率、产业层级与需求增速' },
    { label: '专业响应滞后（年）', value: (lag?.lag_years as number | null) ?? null, type: 'integer', note: lagNote },
    { label: '候选院校', value: candidates, type: 'integer' },
  ];
}

/** Builds the report of one industry (a latest-year row of mart_industry). */
export function buildIndustryReport(data: ReportData, industry: Rec): Report {
  const code = String(industry.industry_code);
  const recommendations = recommendationRows(data, code);
  const candidates = recommendations.filter((r) => r.rank !== null);
  const charts: Chart[] = [trendChart('历年供给与需求', data.industry.years.get(code) ?? [], [
    { key: 'supply', name: '年供给', tone: 'supply' },
    { key: 'demand', name: '年需求', tone: 'demand' },
  ], 'integer')];
  if (candidates.length) {
    charts.push({
      kind: 'bars', title: '候选院校综合得分', format: 'ratio', marks: [],
      bars: candidates.map((c) => ({ label: String(c.school_name), value: c.score as number, tone: c.action_zh === '扩大' ? 'expand' : 'open' })),
    });
  }
  const programmes = (data.industry.programmes.get(code) ?? []).map((r) =>
    ({ ...r, level_zh: zh(LEVEL_ZH, r.level), label_zh: zh(LABEL_ZH, r.label), estimate_zh: zh(ESTIMATE_ZH, estimateOf(r)) }) as Row);
  const segments = (data.industry.segments.get(code) ?? []).map((r) =>
    ({ ...r, stage_zh: zh(STAGE_ZH, r.stage), covered_zh: r.covered ? '已覆盖' : '未覆盖' }) as Row);
  const loop = (data.industry.loopDetail.get(code) ?? []).map((r) =>
    ({ ...r, action_zh: zh(LABEL_ZH, r.action), outcome_zh: zh(OUTCOME_ZH, r.outcome) }) as Row);
  const title = `${industry.name_zh}产业 人才供需与专业调整报告`;
  return {
    kind: 'industry',
    code,
    year: data.year,
    title,
    subtitle: `${data.year}年 · ${industry.name_zh} · 全市`,
    summary: summary(industry, data.industry.lag.get(code), candidates.length),
    charts,
    tables: [
      { ...table('专业点', `${data.year}年服务该产业的专业点（按年供给）`, PROGRAMME_COLUMNS, programmes, '本年度无专业点服务该产业'),
        printedRows: PRINTED_PROGRAMMES },
      table('建议', industry.signal === 'shortage' ? '候选院校（开设或扩大）' : '调整建议', RECOMMENDATION_COLUMNS,
        recommendations, '该产业本年度并非供给不足，也无需论证调减的专业点'),
      table('证据', '历年供需与闭环跟踪', EVIDENCE_COLUMNS, evidenceRows(data, code), '无历年数据'),
      table('产业链环节', '产业链环节覆盖', SEGMENT_COLUMNS, segments, '未定义产业链环节'),
      table('闭环跟踪', `${data.year - 1}年建议的${data.year}年落实情况`, LOOP_COLUMNS, loop, `${data.year - 1}年无建议或无次年数据`),
    ],
    csv: table('建议', `${industry.name_zh} ${data.year}年调整建议`, RECOMMENDATION_COLUMNS, recommendations, '无建议'),
    notes: methodNotes(data.thresholds),
  };
}
