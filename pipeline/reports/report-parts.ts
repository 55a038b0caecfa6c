/** Pieces both report kinds print: tables, the fill-ratio chart, a yearly trend chart and the method notes. */
import type { Rec, Thresholds } from './load-report-data.ts';
import type { BarChart, CellType, Column, LineChart, Row, Table, Tone } from './report-model.ts';
import { formatFor } from '../shared/format.ts';
import { VOCABULARY } from '../shared/vocabulary.ts';

const f = formatFor('zh');
const { signals, labels } = VOCABULARY.zh;

/** A report table; `empty` is printed when it has no rows. */
export const table = (sheet: string, title: string, columns: Column[], rows: Row[], empty: string): Table =>
  ({ sheet, title, columns, rows, empty });

/** A bar of an industry's fill ratio is coloured by its signal, as on the dashboard. */
const SIGNAL_TONES = new Set<Tone>(['shortage', 'balanced', 'oversupply']);

/**
 * One bar per programme with its main industry's fill ratio (what its label rests on), lowest
 * first, against the shortage and oversupply lines.
 */
export function fillRatioChart(title: string, rows: Row[], thresholds: Thresholds): BarChart {
  const bars = rows
    .filter((r) => typeof r.industry_fill_ratio === 'number')
    .map((r) => ({
      label: String(r.major_name),
      value: r.industry_fill_ratio as number,
      tone: (SIGNAL_TONES.has(r.industry_signal as Tone) ? r.industry_signal : 'neutral') as Tone,
    }))
    .sort((a, b) => a.value - b.value);
  const shown = new Set(bars.map((b) => b.tone));
  return {
    kind: 'bars',
    title,
    bars,
    marks: [
      { value: thresholds.shortage_below, label: `不足线 ${f.pct(thresholds.shortage_below, 0)}` },
      { value: thresholds.oversupply_above, label: `过剩线 ${f.pct(thresholds.oversupply_above, 0)}` },
    ],
    format: 'percent',
    legend: [...SIGNAL_TONES].filter((t) => shown.has(t)).map((tone) => ({ tone, name: signals[tone as keyof typeof signals] })),
  };
}

/** A line per series over the years of `rows` (each row has `year` and the series keys). */
export function trendChart(title: string, rows: Rec[], series: { key: string; name: string; tone: Tone }[],
  format: CellType): LineChart {
  return {
    kind: 'lines',
    title,
    x: rows.map((r) => Number(r.year)),
    series: series.map((s) => ({
      name: s.name,
      tone: s.tone,
      values: rows.map((r) => (typeof r[s.key] === 'number' ? (r[s.key] as number) : null)),
    })),
    format,
  };
}

/** How every label was reached, with the thresholds in force when the warehouse was built. */
export function methodNotes(t: Thresholds): string[] {
  const low = f.pct(t.shortage_below, 0);
  const high = f.pct(t.oversupply_above, 0);
  return [
    `供需比 = 年供给（毕业生 × 专业—产业对应权重 × 本地留存率）÷ 年需求（岗位数）；低于 ${low} 为${signals.shortage}，高于 ${high} 为${signals.oversupply}，其间为${signals.balanced}。`,
    '专业的主要产业：与其对应权重最大的产业；本校列入某短缺产业候选院校、以该专业扩大招生的，为该产业（建议、产业信号与产业供需比均据此）；加权供需比：按对应权重，对其所服务产业（当年有需求者）的供需比加权平均，仅作参考。',
    `建议规则：本校列为某${signals.shortage}产业候选院校、且该专业在建议专业之列 → ${labels.expand}；`
      + `否则主要产业${signals.oversupply}，或就业率低于 ${f.pct(t.review_employment_below, 0)} 且主要产业并非${signals.balanced}（含未对应所列产业）→ ${labels.review}；`
      + `否则主要产业${signals.shortage} → ${labels.expand}；其余（含无需求数据，及未对应所列产业而就业率不低于该线）→ ${labels.keep}。`,
    `${labels.open}：本校专业大类内、与${signals.shortage}产业对应权重不低于 ${t.min_weight}、本校尚未开设的专业。`,
    '产业候选院校：已开设与对口专业同一专业类专业的学校，按专业相近度、与需求所在地的远近（本区县、本片区）和学校规模综合排序。',
  ];
}
