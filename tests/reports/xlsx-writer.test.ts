/**
 * The workbook writer against exceljs, which wrote the reports' workbooks before: for every report
 * of the sample and for hand-made edge cases, the two .xlsx files must be the same bytes apart from
 * the zip entries' times (both stamp the time of writing).
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ExcelJS from 'exceljs';
import { loadReportData, type ReportData } from '../../pipeline/reports/load-report-data.ts';
import { buildSchoolReport } from '../../pipeline/reports/school-report.ts';
import { buildIndustryReport } from '../../pipeline/reports/industry-report.ts';
import { columnWidth, renderXlsx, workbookSheets, XLSX_CREATOR, xlsxBytes, type SheetSpec } from '../../pipeline/reports/render-xlsx.ts';
import { neutralise } from '../../pipeline/shared/csv.ts';
import { NUMBER_FORMATS } from '../../pipeline/reports/format-cell.ts';
import type { Cell, CellType, Report, ReportContext } from '../../pipeline/reports/report-model.ts';
import { setPolicyVariables } from '../../pipeline/config/policy.ts';
import { sampleConnection, sampleManifest } from '../support/warehouse.ts';
import { withoutTimes } from './zip-times.ts';

const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

/** The same sheets through exceljs, cell by cell as the reports wrote them with it. */
async function excelJsBytes(sheets: SheetSpec[], title: string, created: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = XLSX_CREATOR;
  workbook.title = title;
  workbook.created = workbook.modified = created;
  const header: Partial<ExcelJS.Style> = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F4F8' } } };
  const text: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
  const numbers = new Map(Object.entries(NUMBER_FORMATS).map(([type, numFmt]) => [type, { numFmt }]));
  const put = (cell: ExcelJS.Cell, value: Cell, type: CellType) => {
    if (value === null || value === '') return;
    if (typeof value === 'number' && type !== 'text') [cell.value, cell.style] = [value, numbers.get(type)!];
    else [cell.value, cell.style] = [neutralise(String(value)), text];
  };
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ width: columnWidth(c, sheet.rows.map((r) => r[i].value)) }));
    sheet.columns.forEach((c, i) => { [ws.getRow(1).getCell(i + 1).value, ws.getRow(1).getCell(i + 1).style] = [neutralise(c.label), header]; });
    sheet.rows.forEach((row, r) => row.forEach(({ value, type }, i) => put(ws.getRow(r + 2).getCell(i + 1), value, type)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
}

const context: ReportContext = {
  snapshot: '20250901T020000Z', finished_at: '2025-09-01T02:00:00.000Z', data_label: '测试', synthetic: true, title: '产教',
};

async function expectSameAsExcelJs(report: Report) {
  const ours = await renderXlsx(report, context);
  const theirs = await excelJsBytes(workbookSheets(report, context), report.title, new Date(context.finished_at));
  expect(withoutTimes(ours).equals(withoutTimes(theirs)), report.code).toBe(true);
}

describe('the workbook writer', () => {
  let data: ReportData;
  beforeAll(async () => {
    const conn = await sampleConnection();
    await setPolicyVariables(conn, sampleManifest().policy);
    data = await loadReportData(conn);
  });

  it('writes every school workbook of the sample as exceljs does', async () => {
    for (const school of data.schools) await expectSameAsExcelJs(buildSchoolReport(data, school));
  });

  it('writes every industry workbook of the sample as exceljs does', async () => {
    for (const industry of data.industries) await expectSameAsExcelJs(buildIndustryReport(data, industry));
  });

  it('writes odd text, empty tables, wide sheets and percent-only formats as exceljs does', async () => {
    const wide = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, label: `列${i}`, type: (i % 2 ? 'percent' : 'text') as CellType }));
    const report: Report = {
      kind: 'school', code: 'edge', year: 2025, title: 'A & B <报告> "q" \'s\'', subtitle: '', charts: [], notes: [],
      summary: [{ label: ' 前后空格 ', value: 0.125, type: 'percent' }, { label: '换行\n文本', value: null, type: 'integer' },
        { label: '=1+1', value: '-5', type: 'text' }, { label: '控制\u0001字符\u007f', value: 12, type: 'text' }],
      tables: [
        { sheet: '空表', title: '', columns: [{ key: 'a', label: 'a', type: 'text' }, { key: 'b', label: 'b', type: 'integer' }], rows: [], empty: '' },
        { sheet: '宽表', title: '', columns: wide, empty: '',
          rows: [Object.fromEntries(wide.map((c, i) => [c.key, i % 2 ? i / 7 : `文本${i}`])), { k0: null, k1: '', k2: 1e-7, k3: -0 }] },
        { sheet: '同宽', title: '', columns: [{ key: 'x', label: '一', type: 'ratio' }, { key: 'y', label: '二', type: 'ratio' }, { key: 'z', label: '三', type: 'integer', width: 9 }, { key: 'w', label: '四', type: 'percent', width: 9 }],
          rows: [{ x: 1.5, y: 2, z: 1234567.891 }], empty: '' },
        { sheet: '默认宽', title: '', columns: [{ key: 'd', label: '甲', type: 'text', width: 9 }, { key: 'e', label: '乙', type: 'text', width: 9 }],
          rows: [{ d: 'x', e: 'y' }], empty: '' },
      ],
      csv: { sheet: '', title: '', columns: [], rows: [], empty: '' },
    };
    await expectSameAsExcelJs(report);
    const sheets = workbookSheets(report, { ...context, synthetic: false });
    const theirs = await excelJsBytes(sheets, report.title, new Date(0));
    expect(withoutTimes(xlsxBytes(sheets, XLSX_CREATOR, report.title, new Date(0))).equals(withoutTimes(theirs))).toBe(true);
  });
});
