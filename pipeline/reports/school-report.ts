/**
 * The school gap report (专业调整报告): each programme with its label and the figures behind it,
 * the majors the school is well placed to open, the industries where the bureau lists it as a
 * candidate, and the industry figures all of this rests on.
 */
import { candidacyReason, schoolAdviceReason, type CandidacyFacts, type SchoolAdviceFacts } from '../shared/advice.ts';
import { definitionName } from '../shared/definitions.ts';
import { estimateOf } from '../shared/vocabulary.ts';
import type { Rec, ReportData, Thresholds } from './load-report-data.ts';
import type { Column, Report, Row } from './report-model.ts';
import { ESTIMATE_ZH, LABEL_ZH, LEVEL_ZH, OWNERSHIP_ZH, SIGNAL_ZH, zh } from './labels-zh.ts';
import { fillRatioChart, methodNotes, table, trendChart } from './report-parts.ts';

const PROGRAMME_COLUMNS: Column[] = [
  { key: 'major_code', label: '专业代码', type: 'text', width: 10 },
  { key: 'major_name', label: '专业名称', type: 'text' },
  { key: 'category_name', label: '专业类', type: 'text' },
  { key: 'students', label: '在校生', type: 'integer' },
  { key: 'graduates', label: '年毕业生', type: 'integer' },
  { key: 'estimate_zh', label: '估算项', type: 'text', width: 14 },
  { key: 'plan', label: '招生计划', type: 'integer' },
  { key: 'employment_rate', label: '就业率', type: 'percent' },
  { key: 'industries', label: '服务产业（供需比）', type: 'text', width: 36 },
  { key: 'fill_ratio', label: '加权供需比', type: 'percent' },
  { key: 'industry_name', label: '主要产业', type: 'text', width: 16 },
  { key: 'industry_signal_zh', label: '产业信号', type: 'text', width: 10 },
  { key: 'industry_fill_ratio', label: '产业供需比', type: 'percent' },
  { key: 'label_zh', label: '建议', type: 'text', width: 10 },
];

const RECOMMENDATION_COLUMNS: Column[] = [
  { key: 'recommendation_id', label: '建议编号', type: 'text', width: 14, printed: false },
  { key: 'kind', label: '类型', type: 'text', width: 14 },
  { key: 'majors', label: '专业', type: 'text', width: 24 },
  { key: 'industry_name', label: '产业', type: 'text', width: 16 },
  { key: 'fill_ratio', label: '产业供需比', type: 'percent' },
  { key: 'gap', label: '产业缺口', type: 'integer' },
  { key: 'reason', label: '依据', type: 'text', width: 80 },
];

const EVIDENCE_COLUMNS: Column[] = [
  { key: 'name_zh', label: '产业', type: 'text', width: 16 },
  { key: 'school_points', label: '本校专业点数', type: 'integer' },
  { key: 'school_supply', label: '本校供给', type: 'integer' },
  { key: 'supply_share', label: '占全市供给', type: 'percent' },
  { key: 'supply', label: '全市供给', type: 'integer' },
  { key: 'demand', label: '全市需求', type: 'integer' },
  { key: 'gap', label: '缺口', type: 'integer' },
  { key: 'fill_ratio', label: '供需比', type: 'percent' },
  { key: 'demand_ratio', label: '求人倍率', type: 'ratio' },
  { key: 'signal_zh', label: '信号', type: 'text', width: 10 },
  { key: 'urgency', label: '紧缺度', type: 'ratio' },
];

const CSV_COLUMNS: Column[] = [
  { key: 'major_code', label: '专业代码', type: 'text' },
  { key: 'major_name', label: '专业名称', type: 'text' },
  { key: 'category_name', label: '专业类', type: 'text' },
  { key: 'division_name', label: '专业大类', type: 'text' },
  { key: 'label_zh', label: '建议', type: 'text' },
  { key: 'offered_zh', label: '已开设', type: 'text' },
  { key: 'students', label: '在校生', type: 'integer' },
  { key: 'graduates', label: '年毕业生', type: 'integer' },
  { key: 'estimate_zh', label: '估算项', type: 'text' },
  { key: 'plan', label: '招生计划', type: 'integer' },
  { key: 'employment_rate', label: '就业率', type: 'percent' },
  { key: 'fill_ratio', label: '加权供需比', type: 'percent' },
  { key: 'industry_name', label: '主要产业', type: 'text' },
  { key: 'industry_signal_zh', label: '产业信号', type: 'text' },
  { key: 'industry_fill_ratio', label: '产业供需比', type: 'percent' },
  { key: 'industry_gap', label: '产业缺口', type: 'integer' },
  { key: 'candidate_rank', label: '产业候选排名', type: 'integer' },
  { key: 'reason_zh', label: '依据', type: 'text' },
  { key: 'recommendation_id', label: '建议编号', type: 'text' },
  { key: 'plan_change', label: '建议招生计划调整', type: 'integer' },
  { key: 'plan_proposed', label: '建议招生计划', type: 'integer' },
  { key: 'plan_reason', label: '招生计划理由', type: 'text' },
];

/**
 * The CSV's rows with the plan's change of each major beside it; a programme the plan opens that
 * the rows do not list gets a row of its own (its 专业类 and 大类, the plan's industry; no advice,
 * which the advice's own analysis did not give it), so every change of the plan is in the file.
 */
function withPlan(rows: Row[], plan: Rec[]): Row[] {
  const byMajor = new Map(plan.map((p) => [String(p.major_code), p]));
  const planCells = (p: Rec | undefined) => ({ plan_change: p?.change ?? null, plan_proposed: p?.proposed ?? null, plan_reason: p?.reason_zh ?? null });
  const listed = new Set(rows.map((r) => String(r.major_code)));
  return [
    ...rows.map((r) => ({ ...r, ...planCells(byMajor.get(String(r.major_code))) }) as Row),
    ...plan.filter((p) => !listed.has(String(p.major_code)))
      .map((p) => ({
        major_code: p.major_code, major_name: p.major_name, category_name: p.category_name, division_name: p.division_name,
        offered_zh: p.existing ? '是' : '否', industry_name: p.industry_name, ...planCells(p),
      }) as Row),
  ];
}

const PLAN_COLUMNS: Column[] = [
  { key: 'major_code', label: '专业代码', type: 'text', width: 10 },
  { key: 'major_name', label: '专业名称', type: 'text' },
  { key: 'kind', label: '类型', type: 'text', width: 8 },
  { key: 'plan', label: '本年招生计划', type: 'integer' },
  { key: 'change', label: '建议调整', type: 'integer' },
  { key: 'proposed', label: '建议招生计划', type: 'integer' },
  { key: 'year', label: '毕业年份', type: 'year', width: 10 },
  { key: 'industry_name', label: '主要服务产业', type: 'text', width: 16 },
  { key: 'reason_zh', label: '理由', type: 'text', width: 80 },
];

/** Why a school's plan table is empty: no plan in this refresh, a plan not found, or no change for the school. */
function planEmpty(status: Rec | null): string {
  if (!status) return '本次刷新未生成招生计划方案';
  if (status.status !== 'optimal' && status.status !== 'time_limit') return `未求得招生计划方案：${status.message_zh}`;
  return '建议招生计划不调整本校';
}

/** Mart rows with the Chinese words for their coded values, and their reason, added. */
function described(rows: Rec[], thresholds: Thresholds): Row[] {
  return rows.map((r) => ({
    ...r,
    reason_zh: schoolAdviceReason(r as unknown as SchoolAdviceFacts, thresholds, 'zh'),
    label_zh: zh(LABEL_ZH, r.label),
    offered_zh: r.offered ? '是' : '否',
    estimate_zh: zh(ESTIMATE_ZH, estimateOf(r)),
    industry_signal_zh: zh(SIGNAL_ZH, r.industry_signal),
  }) as Row);
}

/** Actionable rows first (expand, open, review), then the industries naming the school as a candidate. */
function recommendationRows(rows: Row[], candidates: Rec[]): Row[] {
  const labelled = rows.filter((r) => r.label !== 'keep').map((r) => ({
    recommendation_id: r.recommendation_id,
    kind: zh(LABEL_ZH, r.label),
    majors: r.major_name,
    industry_name: r.industry_name,
    fill_ratio: r.industry_fill_ratio,
    gap: r.industry_gap,
    reason: r.reason_zh,
  }));
  const listed = candidates.map((c) => ({
    recommendation_id: c.recommendation_id,
    kind: `产业候选第${c.rank}位`,
    majors: c.suggested_majors,
    industry_name: c.industry_name,
    fill_ratio: c.fill_ratio,
    gap: c.gap,
    reason: candidacyReason(c as unknown as CandidacyFacts, 'zh'),
  }) as Row);
  return [...labelled, ...listed];
}

/** Builds the report of one school (a row of mart_school) for the data's latest year. */
export function buildSchoolReport(data: ReportData, school: Rec): Report {
  const code = String(school.school_code);
  const rows = described(data.school.rows.get(code) ?? [], data.thresholds);
  const offered = rows.filter((r) => r.offered_zh === '是');
  const candidates = data.school.recommendations.get(code) ?? [];
  const count = (label: string) => rows.filter((r) => r.label === label).length;
  const points = Number(school.programme_points);
  const evidence = (data.school.industries.get(code) ?? []).map((r) => ({ ...r, signal_zh: zh(SIGNAL_ZH, r.signal) }) as Row);
  const trend = data.school.trend.get(code) ?? [];
  const plan = data.school.plan.get(code) ?? [];
  // The estimated part of each total, said beside it: a reported and an estimated figure are never added up unsaid.
  const estimated = (key: 'students' | 'graduates', of: (r: Row) => boolean) =>
    Math.round(offered.filter(of).reduce((n, r) => n + Number(r[key] ?? 0), 0));
  const studentsEstimated = estimated('students', (r) => Boolean(r.figures_estimated));
  const graduatesEstimated = estimated('graduates', (r) => estimateOf(r) !== null);
  const part = (n: number, method: string) => (n > 0 ? `其中估算 ${n.toLocaleString('en')} 人（${method}）` : undefined);
  return {
    kind: 'school',
    code,
    year: data.year,
    title: `${school.school_name} 专业调整报告`,
    subtitle: [`${data.year}年`, zh(LEVEL_ZH, school.level), String(school.district_name), zh(OWNERSHIP_ZH, school.ownership),
      `学校标识码 ${code}`].join(' · '),
    summary: [
      { label: '专业点数', value: points, type: 'integer' },
      { label: '在校生', value: school.students as number, type: 'integer', note: part(studentsEstimated, '仅有备案信息的专业点') },
      { label: '年毕业生', value: school.graduates as number, type: 'integer', note: part(graduatesEstimated, '未报告处按在校生÷学制估算') },
      { label: definitionName('match_rate', 'zh'), value: points ? Number(school.matched_points) / points : null, type: 'percent' },
      { label: '同区县专业重叠率', value: school.overlap_share as number | null, type: 'percent' },
      { label: '建议扩大招生', value: count('expand'), type: 'integer' },
      { label: '建议论证调减', value: count('review'), type: 'integer' },
      { label: '建议保持', value: count('keep'), type: 'integer' },
      { label: '可论证开设', value: count('open'), type: 'integer', note: '本校专业大类内、服务供给不足产业的专业' },
      { label: '列入产业候选院校', value: candidates.length, type: 'integer', note: '供给不足产业候选名单中的次数' },
    ],
    charts: [
      fillRatioChart('各专业主要产业的供需比', offered, data.thresholds),
      trendChart('历年在校生', trend, [{ key: 'students', name: '在校生', tone: 'supply' }], 'integer'),
    ],
    tables: [
      table('专业点', `${data.year}年专业点及建议`, PROGRAMME_COLUMNS, offered, '本年度无在办专业点'),
      table('建议', '调整建议与依据', RECOMMENDATION_COLUMNS, recommendationRows(rows, candidates), '本年度无调整建议'),
      table('建议招生计划', `${data.year + 1}年建议招生计划（按毕业年份的未来缺口优化）`, PLAN_COLUMNS,
        plan.map((r) => ({ ...r, kind: r.existing ? '调整' : '新设' }) as Row), planEmpty(data.planStatus)),
      table('证据', '相关产业供需（全市）', EVIDENCE_COLUMNS, evidence, '本校专业点未对应所列产业'),
    ],
    csv: table('专业调整', `${school.school_name} ${data.year}年专业调整建议`, CSV_COLUMNS, withPlan(rows, plan), '本年度无专业点'),
    notes: methodNotes(data.thresholds),
  };
}
