import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsWith, load, query, removeInputs } from './helpers.ts';
import { writeSparseZip, zipOf } from '../support/zip.ts';

afterAll(removeInputs);

/** programmes.xlsx as a school would send it: Chinese headers, a formula, an empty row, a notes sheet. */
async function writeProgrammesXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专业点');
  sheet.addRow(['年份', '学校标识码', '专业代码', '招生计划', '实际招生', '在校生', '毕业生', '就业率', '状态']);
  sheet.addRow([2024, '5001000001', '460609', 100, 96, { formula: '200+80', result: 280 }, 85, 0.93, 'active']);
  sheet.addRow([2024, '5001000002', '460601', 60, 55, 160, null, null, { richText: [{ text: 'act' }, { text: 'ive' }] }]);
  sheet.getRow(5).values = [2024, '5001000003', '710201', -1, 80, 240, 75, null, 'active'];
  workbook.addWorksheet('说明').addRow(['not data']);
  await workbook.xlsx.writeFile(path);
}

describe('.xlsx inputs', () => {
  it('loads the first worksheet, with rejects numbered by sheet row', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    const file = join(dir, 'programmes.xlsx');
    await writeProgrammesXlsx(file);
    const { report, conn } = await load(dir);

    expect(await query(conn, `SELECT school_code, students, graduates, status FROM raw_programmes ORDER BY 1`)).toEqual([
      { school_code: '5001000001', students: 280, graduates: 85, status: 'active' },
      { school_code: '5001000002', students: 160, graduates: null, status: 'active' },
    ]);
    // Row 4 is empty; row 5 plans -1 students.
    expect(report.rejects).toEqual([
      { table: 'programmes', file, line: 5, column: 'plan', value: '-1', reason: 'must be ≥ 0' },
    ]);
    expect(report.inputs.find((i) => i.table === 'programmes')).toEqual({
      table: 'programmes',
      file,
      sha256: createHash('sha256').update(await readFile(file)).digest('hex'),
      rows: 2,
      rejected: 1,
    });
  });

  it('stops with what to do when the sheet list is written in a form the reader does not follow (prefixed tags)', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    const file = join(dir, 'programmes.xlsx');
    await writeProgrammesXlsx(file);
    // Some exporting tools write the workbook part with a namespace prefix: <x:workbook>, <x:sheets>.
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const prefixed = xml.replace(/<(\/?)(?!\?)([a-zA-Z]+)([\s>/])/g, '<$1x:$2$3').replace('xmlns="', 'xmlns:x="');
    zip.file('xl/workbook.xml', prefixed);
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(load(dir)).rejects.toThrow(`${file}: 工作簿目录无法读取 — the workbook's list of sheets (xl/workbook.xml) could not be read;`);
  });

  /** programmes.xlsx written by `edit` after the school's rows, in a fresh inputs folder; its path and folder. */
  async function workbook(edit: (book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void) {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('专业点');
    sheet.addRow(['年份', '学校标识码', '专业代码', '招生计划', '实际招生', '在校生', '毕业生', '就业率', '状态']);
    sheet.addRow([2024, '5001000001', '460609', 100, 96, 280, 85, 0.93, 'active']);
    sheet.addRow([2024, '5001000002', '460601', 60, 55, 160, null, null, 'active']);
    edit(book, sheet);
    const file = join(dir, 'programmes.xlsx');
    await book.xlsx.writeFile(file);
    return { dir, file };
  }

  it('stops at hidden rows of the table, naming them: an old copy kept out of sight, or rows a filter hides', async () => {
    const { dir, file } = await workbook((_, sheet) => {
      sheet.addRow([2024, '5001000001', '460609', 200, 196, 780, 85, 0.93, 'active']).hidden = true; // a stale copy
      sheet.addRow([]);
      sheet.getRow(5).hidden = true; // an empty hidden row says nothing
    });
    await expect(load(dir)).rejects.toThrow(`${file}: 隐藏行 — 1 row of the table is hidden (4): `);
  });

  it('reads a hidden column of the table like a shown one, and says so, naming it by letter and header text', async () => {
    const { dir, file } = await workbook((_, sheet) => {
      sheet.getCell('J1').value = '辅助列'; // a helper column, no field of the table
      sheet.getCell('J2').value = 'x';
      sheet.getColumn(8).hidden = true; // 就业率
      sheet.getColumn(10).hidden = true;
      sheet.getColumn(12).hidden = true; // past the header: nothing of it is read
    });
    const { report, conn } = await load(dir);
    expect(await query(conn, 'SELECT employment_rate FROM raw_programmes ORDER BY school_code')).toEqual([{ employment_rate: 0.93 }, { employment_rate: null }]);
    expect(report.warnings).toContain(`${file}: 隐藏列照常读取 — 2 hidden columns of sheet "专业点" are read like the others: `
      + 'H "就业率" (read as employment_rate), J "辅助列" (no field of the table: left out); a hidden column that is not data (a helper column) is best deleted from the sheet');
  });

  it('reads the visible sheet and says which hidden ones it left; a hidden sheet is never chosen unasked', async () => {
    const { dir, file } = await workbook((book) => {
      const old = book.addWorksheet('旧版', { state: 'veryHidden' });
      old.addRow(['年份', '学校标识码', '专业代码', '招生计划', '实际招生', '在校生', '毕业生', '就业率', '状态']);
      old.addRow([2024, '5001000001', '460609', 999, 999, 999, 99, 0.5, 'active']);
    });
    const { report, conn } = await load(dir);
    expect(await query(conn, 'SELECT students FROM raw_programmes ORDER BY school_code')).toEqual([{ students: 280 }, { students: 160 }]);
    expect(report.warnings).toContain(`${file}: 隐藏工作表未读取 — hidden sheet "旧版" not read (sheet "专业点" was); to read a hidden sheet, name it in mapping.json "sheet"`);
  });

  it('reads a number as Excel shows it (15 significant digits), an error value as empty and a line break as a space, with notes', async () => {
    const { dir, file } = await workbook((_, sheet) => {
      // A formula's binary rounding, shown as 280 on screen; error values in two cells.
      sheet.getCell('F2').value = { formula: 'F9*1.4', result: 280.00000000000006 };
      sheet.getCell('H2').value = { error: '#DIV/0!' };
      sheet.getCell('G3').value = { error: '#N/A' };
      sheet.getCell('I3').value = 'act\nive'; // typed with Alt+Enter
    });
    const { report, conn } = await load(dir);
    expect(report.rejects.map((r) => [r.line, r.value])).toEqual([[3, 'act ive']]);
    expect(await query(conn, 'SELECT students, graduates, employment_rate FROM raw_programmes ORDER BY school_code')).toEqual([
      { students: 280, graduates: 85, employment_rate: null },
    ]);
    expect(report.warnings).toContain(`${file}: 错误值读作空 — 2 cells hold an error value, read as empty (e.g. H2 #DIV/0!): correct the formulas in the workbook if a value is meant`);
    // The line break is read as a space, said in a note: "act ive" is then no status.
    expect(report.warnings).toContain(`${file}: 单元格换行读作空格 — 1 cell with a line break inside, read with a space in its place (e.g. I3), so that a row stays one line`);
  });

  it('refuses a workbook that would inflate 200 times or more (a zip bomb) before reading it', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    const file = join(dir, 'programmes.xlsx');
    await writeFile(file, zipOf(64 * 1024 * 1024));
    await expect(load(dir)).rejects.toThrow(`${file}: xlsx 压缩比异常（`);
  });

  it('checks a workbook\'s zip directory without reading the file whole again: one of 3 GB is refused by what it declares', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    const file = join(dir, 'programmes.xlsx');
    writeSparseZip(file, 3 * 1024 ** 3); // more than a file read whole into memory may be (2 GiB)
    await expect(load(dir)).rejects.toThrow(`${file}: xlsx 解压后 3072 MB，超过上限 2048 MB — too large once unpacked`);
  }, 60_000);

  it('stops at an ID of 16 digits or more stored as a number: its last digits are already lost', async () => {
    const { dir, file } = await workbook((_, sheet) => { sheet.getCell('B3').value = 1790000000000000001; });
    await expect(load(dir)).rejects.toThrow(`${file}:B3: 数字位数丢失 — 1790000000000000000 is stored as a number, which keeps 15 digits`);
  });

  it('says a workbook whose cells the reader cannot follow (no r references) is to be saved again', async () => {
    const { dir, file } = await workbook(() => {});
    // r is optional in the format (ECMA-376), and some writers leave it out; those write the
    // workbook part before the sheets, as zip -r does
    const zip = await JSZip.loadAsync(await readFile(file));
    const rewritten = new JSZip();
    const parts = Object.entries(zip.files).filter(([, e]) => !e.dir).sort(([a], [b]) => Number(b === 'xl/workbook.xml') - Number(a === 'xl/workbook.xml'));
    for (const [name, entry] of parts) {
      const xml = await entry.async('string');
      rewritten.file(name, name === 'xl/worksheets/sheet1.xml' ? xml.replace(/<row r="\d+"/g, '<row').replace(/<c r="[A-Z]+\d+"/g, '<c') : xml);
    }
    await writeFile(file, await rewritten.generateAsync({ type: 'nodebuffer' }));
    await expect(load(dir)).rejects.toThrow(`${file}: 工作簿无法读取 — the workbook could not be read (`);
  });
});

describe('file extensions', () => {
  /** The first bytes of an old binary Excel file (.xls, an OLE compound file), then filler. */
  const OLD_XLS = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4000, 7)]);

  it('reads a workbook whose extension is upper case, named in mapping.json or found in the folder', async () => {
    const named = await inputsWith({ 'mapping.json': JSON.stringify({ programmes: { file: '2025年专业点.XLSX' } }) });
    await rm(join(named, 'programmes.csv'));
    await writeProgrammesXlsx(join(named, '2025年专业点.XLSX'));
    const found = await inputsWith();
    await rm(join(found, 'programmes.csv'));
    await writeProgrammesXlsx(join(found, 'programmes.XLSX'));
    for (const dir of [named, found]) {
      const { conn } = await load(dir);
      expect(await query(conn, 'SELECT count(*)::INTEGER AS n FROM raw_programmes')).toEqual([{ n: 2 }]);
    }
  });

  it('names an old .xls workbook, in the folder or in mapping.json, and says to save it as .xlsx', async () => {
    const found = await inputsWith({ 'programmes.xls': OLD_XLS });
    await rm(join(found, 'programmes.csv'));
    await expect(load(found)).rejects.toThrow(`${join(found, 'programmes.xls')}: 旧版 Excel 格式 — the file is in the old .xls format, which is not read; `
      + 'save it as .xlsx (Excel: 另存为 → Excel 工作簿)');
    const named = await inputsWith({ '2025年专业点.XLS': OLD_XLS, 'mapping.json': JSON.stringify({ programmes: { file: '2025年专业点.XLS' } }) });
    await expect(load(named)).rejects.toThrow(`${join(named, '2025年专业点.XLS')}: 旧版 Excel 格式 — `);
    // an old workbook renamed .xlsx or .csv is no zip and no text: it is named as what it is
    for (const name of ['programmes.xlsx', 'programmes.csv']) {
      const renamed = await inputsWith({ [name]: OLD_XLS });
      if (name !== 'programmes.csv') await rm(join(renamed, 'programmes.csv'));
      await expect(load(renamed)).rejects.toThrow(`${join(renamed, name)}: 旧版 Excel 格式 — the file is in the old .xls format (or a workbook with a password)`);
    }
  });

  it('says a workbook named .xls is to be renamed .xlsx; an optional table\'s .xls is never passed over', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    await writeProgrammesXlsx(join(dir, 'programmes.xls'));
    await expect(load(dir)).rejects.toThrow(`${join(dir, 'programmes.xls')}: 扩展名不符 — the file is an .xlsx workbook named .xls: rename it to .xlsx`);
    const optional = await inputsWith({ 'former_districts.xls': OLD_XLS });
    await expect(load(optional)).rejects.toThrow(`${join(optional, 'former_districts.xls')}: 旧版 Excel 格式 — `);
  });
});
