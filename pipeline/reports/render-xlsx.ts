/**
 * A report as an Excel workbook (exceljs): a summary sheet, then one sheet per table, with real
 * number cells in Chinese number formats, a frozen header row, column widths fitted to the text,
 * and text cells neutralised against formula injection.
 *
 * Speed: one workbook per school at every refresh, so each style object is shared between cells
 * (exceljs caches a style by object identity, building a fresh one per cell costs more than the
 * data), strings are written inline rather than shared, and the zip is stored uncompressed
 * (exceljs compresses in JavaScript; deflating took longer than building the workbook).
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import type { Cell, CellType, Column, Report, ReportContext } from './report-model.ts';
import { neutralise } from './cell-safety.ts';
import { NUMBER_FORMATS } from './format-cell.ts';
import { beijingTime } from './render-html.ts';

/**
 * The Workbook class alone: the package entry also loads the streaming reader and writer (unzipper,
 * archiver), which made loading exceljs take longer than writing all the sample's workbooks.
 */
const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

const HEADER: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F4F8' } },
};
const TEXT: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
const NUMBER_STYLES = Object.fromEntries(Object.entries(NUMBER_FORMATS).map(([type, numFmt]) => [type, { numFmt }])) as
  Record<Exclude<CellType, 'text'>, Partial<ExcelJS.Style>>;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Display width in character cells: CJK characters take two. */
const textWidth = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

function columnWidth(column: Column, values: Cell[]): number {
  if (column.width) return column.width;
  if (column.type !== 'text') return Math.max(MIN_WIDTH + 4, textWidth(column.label) + 2);
  const longest = Math.max(textWidth(column.label), ...values.map((v) => textWidth(String(v ?? ''))));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Writes one value into a cell: numbers stay numbers, text is neutralised, NULL stays empty. */
function put(cell: ExcelJS.Cell, value: Cell, type: CellType) {
  if (value === null || value === '') return;
  if (typeof value === 'number' && type !== 'text') {
    cell.value = value;
    cell.style = NUMBER_STYLES[type];
  } else {
    cell.value = neutralise(String(value));
    cell.style = TEXT;
  }
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, Cell>[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: columnWidth(c, rows.map((r) => r[c.key] ?? null)) }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutralise(c.label);
    cell.style = HEADER;
  });
  rows.forEach((row, r) => {
    const line = sheet.getRow(r + 2);
    columns.forEach((c, i) => put(line.getCell(i + 1), row[c.key] ?? null, c.type));
  });
}

const SUMMARY_COLUMNS: Column[] = [
  { key: 'label', label: '指标', type: 'text', width: 22 },
  { key: 'value', label: '数值', type: 'text', width: 24 },
  { key: 'note', label: '说明', type: 'text', width: 60 },
];

/** Figures first, then where the data came from: the summary sheet reads on its own. */
function summarySheet(workbook: ExcelJS.Workbook, report: Report, context: ReportContext) {
  const meta = [
    ['报告', report.title], ['范围', report.subtitle], ['数据来源', `${context.title}（${context.data_label}）`],
    ['数据快照', context.snapshot], ['刷新时间', beijingTime(context.finished_at)],
    ...(context.synthetic ? [['注意', '合成示例数据，非真实统计（synthetic sample, not real statistics）']] : []),
  ];
  addSheet(workbook, '概要', SUMMARY_COLUMNS, [
    ...report.summary.map((f) => ({ label: f.label, value: null, note: f.note ?? null })),
    ...meta.map(([label, note]) => ({ label, value: null, note })),
  ]);
  // figure values keep their own type per row, so they are written cell by cell
  const sheet = workbook.getWorksheet('概要')!;
  report.summary.forEach((f, i) => put(sheet.getRow(i + 2).getCell(2), f.value, f.type));
}

/** The workbook of a report as the bytes of an .xlsx file. */
export async function renderXlsx(report: Report, context: ReportContext): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'chanjiao 产教';
  workbook.title = report.title;
  workbook.created = workbook.modified = new Date(context.finished_at);
  summarySheet(workbook, report, context);
  for (const table of report.tables) addSheet(workbook, table.sheet, table.columns, table.rows);
  const bytes = await workbook.xlsx.writeBuffer({ useSharedStrings: false, zip: { compression: 'STORE' } });
  return Buffer.from(bytes);
}
