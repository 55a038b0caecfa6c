/** The small pieces every report relies on: chart ticks and escaping, cell text, neutralising. */
import { describe, expect, it } from 'vitest';
import { niceTicks, renderChart } from '../../pipeline/reports/svg-chart.ts';
import { fillRatioChart } from '../../pipeline/reports/report-parts.ts';
import { VOCABULARY } from '../../pipeline/shared/vocabulary.ts';
import { COLORS } from '../../pipeline/shared/colors.ts';
import { csvNumber, displayCell } from '../../pipeline/reports/format-cell.ts';
import { downloadName, reportPath } from '../../pipeline/reports/report-files.ts';
import { renderHtml } from '../../pipeline/reports/render-html.ts';
import { renderCsv } from '../../pipeline/reports/render-csv.ts';
import type { Report, Table } from '../../pipeline/reports/report-model.ts';

describe('charts', () => {
  it('picks round ticks from 0 to the first at or above the largest value', () => {
    expect(niceTicks(1.6)).toEqual([0, 0.5, 1, 1.5, 2]); // 1.6 ÷ 5 = 0.32 → step 0.5
    expect(niceTicks(12008, 4)).toEqual([0, 5000, 10000, 15000]); // 3002 → step 5000
    expect(niceTicks(0)).toEqual([0]);
  });

  it('escapes labels and draws one bar per value', () => {
    const svg = renderChart({
      kind: 'bars', title: 'a<b', format: 'ratio', marks: [{ value: 0.8, label: '短缺线' }],
      bars: [{ label: '<img src=x>', value: 0.5, tone: 'expand' }, { label: '机电', value: 1.3, tone: 'review' }],
    });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x&gt;');
    expect(svg.match(/<rect class="tone-/g)?.length).toBe(2);
    expect(renderChart({ kind: 'lines', title: 't', x: [], series: [], format: 'integer' })).toContain('无可绘制的数据');
  });
});

describe('the fill-ratio chart of a school report', () => {
  const thresholds = { shortage_below: 0.8, oversupply_above: 1.2 } as Parameters<typeof fillRatioChart>[2];
  const rows = [
    { major_name: '护理', industry_fill_ratio: 0.72, industry_signal: 'shortage', label: 'expand' },
    { major_name: '机电', industry_fill_ratio: 1.5, industry_signal: 'oversupply', label: 'review' },
    { major_name: '会计', industry_fill_ratio: 1.3, industry_signal: 'oversupply', label: 'keep' },
  ];

  it('colours each bar by its industry\'s signal, as the dashboard does, and says so in a legend', () => {
    const chart = fillRatioChart('各专业主要产业的供需比', rows, thresholds);
    expect(chart.bars.map((b) => [b.label, b.tone])).toEqual([['护理', 'shortage'], ['会计', 'oversupply'], ['机电', 'oversupply']]);
    expect(chart.legend).toEqual([{ tone: 'shortage', name: VOCABULARY.zh.signals.shortage }, { tone: 'oversupply', name: VOCABULARY.zh.signals.oversupply }]);
    const svg = renderChart(chart);
    for (const l of chart.legend!) expect(svg).toContain(`>${l.name}</text>`);
    const page = renderHtml({ kind: 'school', code: 'x', title: 't', subtitle: '', summary: [], charts: [chart], tables: [], notes: [] } as unknown as Report,
      { snapshot: 's', finished_at: '2025-01-01T00:00:00.000Z', data_label: 'd', synthetic: false, title: 't' } as never);
    expect(page).toContain(`.tone-shortage { fill: ${COLORS.shortage};`);
  });
});

describe('cells', () => {
  it('shows NULL as a dash, never as 0, and formats by type', () => {
    expect(displayCell(null, 'ratio')).toBe('—');
    expect(displayCell(0, 'ratio')).toBe('0.00');
    expect(displayCell(0.8912, 'percent')).toBe('89.1%');
    // people are whole: a fractional graduate count prints rounded, as on the dashboard
    expect(displayCell(12345.67, 'integer')).toBe('12,346');
    expect(csvNumber(0.0625, 'percent')).toBe('6.3%');
    expect(csvNumber(30444, 'integer')).toBe('30444');
    expect(csvNumber(0.123456, 'ratio')).toBe('0.1235');
    expect(csvNumber(-8.96, 'integer')).toBe('-9');
  });

  it('refuses codes that are not plain file names and cleans download names', () => {
    expect(reportPath('industry', 'low_altitude', 'csv')).toBe('industries/low_altitude.csv');
    expect(() => reportPath('school', '../x', 'html')).toThrow('cannot be used as a file name');
    expect(downloadName('school', 'a/b:c', 'xlsx', { year: 2025, synthetic: false })).toBe('a_b_c_专业调整报告_2025年.xlsx');
    expect(downloadName('industry', '人工智能', 'csv', { year: 2025, synthetic: true })).toBe('人工智能_产业人才供需报告_2025年_示例数据.csv');
  });
});

describe('CSV', () => {
  const table: Table = { sheet: '专业', title: '专业', empty: '无', columns: [{ key: 'name', label: '专业名称', type: 'text' }, { key: 'n', label: '专业点数', type: 'integer' }],
    rows: [{ name: '软件技术', n: 3 }, { name: '护理', n: 2 }] };

  it('says on every row that the synthetic sample is synthetic, and adds nothing to real data', () => {
    expect(renderCsv(table, { synthetic: true }).slice(1).split('\r\n')).toEqual(
      ['专业名称,专业点数,数据说明', '软件技术,3,合成示例数据，非真实统计', '护理,2,合成示例数据，非真实统计', '']);
    expect(renderCsv(table).slice(1).split('\r\n')).toEqual(['专业名称,专业点数', '软件技术,3', '护理,2', '']);
  });
});

describe('printed page', () => {
  it('prints at most printedRows rows of a table and says where the rest are', () => {
    const report: Report = {
      kind: 'industry', code: 'x', year: 2025, title: 't', subtitle: 's', summary: [], charts: [], notes: [],
      tables: [{ sheet: 's', title: '专业点', columns: [{ key: 'n', label: 'n', type: 'integer' }], empty: '',
        rows: [1, 2, 3].map((n) => ({ n: n * 1000 })), printedRows: 2 }],
      csv: { sheet: 's', title: 't', columns: [], rows: [], empty: '' },
    };
    const html = renderHtml(report, { snapshot: 's', finished_at: '2025-01-01T00:00:00Z', data_label: 'd', synthetic: true, title: 'T' });
    expect(html).toContain('<td class="num">2,000</td>');
    expect(html).not.toContain('3,000');
    expect(html).toContain('仅列出前 2 条（共 3 条）');
    expect(html).toContain('2025-01-01 08:00（北京时间）');
  });
});
