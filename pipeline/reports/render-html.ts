/**
 * A report as one self-contained, print-ready A4 page in Chinese: inline CSS and SVG, no script,
 * no external resource, so it prints (and saves as PDF) the same anywhere. All data is escaped.
 * A table of many columns prints on A4 landscape pages and is as wide on screen.
 */
import type { Column, Figure, Report, ReportContext, Table } from './report-model.ts';
import { escapeHtml as e } from './cell-safety.ts';
import { displayCell } from './format-cell.ts';
import { renderChart } from './svg-chart.ts';
import { SYNTHETIC_ZH } from './labels-zh.ts';
import { COLORS } from '../shared/colors.ts';

/** A signal's colour, as the dashboard draws it. */
const SIGNAL_TONE_CSS = (['shortage', 'balanced', 'oversupply'] as const)
  .map((signal) => `.tone-${signal} { fill: ${COLORS[signal]}; stroke: ${COLORS[signal]}; }`).join(' ');

const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10pt; color: #1f2933; margin: 0 auto; max-width: 186mm; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #9aa5b1; }
.subtitle { color: #52606d; margin: 0 0 3mm; }
.banner { border: 2px solid #c2410c; color: #9a3412; background: #fff7ed; padding: 2mm 3mm; font-weight: bold; margin: 0 0 3mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; }
.figure { border: 1px solid #d9e2ec; padding: 1.5mm 2mm; break-inside: avoid; }
.figure .label { color: #52606d; font-size: 8.5pt; } .figure .value { font-size: 13pt; font-weight: bold; }
.figure .note { color: #7b8794; font-size: 7.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin-bottom: 2mm; }
th, td { border: 1px solid #d9e2ec; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; }
th { background: #f0f4f8; min-width: 5.2em; } td.num { text-align: right; white-space: nowrap; } td.short { white-space: nowrap; }
td.name { min-width: 7em; } td.mid { min-width: 5em; } td.long { min-width: 9em; }
section.wide { page: wide; }
thead { display: table-header-group; } tr { break-inside: avoid; }
.chart { display: block; margin: 1mm 0 3mm; break-inside: avoid; }
.chart text { font-size: 10px; fill: #334e68; } .chart .tick { fill: #7b8794; } .chart .value { fill: #52606d; }
.chart .grid { stroke: #e4e7eb; } .chart .mark { stroke: #c2410c; stroke-dasharray: 4 3; } .chart .mark-label { fill: #c2410c; }
.chart .line { fill: none; stroke-width: 2; }
.tone-expand { fill: #2f855a; stroke: #2f855a; } .tone-open { fill: #3182ce; stroke: #3182ce; }
.tone-review { fill: #c05621; stroke: #c05621; } .tone-keep { fill: #829ab1; stroke: #829ab1; }
.tone-supply { fill: #2b6cb0; stroke: #2b6cb0; } .tone-demand { fill: #c53030; stroke: #c53030; }
.tone-neutral { fill: #9aa5b1; stroke: #9aa5b1; }
${SIGNAL_TONE_CSS}
.empty { color: #7b8794; } .notes { font-size: 8pt; color: #52606d; padding-left: 5mm; }
footer { margin-top: 6mm; border-top: 1px solid #9aa5b1; padding-top: 2mm; font-size: 8pt; color: #52606d; }
@media print { body { max-width: none; } }
@media screen { body { padding: 8mm; }
  section.wide { width: min(273mm, 100vw - 16mm); margin-left: calc(50% - min(136.5mm, 50vw - 8mm)); overflow-x: auto; } }
`;

const SYNTHETIC = `${SYNTHETIC_ZH} — 本报告由虚构的样例数据生成，仅供演示。Synthetic sample data, not real statistics.`;

function figure(f: Figure): string {
  return `<div class="figure"><div class="label">${e(f.label)}</div><div class="value">${e(displayCell(f.value, f.type))}</div>`
    + `${f.note ? `<div class="note">${e(f.note)}</div>` : ''}</div>`;
}

/**
 * Numbers align right; short words never wrap; names and longer text keep room for a few
 * characters a line beside long reasons.
 */
function cellClass(c: Column): string {
  if (c.type !== 'text') return ' class="num"';
  if (!c.width) return ' class="name"';
  if (c.width <= 10) return ' class="short"';
  return c.width <= 20 ? ' class="mid"' : c.width <= 40 ? ' class="long"' : '';
}

/** A table of this many printed columns or more prints on A4 landscape pages, as the dashboard's do. */
const WIDE_TABLE_COLUMNS = 9;

function table(t: Table): string {
  const columns = t.columns.filter((c) => c.printed !== false);
  const rows = t.rows.slice(0, t.printedRows ?? t.rows.length);
  const cut = rows.length < t.rows.length
    ? `<p class="empty">仅列出前 ${rows.length} 条（共 ${t.rows.length} 条），完整列表见 XLSX / CSV。</p>` : '';
  const body = t.rows.length === 0
    ? `<p class="empty">${e(t.empty)}</p>`
    : `<table><thead><tr>${columns.map((c) => `<th>${e(c.label)}</th>`).join('')}</tr></thead><tbody>${
      rows.map((r) => `<tr>${columns.map((c) => `<td${cellClass(c)}>${e(displayCell(r[c.key] ?? null, c.type))}</td>`).join('')}</tr>`).join('')
    }</tbody></table>${cut}`;
  const wide = t.rows.length > 0 && columns.length >= WIDE_TABLE_COLUMNS;
  return `<section${wide ? ' class="wide"' : ''}><h2>${e(t.title)}</h2>${body}</section>`;
}

// built once: constructing an Intl formatter costs about a millisecond
const BEIJING = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/** Refresh time as analysts in the city read it: `2025-09-01 02:00（北京时间）`. */
export function beijingTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${BEIJING.format(time)}（北京时间）`;
}

/** The complete HTML document of a report. */
export function renderHtml(report: Report, context: ReportContext): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)}</title><style>${STYLE}</style></head><body>
${context.synthetic ? `<div class="banner" role="note">${e(SYNTHETIC)}</div>` : ''}
${context.estimates ? `<div class="banner" role="note" data-note="estimates">${e(context.estimates)}</div>` : ''}
<h1>${e(report.title)}</h1><p class="subtitle">${e(report.subtitle)}</p>
<section><h2>概要</h2><div class="figures">${report.summary.map(figure).join('')}</div></section>
${report.charts.map((c) => `<section><h2>${e(c.title)}</h2>${renderChart(c)}</section>`).join('\n')}
${report.tables.map(table).join('\n')}
<section><h2>方法说明</h2><ul class="notes">${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>
<footer>数据来源：${e(context.title)}（${e(context.data_label)}）· 数据快照 ${e(context.snapshot)} · 刷新时间 ${e(beijingTime(context.finished_at))}${
  context.synthetic ? ` · ${SYNTHETIC_ZH}` : ''}</footer>
</body></html>
`;
}
