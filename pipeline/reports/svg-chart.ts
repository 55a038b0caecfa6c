/**
 * Charts as inline SVG strings, drawn on the server so that a saved or printed report needs no
 * script and no network. Colours come from the page's stylesheet through `tone-*` classes.
 */
import type { BarChart, Chart, LineChart } from './report-model.ts';
import { escapeHtml } from './cell-safety.ts';
import { displayCell } from './format-cell.ts';

const WIDTH = 680;
const LABEL_WIDTH = 180;
const BAR_STEP = 16;
const BAR_HEIGHT = 11;

/** Round tick values from 0 to the first at or above max: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks = [0];
  while (ticks[ticks.length - 1] < max - step * 1e-9) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

const text = (x: number, y: number, body: string, attrs = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(body)}</text>`;

function bars(chart: BarChart): string {
  const top = 22;
  const plot = WIDTH - LABEL_WIDTH - 48;
  const legend = chart.legend ?? [];
  const height = top + chart.bars.length * BAR_STEP + 22 + (legend.length ? 18 : 0);
  const ticks = niceTicks(Math.max(...chart.bars.map((b) => b.value), ...chart.marks.map((m) => m.value)));
  const max = ticks[ticks.length - 1] || 1;
  const x = (v: number) => LABEL_WIDTH + (v / max) * plot;
  const bottom = top + chart.bars.length * BAR_STEP;
  const parts = ticks.map((t) => `<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${bottom}"/>`
    + text(x(t), bottom + 14, displayCell(t, chart.format), 'class="tick" text-anchor="middle"'));
  chart.bars.forEach((b, i) => {
    const y = top + i * BAR_STEP;
    parts.push(text(LABEL_WIDTH - 6, y + BAR_HEIGHT - 1, b.label, 'class="label" text-anchor="end"'),
      `<rect class="tone-${b.tone}" x="${LABEL_WIDTH}" y="${y}" width="${Math.max(0.5, x(b.value) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT}"/>`,
      text(x(b.value) + 4, y + BAR_HEIGHT - 1, displayCell(b.value, chart.format), 'class="value"'));
  });
  for (const m of chart.marks) {
    parts.push(`<line class="mark" x1="${x(m.value)}" x2="${x(m.value)}" y1="${top - 4}" y2="${bottom}"/>`,
      text(x(m.value), top - 8, m.label, 'class="mark-label" text-anchor="middle"'));
  }
  legend.forEach((l, i) => {
    parts.push(`<rect class="tone-${l.tone}" x="${LABEL_WIDTH + i * 110}" y="${bottom + 24}" width="12" height="8"/>`,
      text(LABEL_WIDTH + i * 110 + 16, bottom + 32, l.name, 'class="legend"'));
  });
  return svg(height, chart.title, parts);
}

function lines(chart: LineChart): string {
  const height = 220;
  const [left, right, top, bottom] = [64, WIDTH - 16, 28, height - 28];
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.max(0, ...values), 4);
  const max = ticks[ticks.length - 1] || 1;
  const [first, last] = [chart.x[0], chart.x[chart.x.length - 1]];
  const x = (year: number) => (last === first ? (left + right) / 2 : left + ((year - first) / (last - first)) * (right - left));
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  const parts = ticks.map((t) => `<line class="grid" x1="${left}" x2="${right}" y1="${y(t)}" y2="${y(t)}"/>`
    + text(left - 6, y(t) + 4, displayCell(t, chart.format), 'class="tick" text-anchor="end"'));
  parts.push(...chart.x.map((year) => text(x(year), bottom + 16, String(year), 'class="tick" text-anchor="middle"')));
  chart.series.forEach((s, i) => {
    const points = chart.x.flatMap((year, j) => (s.values[j] === null ? [] : [`${x(year).toFixed(1)},${y(s.values[j]!).toFixed(1)}`]));
    parts.push(`<polyline class="line tone-${s.tone}" points="${points.join(' ')}"/>`,
      ...points.map((p) => `<circle class="tone-${s.tone}" cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5"/>`),
      `<rect class="tone-${s.tone}" x="${left + i * 110}" y="6" width="12" height="8"/>`,
      text(left + i * 110 + 16, 14, s.name, 'class="legend"'));
  });
  return svg(height, chart.title, parts);
}

const svg = (height: number, title: string, parts: string[]) =>
  `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">`
  + `<title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;

/** The chart as an `<svg>` element; an empty chart as a short note. */
export function renderChart(chart: Chart): string {
  const empty = chart.kind === 'bars' ? chart.bars.length === 0 : chart.x.length === 0;
  if (empty) return '<p class="empty">无可绘制的数据</p>';
  return chart.kind === 'bars' ? bars(chart) : lines(chart);
}
