/**
 * The hostile-input corpus: broken and malicious files as an operator or an attacker would hand
 * them to a refresh (the CLI in a child process). Each must stop the run with exit code 1 and a
 * message naming the file and line, leave `current` as it was, and be recorded in the history.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../pipeline/refresh/history.ts';
import { SHEET_MAX_COLUMNS } from '../../pipeline/load/xlsx-to-csv.ts';
import { MAX_LINE_BYTES, MAX_VALUE_LINES } from '../../pipeline/load/csv-shape.ts';
import { cleanup, dataFolder, scratch } from '../postings/fixture.ts';
import { readCurrent, runRefresh } from '../refresh/cli.ts';
import { csvOf, xlsxWithRows } from './files.ts';
import { rmSync } from 'node:fs';

let warehouse: string;

beforeAll(async () => {
  warehouse = scratch('wh-hostile-');
  const first = await runRefresh(dataFolder(), warehouse);
  expect(first.code, first.stderr).toBe(0);
}, 180_000);
afterAll(cleanup);

const PROGRAMMES_HEADER = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';

/** The fixture's programmes.csv lines (header first). */
const programmes = () => readFileSync(join(dataFolder(), 'programmes.csv'), 'utf8').trimEnd().split('\n');

/**
 * Runs a refresh over the fixture with `files` replaced; asserts the refusal: exit 1, `message`
 * printed (with the file's path put in for {file}), `current` unchanged, a failed run recorded last.
 */
async function refused(files: Record<string, string | Buffer>, message: (dir: string) => string, remove: string[] = []) {
  const data = dataFolder();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(data, name), content);
  for (const name of remove) rmSync(join(data, name));
  const before = readCurrent(warehouse);
  const runs = readHistory(warehouse).length;
  const run = await runRefresh(data, warehouse);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(message(data));
  const after = readCurrent(warehouse);
  expect(after.snapshot).toBe(before.snapshot);
  expect(after.manifest).toEqual(before.manifest);
  const history = readHistory(warehouse);
  expect(history.length).toBe(runs + 1);
  expect(history[0]).toMatchObject({ outcome: 'failed', snapshot: null });
  // The history is served to browsers: the message names the file from the data folder, never the server's path.
  expect(history[0].error).toContain(message(data).replaceAll(`${data}/`, ''));
  expect(history[0].error).not.toContain(data);
}

describe('hostile inputs stop the refresh, named by file and line', () => {
  it('a stray quote opening a value, never closed: the line it opens on (not thousands of lines merged into one reject)', async () => {
    const lines = programmes();
    const at = lines.length - 5;
    lines[at] = lines[at].replace(',', ',"');
    await refused({ 'programmes.csv': `${lines.join('\n')}\n` },
      (dir) => `${join(dir, 'programmes.csv')}:${at + 1}: 引号未闭合 — a quote (") opens a value on line ${at + 1} and is never closed`);
  }, 60_000);

  it(`a stray quote closed by another one more than ${MAX_VALUE_LINES} lines later`, async () => {
    const lines = programmes();
    lines[10] = lines[10].replace(',', ',"');
    lines[10 + MAX_VALUE_LINES + 5] = lines[10 + MAX_VALUE_LINES + 5].replace(/,([^,]*)$/, ',$1"');
    await refused({ 'programmes.csv': `${lines.join('\n')}\n` },
      (dir) => `${join(dir, 'programmes.csv')}:11: 引号未闭合 — a quote (") opens a value on line 11 and runs on to line ${11 + MAX_VALUE_LINES}`);
  }, 60_000);

  it('two stray quotes on adjacent lines, the second closing part-way through its line: stopped, not two lines read as one record', async () => {
    const lines = programmes();
    lines[10] = lines[10].replace(',', ',"'); // opens school_code on line 11 …
    lines[11] = lines[11].replace(/^([^,]*,[^,]*),/, '$1",'); // … closed after school_code on line 12
    await refused({ 'programmes.csv': `${lines.join('\n')}\n` },
      (dir) => `${join(dir, 'programmes.csv')}:11: 引号不配对 — a quote (") opens a value on line 11 that runs on to line 12, `
        + 'and the record over lines 11–12 holds 16 commas, as many as 2 records of 9 columns');
  }, 60_000);

  it('a daily postings file with two stray quotes on adjacent lines: stopped, not one posting silently lost in another\'s employer', async () => {
    const day = csvOf('posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education', 40,
      (i) => `J-${i},2025-03-04,500103,${i === 7 ? '"' : ''}重庆某公司${i === 8 ? '"' : ''},数控车工,,1,secondary`);
    await refused({ 'postings/2025-03-04.csv': day },
      (dir) => `${join(dir, 'postings/2025-03-04.csv')}:8: 引号不配对 — a quote (") opens a value on line 8 that runs on to line 9, `
        + 'and the record over lines 8–9 holds 14 commas, as many as 2 records of 8 columns');
  }, 60_000);

  it('a header of a million columns: refused at once, not read into memory column by column', async () => {
    const header = `${PROGRAMMES_HEADER},${Array.from({ length: 1_000_000 }, (_, i) => `x${i}`).join(',')}`;
    await refused({ 'programmes.csv': `${header}\n${programmes().slice(1).join('\n')}\n` },
      (dir) => `${join(dir, 'programmes.csv')}:1: 表头区域行过长 — line 1, where the header is looked for, is longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`);
  }, 60_000);

  it(`a header wider than a spreadsheet (${SHEET_MAX_COLUMNS.toLocaleString('en')} columns) but short enough to read`, async () => {
    const header = `${PROGRAMMES_HEADER}${','.repeat(SHEET_MAX_COLUMNS)}`;
    await refused({ 'programmes.csv': `${header}\n${programmes().slice(1).join('\n')}\n` },
      (dir) => `${join(dir, 'programmes.csv')}:1: 列数过多 — the header has ${(SHEET_MAX_COLUMNS + 9).toLocaleString('en')} columns`);
  }, 60_000);

  it('a NUL byte inside an otherwise valid UTF-8 file: the line it is on', async () => {
    const lines = programmes();
    lines[6] = lines[6].replace('active', 'act\0ive');
    await refused({ 'programmes.csv': `${lines.join('\n')}\n` },
      (dir) => `${join(dir, 'programmes.csv')}:7: 含有 NUL 字节 — a NUL byte on line 7`);
  }, 60_000);

  it('a 2 KB .xlsx claiming row 500,000,000: stopped at that row, no disk filled', async () => {
    const xlsx = xlsxWithRows([[1, PROGRAMMES_HEADER.split(',')], [2, programmes()[1].split(',')], [500_000_000, programmes()[2].split(',')]]);
    expect(xlsx.length).toBeLessThan(4096);
    await refused({ 'programmes.xlsx': xlsx },
      (dir) => `${join(dir, 'programmes.xlsx')}:500000000: 行号超出 Excel 上限 — row 500,000,000 is past Excel's last row 1,048,576`, ['programmes.csv']);
  }, 60_000);

  it('a daily postings file with a stray quote: the same refusal for the nightly feed', async () => {
    const day = csvOf('posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education', 40,
      (i) => `H-${i},2025-03-04,500103,"重庆某公司${i === 7 ? '' : '"'},数控车工,,1,secondary`);
    await refused({ 'postings/2025-03-04.csv': day },
      (dir) => `${join(dir, 'postings/2025-03-04.csv')}:8: 引号未闭合 — a quote (") opens a value on line 8 and runs on to line 9`);
  }, 60_000);

  it('a daily postings file named for a day that does not exist, or for a day after tomorrow', async () => {
    const day = (date: string) => csvOf('posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education', 3,
      (i) => `D-${i},${date},500103,重庆某公司,数控车工,,1,secondary`);
    await refused({ 'postings/2025-02-30.csv': day('2025-03-01') },
      (dir) => `${join(dir, 'postings/2025-02-30.csv')}: 日期无效 — 2025-02-30 is not a calendar date`);
    await refused({ 'postings/2025-13-45.csv': day('2025-03-01') },
      (dir) => `${join(dir, 'postings/2025-13-45.csv')}: 日期无效 — 2025-13-45 is not a calendar date`);
    await refused({ 'postings/2099-01-01.csv': day('2099-01-01') },
      (dir) => `${join(dir, 'postings/2099-01-01.csv')}: 日期晚于刷新日 — 2099-01-01 is after the refresh day`);
  }, 120_000);
});
