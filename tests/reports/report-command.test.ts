/** The `report` command on the sample warehouse: one file on demand, and help for a mistyped code. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { run } from '../../pipeline/commands/report.ts';
import { closeMatches } from '../../pipeline/reports/close-matches.ts';
import { editDistance } from '../../pipeline/shared/edit-distance.ts';
import { rows, sampleConnection, sampleWarehouseDir } from '../support/warehouse.ts';

let dir: string;
let school: { school_code: string; school_name: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-cmd-'));
  [school] = await rows(await sampleConnection(), 'SELECT school_code, school_name FROM mart_school ORDER BY school_code LIMIT 1');
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('writes one school report in the format of the file extension', async () => {
    const out = join(dir, 'one.xlsx');
    expect(await run(['--school', school.school_code, '--out', out, '--warehouse', sampleWarehouseDir()])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '专业点', '建议', '建议招生计划', '证据']);
    const csv = join(dir, 'one.txt');
    await run(['--school', school.school_code, '--format', 'csv', '--out', csv, '--warehouse', sampleWarehouseDir()]);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF专业代码,')).toBe(true);
  });

  it('names the closest codes and names for an unknown school code', async () => {
    const typo = school.school_code.slice(0, -1); // one digit short
    await expect(run(['--school', typo, '--warehouse', sampleWarehouseDir()]))
      .rejects.toThrow(new RegExp(`unknown school code "${typo}"[\\s\\S]*${school.school_code}  ${school.school_name}`));
    await expect(run(['--school', school.school_code, '--format', 'pdf', '--warehouse', sampleWarehouseDir()]))
      .rejects.toThrow('--format must be one of html, xlsx, csv');
    await expect(run(['--warehouse', sampleWarehouseDir()])).rejects.toThrow('give exactly one of --school CODE or --industry CODE');
  });
});

describe('closeMatches', () => {
  const entries = [
    { code: '5001030001', name: '渝中航空职业学院' },
    { code: '5001030002', name: '渝中机电职业学院' },
    { code: '5001060001', name: '沙坪坝工程职业学院' },
  ];

  it('finds codes a few edits away and names containing the query, closest first', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // 500103001 is one insertion from …030001; two edits from …030002 (insert, 1→2) and …060001 (insert, 3→6),
    // which tie and go by code; the limit for 9 characters is 3 edits
    expect(closeMatches('500103001', entries).map((e) => e.code)).toEqual(['5001030001', '5001030002', '5001060001']);
    expect(closeMatches('机电', entries).map((e) => e.code)).toEqual(['5001030002']);
    expect(closeMatches('9999999999', entries)).toEqual([]);
  });
});
