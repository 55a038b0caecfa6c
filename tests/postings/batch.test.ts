/**
 * A run with several new days converts them in one batch: each day keeps its own rejects, with
 * file:line:column of its own file, its own reject share and its own Parquet file; duplicate
 * posting_ids count only within a day. The days are made up for the test (synthetic).
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs, type LoadReport } from '../../pipeline/load/index.ts';
import { loadPostings, POSTINGS_STORE, readLedger } from '../../pipeline/postings/index.ts';
import { cleanup, dataFolder, FIXTURE, REFERENCE, scratch } from './fixture.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await loadInputs(conn, { dataDir: join(FIXTURE, 'data'), referenceDir: REFERENCE, policy: { reject_share_max: 0.05 } });
});
afterAll(cleanup);

const HEADER = 'posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education';
/** Besides the fixture's 2025-03-03 (D1-001 … D1-005, clean), four days delivered at once. */
const DAYS: Record<string, string[]> = {
  // Clean; D1-001 sent again: a legitimate re-send, not a duplicate key.
  '2025-03-04.csv': [HEADER, 'D1-001,2025-03-04,500103,重庆恒润智能装备有限公司,数控车工,,3,secondary',
    'D4-001,2025-03-04,500107,重庆嘉陵实业有限公司,普工,,2,secondary', 'D4-002,2025-03-04,500115,重庆瑞丰有限公司,护士,,1,higher'],
  // Line 2–3: one record (a quoted line break); line 4: a letter O in the code; line 6 repeats line 5's posting_id.
  '2025-03-05.csv': [HEADER, 'D5-001,2025-03-05,500103,"重庆', '某公司",焊工,,1,secondary',
    'D5-002,2025-03-05,5001O7,重庆某公司,焊工,,1,secondary', 'D5-003,2025-03-05,500107,重庆某公司,电工,,1,secondary',
    'D5-003,2025-03-05,500107,重庆某公司,电工,,2,secondary', 'D5-004,2025-03-05,500115,重庆某公司,钳工,,1,other'],
  // Another column order: a batch of its own.
  '2025-03-06.csv': ['education,posting_id,posted_on,district_code,employer,title,headcount',
    'higher,D6-001,2025-03-06,500229,重庆某医院,护士,2', 'other,D6-002,2025-03-06,500235,重庆某医院,护工,1'],
  // Line 3: too few fields; line 4: headcount 0; line 5 blank (skipped, but counted as a line).
  '2025-03-07.csv': [HEADER, 'D7-001,2025-03-07,500103,重庆某公司,焊工,,1,secondary', 'D7-002,2025-03-07,500103',
    'D7-003,2025-03-07,500103,重庆某公司,焊工,,0,secondary', '', 'D7-004,2025-03-07,500107,重庆某公司,电工,,1,secondary',
    'D7-005,2025-03-07,500115,重庆某公司,钳工,,1,other'],
};

/** The fixture's data folder with DAYS delivered, and a night's postings stage on a new warehouse. */
async function batchNight(rejectShareMax: number) {
  const data = dataFolder();
  for (const [day, lines] of Object.entries(DAYS)) writeFileSync(join(data, 'postings', day), `${lines.join('\n')}\n`);
  const wh = scratch('wh-');
  const report: LoadReport = { inputs: [], rejects: [], warnings: [] };
  const run = () => loadPostings(conn, {
    dataDir: data, referenceDir: REFERENCE, warehouseDir: wh, tmpDir: scratch('postings-tmp-'), policy: { reject_share_max: rejectShareMax }, report, lookups: report.inputs,
  });
  return { data, store: join(wh, POSTINGS_STORE), report, run };
}

/** A night's postings stage on a data folder and a new warehouse: the postings' rejects and each day's [rows, rejected]. */
async function convertFolder(data: string) {
  const wh = scratch('wh-');
  const report: LoadReport = { inputs: [], rejects: [], warnings: [] };
  await loadPostings(conn, {
    dataDir: data, referenceDir: REFERENCE, warehouseDir: wh, tmpDir: scratch('postings-tmp-'), policy: { reject_share_max: 0.5 }, report, lookups: report.inputs,
  });
  const rejects = report.rejects.filter((r) => r.table === 'postings').map(({ file, line, column, value, reason }) => ({ file, line, column, value, reason }));
  const counts = Object.fromEntries(Object.entries(readLedger(join(wh, POSTINGS_STORE)).files).map(([day, e]) => [day, [e.rows, e.rejected]]));
  return { rejects, counts, at: (day: string) => join(data, 'postings', day), store: join(wh, POSTINGS_STORE) };
}

describe('a batch of daily files', () => {
  it('reports each day\'s rejects at its own file:line:column and converts the rest', async () => {
    // 2025-03-05 and 2025-03-07 each reject 2 of 5 rows (40 %): allowed here.
    const { data, store, report, run } = await batchNight(0.5);
    const result = await run();
    expect(result.converted).toEqual(['2025-03-03.csv', ...Object.keys(DAYS)]);
    const at = (day: string) => join(data, 'postings', day);
    expect(report.rejects.filter((r) => r.table === 'postings').map(({ file, line, column, value, reason }) => ({ file, line, column, value, reason })))
      .toEqual([
        { file: at('2025-03-05.csv'), line: 4, column: 'district_code', value: '5001O7', reason: expect.stringMatching(/^not a 6-digit code/) },
        { file: at('2025-03-05.csv'), line: 6, column: 'posting_id', value: 'D5-003', reason: 'duplicate key (first at line 5)' },
        { file: at('2025-03-07.csv'), line: 3, column: '', value: 'D7-002,2025-03-07,500103', reason: 'expected 8 fields, found 3' },
        { file: at('2025-03-07.csv'), line: 4, column: 'headcount', value: '0', reason: 'must be ≥ 1' },
      ]);
    // Per day: rows kept and rejected; every day is in a Parquet file and nothing else is left.
    const ledger = readLedger(store).files;
    expect(Object.fromEntries(Object.entries(ledger).map(([day, e]) => [day, [e.rows, e.rejected]]))).toEqual({
      '2025-03-03.csv': [5, 0], '2025-03-04.csv': [3, 0], '2025-03-05.csv': [3, 2], '2025-03-06.csv': [2, 0], '2025-03-07.csv': [3, 2],
    });
    expect(readdirSync(store).sort()).toEqual(['ledger.json', ...new Set(Object.values(ledger).map((e) => e.parquet))].sort());
    const rows = (await conn.runAndReadAll('SELECT posting_id, posted_on::VARCHAR AS posted_on, employer FROM raw_postings ORDER BY posting_id'))
      .getRowObjectsJS();
    // 5 + 2 new of 2025-03-04 + 3 + 2 + 3; D1-001 once, as its later copy.
    expect(rows.map((r) => r.posting_id)).toEqual(['D1-001', 'D1-002', 'D1-003', 'D1-004', 'D1-005', 'D4-001', 'D4-002',
      'D5-001', 'D5-003', 'D5-004', 'D6-001', 'D6-002', 'D7-001', 'D7-004', 'D7-005']);
    expect(rows[0].posted_on).toBe('2025-03-04');
    expect(rows.find((r) => r.posting_id === 'D5-001')?.employer).toBe('重庆\n某公司');
  });

  it('aborts on the first day above reject_share_max, naming it, and stores none of the batch', async () => {
    const { data, store, run } = await batchNight(0.3);
    await expect(run()).rejects.toThrow(`${join(data, 'postings', '2025-03-05.csv')}: 拒收比例过高 — 40.0% of rows rejected (2 of 5)`);
    expect(readLedger(store).files).toEqual({});
  });
  it('rejects posting_ids repeated within a day at their own lines, also past a quoted line break and with CRLF', async () => {
    const data = dataFolder();
    const row = (id: string, day: string) => `${id},${day},500103,重庆某公司,焊工,,1,secondary`;
    const days: Record<string, string> = {
      // Only repeats: one posting three times, one twice.
      '2025-03-08.csv': [HEADER, row('E8-001', '2025-03-08'), row('E8-002', '2025-03-08'), row('E8-001', '2025-03-08'),
        row('E8-003', '2025-03-08'), row('E8-001', '2025-03-08'), row('E8-002', '2025-03-08'), row('E8-004', '2025-03-08')].join('\n'),
      // Lines 2–3 are one record: the repeat on line 5 points back at line 4.
      '2025-03-09.csv': [HEADER, 'E9-001,2025-03-09,500103,"重庆', '某公司",焊工,,1,secondary', row('E9-002', '2025-03-09'),
        row('E9-002', '2025-03-09'), row('E9-003', '2025-03-09')].join('\n'),
      '2025-03-10.csv': [HEADER, row('E10-001', '2025-03-10'), row('E10-002', '2025-03-10'), row('E10-001', '2025-03-10'), ''].join('\r\n'),
    };
    for (const [day, text] of Object.entries(days)) writeFileSync(join(data, 'postings', day), text);
    const { rejects, counts, at } = await convertFolder(data);
    expect(rejects)
      .toEqual([
        { file: at('2025-03-08.csv'), line: 4, column: 'posting_id', value: 'E8-001', reason: 'duplicate key (first at line 2)' },
        { file: at('2025-03-08.csv'), line: 6, column: 'posting_id', value: 'E8-001', reason: 'duplicate key (first at line 2)' },
        { file: at('2025-03-08.csv'), line: 7, column: 'posting_id', value: 'E8-002', reason: 'duplicate key (first at line 3)' },
        { file: at('2025-03-09.csv'), line: 5, column: 'posting_id', value: 'E9-002', reason: 'duplicate key (first at line 4)' },
        { file: at('2025-03-10.csv'), line: 4, column: 'posting_id', value: 'E10-001', reason: 'duplicate key (first at line 2)' },
      ]);
    expect(counts).toEqual({
      '2025-03-03.csv': [5, 0], '2025-03-08.csv': [4, 3], '2025-03-09.csv': [3, 1], '2025-03-10.csv': [2, 1],
    });
    const rows = (await conn.runAndReadAll(`SELECT posting_id, employer FROM raw_postings WHERE posting_id LIKE 'E%' ORDER BY posting_id`)).getRowObjectsJS();
    expect(rows.map((r) => r.posting_id)).toEqual(['E10-001', 'E10-002', 'E8-001', 'E8-002', 'E8-003', 'E8-004', 'E9-001', 'E9-002', 'E9-003']);
    expect(rows.find((r) => r.posting_id === 'E9-001')?.employer).toBe('重庆\n某公司');
  });

  it('stores no repeated copy, whether a large day repeats a few postings or more than a thousand', async () => {
    const data = dataFolder();
    // Each day 24,000 postings, then copies of its first `repeats` with headcount 9 (rejected). The
    // second day's columns come in another order, so it is a batch of its own.
    const repeats = { '2025-03-11': 12, '2025-03-12': 1_500 };
    for (const [day, n] of Object.entries(repeats)) {
      const first = day === '2025-03-11';
      const row = (i: number, headcount: number) => first ? `R${day}-${i},${day},500103,重庆某公司,焊工,,${headcount},secondary`
        : `secondary,R${day}-${i},${day},500103,重庆某公司,焊工,${headcount}`;
      const header = first ? HEADER : 'education,posting_id,posted_on,district_code,employer,title,headcount';
      const lines = [header, ...Array.from({ length: 24_000 }, (_, i) => row(i, 1)), ...Array.from({ length: n }, (_, i) => row(i, 9))];
      writeFileSync(join(data, 'postings', `${day}.csv`), `${lines.join('\n')}\n`);
    }
    const { counts, store } = await convertFolder(data);
    expect(counts).toEqual({ '2025-03-03.csv': [5, 0], '2025-03-11.csv': [24_000, 12], '2025-03-12.csv': [24_000, 1_500] });
    // The days' own files, before any de-duplication across days.
    const files = readLedger(store).files;
    for (const day of Object.keys(repeats)) {
      const stored = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, max(headcount) AS most
        FROM read_parquet(${`'${join(store, files[`${day}.csv`].parquet)}'`})`)).getRowObjectsJS();
      expect(stored).toEqual([{ n: 24_000, most: 1 }]);
    }
  });
  it('converts days sent as GB18030, UTF-8 with BOM and .xlsx, with Chinese headers, each with its own rejects', async () => {
    const data = dataFolder();
    const zh = '岗位编号,发布日期,区县代码,用人单位,岗位名称,行业提示,招聘人数,学历要求';
    // GB18030 with CRLF; line 3 repeats line 2's posting_id.
    writeFileSync(join(data, 'postings', '2025-03-11.csv'), iconv.encode([zh, 'G1-001,2025-03-11,500103,重庆某公司,焊工,,1,secondary',
      'G1-001,2025-03-11,500103,重庆某公司,焊工,,1,secondary', 'G1-002,2025-03-11,500107,重庆某公司,电工,,2,higher', ''].join('\r\n'), 'gb18030'));
    // UTF-8 with a byte-order mark; line 3 has an ideographic space around the employer (trimmed, not rejected).
    writeFileSync(join(data, 'postings', '2025-03-12.csv'), `\uFEFF${[zh, 'B1-001,2025-03-12,500103,重庆某公司,焊工,,1,secondary',
      'B1-002,2025-03-12,500107,\u3000重庆某医院\u3000,护士,,1,higher', 'B1-003,2025-03-12,500115,重庆某公司,钳工,,1,other'].join('\n')}\n`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('岗位');
    sheet.addRow(zh.split(','));
    sheet.addRow(['X1-001', '2025-03-13', '500103', '重庆某公司', '焊工', null, 1, 'secondary']);
    sheet.addRow(['X1-002', '2025-03-13', '500107', '重庆某公司', '电工', null, 0, 'secondary']);
    sheet.addRow(['X1-003', '2025-03-13', '500115', '重庆某公司', '钳工', null, 2, 'other']);
    await workbook.xlsx.writeFile(join(data, 'postings', '2025-03-13.xlsx'));
    const { rejects, counts, at } = await convertFolder(data);
    expect(rejects)
      .toEqual([
        { file: at('2025-03-11.csv'), line: 3, column: 'posting_id', value: 'G1-001', reason: 'duplicate key (first at line 2)' },
        { file: at('2025-03-13.xlsx'), line: 3, column: 'headcount', value: '0', reason: 'must be ≥ 1' },
      ]);
    expect(counts).toEqual({
      '2025-03-03.csv': [5, 0], '2025-03-11.csv': [2, 1], '2025-03-12.csv': [3, 0], '2025-03-13.xlsx': [2, 1],
    });
    const rows = (await conn.runAndReadAll(`SELECT posting_id, employer FROM raw_postings WHERE posting_id[1] IN ('B', 'G', 'X') ORDER BY posting_id`)).getRowObjectsJS();
    expect(rows).toEqual([
      { posting_id: 'B1-001', employer: '重庆某公司' }, { posting_id: 'B1-002', employer: '重庆某医院' }, { posting_id: 'B1-003', employer: '重庆某公司' },
      { posting_id: 'G1-001', employer: '重庆某公司' }, { posting_id: 'G1-002', employer: '重庆某公司' },
      { posting_id: 'X1-001', employer: '重庆某公司' }, { posting_id: 'X1-003', employer: '重庆某公司' },
    ]);
  });
});
