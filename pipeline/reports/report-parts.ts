/** Pieces both report kinds print: tables, the fill-ratio chart, a yearly trend chart and the method notes. */
import type { Rec, Thresholds } from './load-report-data.ts';
import type { BarChart, CellType, Column, LineChart, Row, Table, Tone } from './report-model.ts';

/** A report table; `empty` is printed when it has no rows. */
export const table = (sheet: string, title: string, columns: Column[], rows: Row[], empty: string): Table =>
  ({ sheet, title, columns, rows, empty });

const LABEL_TONES = new Set<Tone>(['expand', 'keep', 'review', 'open']);

/** One bar per programme with a fill ratio, lowest first, against the shortage and oversupply lines. */
export function fillRatioChart(title: string, rows: Row[], thresholds: Thresholds): BarChart {
  const bars = rows
    .filter((r) => typeof r.fill_ratio === 'number')
    .map((r) => ({
      label: String(r.major_name),
      value: r.fill_ratio as number,
      tone: (LABEL_TONES.has(r.label as Tone) ? r.label : 'neutral') as Tone,
    }))
    .sort((a, b) => a.value - b.value);
  return {
    kind: 'bars',
    title,
    bars,
    marks: [
      { value: thresholds.shortage_below, label: `短缺线 ${thresholds.shortage_below}` },
      { value: thresholds.oversupply_above, label: `过剩线 ${thresholds.oversupply_above}` },
    ],
    format: 'ratio',
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
  return [
    `供需比 = 年供给（毕业生 × 专业—产业对应权重 × 本地留存率）÷ 年需求（岗位数）；低于 ${t.shortage_below} 为短缺，高于 ${t.oversupply_above} 为供过于求。`,
    '专业的加权供需比：按专业—产业对应权重，对其所服务产业（当年有需求者）的供需比加权平均。',
    `建议规则：加权供需比高于 ${t.oversupply_above} 或就业率低于 ${(t.review_employment_below * 100).toFixed(0)}% → 论证调减；`
      + `低于 ${t.shortage_below} → 扩大招生；其余（含无需求数据、未对应所列产业）→ 保持。`,
    `论证开设：本校专业大类内、与短缺产业对应权重不低于 ${t.min_weight}、本校尚未开设的专业。`,
    '产业候选院校：已开设与对口专业同一专业类专业的学校，按专业相近度、与需求所在地的远近（本区县、本片区）和学校规模综合排序。',
  ];
}
