/**
 * The postings store across nightly runs: each daily file converted once, by name and sha256;
 * re-sent postings counted once (the later copy wins); a corrected day reloaded; a deleted day
 * reported and dropped; rejects kept with file:line:column; leftovers of a killed run ignored.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs, type LoadReport } from '../../pipeline/load/index.ts';
import { loadPostings, noticesPublished, POSTINGS_STORE, readLedger } from '../../pipeline/postings/index.ts';
import { readSchema } from '../../pipeline/config/schema.ts';
import { CLASSIFICATION_TABLES } from '../../pipeline/config/schema.ts';
import { cleanup, dataFolder, deliver, FIXTURE, REFERENCE, scratch } from './fixture.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await loadInputs(conn, { dataDir: join(FIXTURE, 'data'), referenceDir: REFERENCE, policy: { reject_share_max: 0.05 } });
});
afterAll(cleanup);

interface Posting { posting_id: string; posted_on: string; headcount: number; title: string }

/** One night's postings stage on a data folder and warehouse; what raw_postings then holds. */
async function nightly(dataDir: string, warehouseDir: string, rejectShareMax = 0.05) {
  const report: LoadReport = { inputs: [], rejects: [], warnings: [] };
  const result = await loadPostings(conn, {
    dataDir, referenceDir: REFERENCE, warehouseDir, tmpDir: scratch('postings-tmp-'), policy: { reject_share_max: rejectShareMax }, report, lookups: report.inputs,
  });
  const rows = (await conn.runAndReadAll(
    'SELECT posting_id, posted_on::VARCHAR AS posted_on, headcount, title FROM raw_postings ORDER BY posting_id',
  )).getRowObjectsJS() as unknown as Posting[];
  return { result, report, rows, ids: rows.map((r) => r.posting_id) };
}

const DAY1 = ['D1-001', 'D1-002', 'D1-003', 'D1-004', 'D1-005'];
const DAY2 = ['D2-001', 'D2-002', 'D2-003'];
const storeFiles = (wh: string) => readdirSync(join(wh, POSTINGS_STORE)).sort();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A warehouse that has loaded day 1, then day 2. */
async function twoDays() {
  const data = dataFolder();
  const wh = scratch('wh-');
  await nightly(data, wh);
  deliver(data, '2025-03-04.csv');
  return { data, wh, night: await nightly(data, wh) };
}

describe('postings store', () => {
  it('loads day 1, then only day 2; a posting sent on both days counts once, as its later copy', async () => {
    const data = dataFolder();
    const wh = scratch('wh-');
    const first = await nightly(data, wh);
    expect(first.result.converted).toEqual(['2025-03-03.csv']);
    expect(first.ids).toEqual(DAY1);
    deliver(data, '2025-03-04.csv');
    const second = await nightly(data, wh);
    expect(second.result.converted).toEqual(['2025-03-04.csv']);
    // Day 2 has 4 rows, one of them D1-003 again: 5 + 4 − 1 = 8 postings.
    expect(second.ids).toEqual([...DAY1, ...DAY2]);
    expect(second.rows.find((r) => r.posting_id === 'D1-003')?.posted_on).toBe('2025-03-04');
    // Headcounts: day 1 3+5+2+1+4 = 15, day 2 without the repeat 6+1+2 = 9.
    expect(second.rows.reduce((n, r) => n + r.headcount, 0)).toBe(24);
    expect(second.result.postings).toBe(8);
  });

  it('does not load a re-sent day 2 again, and it adds no posting', async () => {
    const { data, wh } = await twoDays();
    const day2 = join(data, 'postings', '2025-03-04.csv');
    const entry = () => readLedger(join(wh, POSTINGS_STORE)).files['2025-03-04.csv'];
    // Size and time are kept, so tomorrow the file is not even read to hash it.
    expect(entry()).toMatchObject({ size: statSync(day2).size, mtime_ms: statSync(day2).mtimeMs });
    deliver(data, '2025-03-04.csv'); // the same bytes delivered again (new mtime)
    const again = await nightly(data, wh);
    expect(again.result.converted).toEqual([]);
    expect(again.report.warnings).toEqual([]);
    expect(again.ids).toEqual([...DAY1, ...DAY2]);
    expect(entry().mtime_ms).toBe(statSync(day2).mtimeMs);
  });

  it('loads a corrected day 1 again: its corrections replace the first version, the old conversion is removed', async () => {
    const { data, wh } = await twoDays();
    deliver(data, '2025-03-03-corrected.csv', '2025-03-03.csv');
    const night = await nightly(data, wh);
    expect(night.result.converted).toEqual(['2025-03-03.csv']);
    expect(night.report.warnings).toEqual([expect.stringMatching(/2025-03-03\.csv: .*changed since it was loaded on .*; loaded again$/)]);
    // The correction drops D1-002, lowers D1-001 to 2 people and renames D1-004.
    expect(night.ids).toEqual(['D1-001', 'D1-003', 'D1-004', 'D1-005', ...DAY2]);
    expect(night.rows.find((r) => r.posting_id === 'D1-001')?.headcount).toBe(2);
    expect(night.rows.find((r) => r.posting_id === 'D1-004')?.title).toBe('汽车检测员');
    const ledger = readLedger(join(wh, POSTINGS_STORE));
    expect(ledger.files['2025-03-03.csv'].sha256).toBe(sha256(join(data, 'postings/2025-03-03.csv')));
    expect(storeFiles(wh)).toEqual([ledger.files['2025-03-03.csv'].parquet, ledger.files['2025-03-04.csv'].parquet, 'ledger.json'].sort());
  });

  it('loads a day corrected in place with its old size and modification time kept (touch -r, cp -p)', async () => {
    const { data, wh } = await twoDays();
    const day1 = join(data, 'postings', '2025-03-03.csv');
    const before = statSync(day1);
    // The same number of bytes, one headcount changed, and the file's old modification time put back (to the nanosecond).
    const reference = join(data, 'reference-time');
    execFileSync('cp', ['-p', day1, reference]);
    const text = readFileSync(day1, 'utf8');
    const changed = text.replace(/,3,(\w+)\n/, ',4,$1\n');
    expect(changed).not.toBe(text);
    writeFileSync(day1, changed);
    execFileSync('touch', ['-r', reference, day1]);
    expect(statSync(day1)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    const night = await nightly(data, wh);
    expect(night.result.converted).toEqual(['2025-03-03.csv']);
    expect(night.report.warnings).toEqual([expect.stringMatching(/2025-03-03\.csv: .*changed since it was loaded on .*; loaded again$/)]);
    expect(night.rows.find((r) => r.posting_id === 'D1-001')?.headcount).toBe(4);
  });

  it('reports a deleted day and drops its postings', async () => {
    const { data, wh } = await twoDays();
    rmSync(join(data, 'postings/2025-03-04.csv'));
    const night = await nightly(data, wh);
    expect(night.report.warnings).toEqual(['postings/2025-03-04.csv: 文件已删除 — no longer delivered (not in the data folder, nor accepted on the platform); its 4 postings are dropped']);
    expect(night.ids).toEqual(DAY1);
    expect(night.rows.find((r) => r.posting_id === 'D1-003')?.posted_on).toBe('2025-03-03');
    expect(Object.keys(readLedger(join(wh, POSTINGS_STORE)).files)).toEqual(['2025-03-03.csv']);
  });

  it('says a deleted day again every night until a snapshot that drops it is published', async () => {
    const { data, wh } = await twoDays();
    rmSync(join(data, 'postings/2025-03-04.csv'));
    const deleted = 'postings/2025-03-04.csv: 文件已删除 — no longer delivered (not in the data folder, nor accepted on the platform); its 4 postings are dropped';
    expect((await nightly(data, wh)).report.warnings).toEqual([deleted]);
    // That night's snapshot was never published (its run failed later on): the next night says it again.
    expect((await nightly(data, wh)).report.warnings).toEqual([deleted]);
    noticesPublished(join(wh, POSTINGS_STORE));
    expect((await nightly(data, wh)).report.warnings).toEqual([]);
  });

  it('keeps the rejects of a stored day, with file:line:column, in every later run', async () => {
    const { data, wh } = await twoDays();
    deliver(data, '2025-03-05-with-reject.csv', '2025-03-05.csv');
    // One bad row of three is a third of the file: allowed here so that the day loads at all.
    const night = await nightly(data, wh, 0.5);
    const reject = { table: 'postings', file: join(data, 'postings/2025-03-05.csv'), line: 3, column: 'district_code', value: '5001O7' };
    expect(night.report.rejects).toEqual([expect.objectContaining(reject)]);
    // D3-001 is new; D2-001 is sent again (its day-3 copy wins); D3-002 is rejected.
    expect(night.ids).toEqual([...DAY1, ...DAY2, 'D3-001']);
    expect(night.rows.find((r) => r.posting_id === 'D2-001')?.posted_on).toBe('2025-03-05');
    const later = await nightly(data, wh, 0.5);
    expect(later.result.converted).toEqual([]);
    expect(later.report.rejects).toEqual([expect.objectContaining(reject)]);
    expect(later.report.inputs.find((i) => i.table === 'postings')?.rejected).toBe(1);
  });

  it('rejects a posting dated before 2000, a year typed short (25-03-05 read as the year 25), by line', async () => {
    const { data, wh } = await twoDays();
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), ['posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      'D3-001,2025-03-05,500103,重庆宏达建设有限公司,钢筋工,,8,secondary',
      'D3-002,25-03-05,500103,重庆博远物流有限公司,快递分拣员,,3,secondary',
      'D3-003,2025-03-05,500103,重庆长嘉汽车有限公司,汽车装配工,,6,secondary'].join('\n'));
    const night = await nightly(data, wh, 0.5);
    expect(night.report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([[3, 'posted_on', '25-03-05', 'must be ≥ 2000-01-01']]);
    expect(night.ids).not.toContain('D3-002');
  });

  it('reads values as the loader reads any input: normalised and counted in a note every night, rejects quoting the file', async () => {
    const { data, wh } = await twoDays();
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), ['posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      'D3-001,2025-03-05,500103,重庆宏达建设有限公司,钢筋工（包吃住）,,8,大专',
      'D3-002,2025-03-05,500103,重庆博远物流有限公司,ＪＡＶＡ开发,无, 3 ,本科',
      'D3-003,2052-03-05,500103,重庆长嘉汽车有限公司,汽车装配工,,6,secondary',
      'D3-004,2025-03-05,５００９９９,重庆长嘉汽车有限公司,汽车装配工,,6,secondary',
      'D3-005,2025-03-06,500103,重庆长嘉汽车有限公司,汽车检测员,,2,中职',
      // a date cell in a format the workbook reader does not know as a date (2025年3月5日) arrives as its serial
      'D3-006,45721,500103,重庆长嘉汽车有限公司,汽车检测员,,1,secondary'].join('\n'));
    const night = await nightly(data, wh, 0.5);
    expect(night.report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [4, 'posted_on', '2052-03-05', "发布日期晚于文件日期 — after the file's day 2025-03-05 (a day's grace: 2025-03-06 at the latest)"],
      [5, 'district_code', '５００９９９', expect.stringMatching(/^unknown district_code 500999 — did you mean .*\? \(read as 500999\)$/)],
    ]);
    const rows = (await conn.runAndReadAll(`SELECT posting_id, title, industry_hint, headcount, education FROM raw_postings WHERE posting_id LIKE 'D3-%' ORDER BY 1`)).getRowObjectsJS();
    expect(rows).toEqual([
      { posting_id: 'D3-001', title: '钢筋工（包吃住）', industry_hint: null, headcount: 8, education: 'higher' },
      // free text as written: only codes, numbers, dates and words from a list are rewritten
      { posting_id: 'D3-002', title: 'ＪＡＶＡ开发', industry_hint: null, headcount: 3, education: 'bachelor' },
      { posting_id: 'D3-005', title: '汽车检测员', industry_hint: null, headcount: 2, education: 'secondary' },
      { posting_id: 'D3-006', title: '汽车检测员', industry_hint: null, headcount: 1, education: 'secondary' },
    ]);
    expect((await conn.runAndReadAll(`SELECT posted_on::VARCHAR FROM raw_postings WHERE posting_id = 'D3-006'`)).getRows()).toEqual([['2025-03-05']]);
    const note = `${join(data, 'postings')} (1 of 3 daily files): 规范化 — normalised 7 values before validation: `
      + 'posted_on 1 (e.g. "45721" → "2025-03-05" in 2025-03-05.csv), district_code 1 (e.g. "５００９９９" → "500999" in 2025-03-05.csv), '
      + 'industry_hint 1 (e.g. "无" → "" in 2025-03-05.csv), headcount 1 (e.g. " 3 " → "3" in 2025-03-05.csv), '
      + 'education 3 (e.g. "大专" → "higher" in 2025-03-05.csv)';
    expect(night.report.warnings).toEqual([note]);
    // Said again on a night that converts nothing: the store keeps the rewritten values.
    const later = await nightly(data, wh, 0.5);
    expect(later.result.converted).toEqual([]);
    expect(later.report.warnings).toEqual([note]);
  });

  it('reads a district by name, or as it was before a change (开县, 500234), as its code of today, and skips a 合计 row, as in any input', async () => {
    const { data, wh } = await twoDays();
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), ['posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      'D3-001,2025-03-05,500234,重庆宏达建设有限公司,钢筋工,,8,secondary',
      'D3-002,2025-03-05,开县,重庆博远物流有限公司,仓管员,,3,secondary',
      'D3-003,2025-03-05,渝中区,重庆长嘉汽车有限公司,汽车装配工,,6,secondary',
      'D3-004,2025-03-05,500103,重庆长嘉汽车有限公司,汽车检测员,,2,secondary',
      // a former name after its province, as a board writes a workplace
      'D3-005,2025-03-05,重庆-开县,重庆长嘉汽车有限公司,汽车检测员,,1,secondary',
      '合计,,,,,,20,'].join('\n'));
    const night = await nightly(data, wh);
    expect(night.report.rejects).toEqual([]);
    const rows = (await conn.runAndReadAll(`SELECT posting_id, district_code FROM raw_postings WHERE posting_id LIKE 'D3-%' ORDER BY 1`)).getRows();
    expect(rows).toEqual([['D3-001', '500154'], ['D3-002', '500154'], ['D3-003', '500103'], ['D3-004', '500103'], ['D3-005', '500154']]);
    const day = join(data, 'postings', '2025-03-05.csv');
    // the feed's note sums each field's rewrites over its days, with the first as the example
    const note = `${join(data, 'postings')} (1 of 3 daily files): 规范化 — normalised 4 values before validation: `
      + 'district_code 4 (e.g. "渝中区" → "500103" in 2025-03-05.csv)';
    expect(night.report.warnings).toEqual([
      `${day}: 跳过合计行 — skipped 1 total row (合计/小计/总计, e.g. "合计,,,,,,20,"): figures are summed from the rows themselves`, note]);
    expect(readLedger(join(wh, POSTINGS_STORE)).files['2025-03-05.csv'].rows).toBe(5);
  });

  it('reads a job board\'s export as it comes: its headings, 2025年3月5日, a workplace after its province, 3人 and 若干, the boards\' education levels', async () => {
    const { data, wh } = await twoDays();
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), ['职位编号,发布时间,工作地点,公司名称,职位名称,所属行业,招聘人数,学历要求,薪资',
      'D3-001,2025-03-05 09:12:33,重庆-渝中区,重庆宏达建设有限公司,钢筋工,,8人,大专及以上,8-12K',
      'D3-002,2025年3月5日,重庆市 渝中区,重庆博远物流有限公司,仓管员,,若干,中专/中技,面议',
      'D3-003,2025.3.5,重庆·开州区,重庆长嘉汽车有限公司,汽车装配工,,3名,本科及以上,',
      'D3-004,2025-03-05,重庆,重庆长嘉汽车有限公司,质量工程师,,2,硕士,',
      // a district of Chongqing under another province is no workplace this file can name
      'D3-005,2025-03-05,四川-渝中区,重庆长嘉汽车有限公司,汽车检测员,,2,高中,',
      'D3-006,2025-03-05,渝中区,重庆长嘉汽车有限公司,汽车检测员,,1,高中,',
      'D3-007,2025年2月30日,渝中区,重庆长嘉汽车有限公司,汽车检测员,,1,高中,'].join('\n'));
    const night = await nightly(data, wh, 0.5);
    expect(night.report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [5, 'district_code', '重庆', 'not a 6-digit code — 只写到省（直辖市），未写区县: names a province or the whole city, not a district'],
      [6, 'district_code', '四川-渝中区', 'not a 6-digit code'],
      // a day that does not exist is not made one
      [8, 'posted_on', '2025年2月30日', 'not a date (YYYY-MM-DD)'],
    ]);
    const rows = (await conn.runAndReadAll(`SELECT posting_id, district_code, headcount, education FROM raw_postings WHERE posting_id LIKE 'D3-%' ORDER BY 1`)).getRows();
    // 若干 is at least one; 高中 and 中专/中技 are one tier on every board; a level 及以上 is its least
    expect(rows).toEqual([['D3-001', '500103', 8, 'higher'], ['D3-002', '500103', 1, 'secondary'], ['D3-003', '500154', 3, 'bachelor'],
      ['D3-006', '500103', 1, 'secondary']]);
    const day = join(data, 'postings', '2025-03-05.csv');
    expect(night.report.warnings).toEqual([`${day}: 忽略未知列 — ignored column "薪资" (not in the postings schema)`,
      `${join(data, 'postings')} (1 of 3 daily files): 规范化 — normalised 17 values before validation: `
      + 'posted_on 2 (e.g. "2025年3月5日" → "2025-03-05" in 2025-03-05.csv), headcount 3 (e.g. "8人" → "8" in 2025-03-05.csv), education 7 (e.g. "大专及以上" → "higher" in 2025-03-05.csv), '
      + 'district_code 5 (e.g. "重庆-渝中区" → "500103" in 2025-03-05.csv)']);
  });

  it('reads a time given with its offset from UTC as its day in Beijing time, a day written with its time as the day, and refuses a placeholder headcount', async () => {
    const { data, wh } = await twoDays();
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), ['posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      // 02:00 and 07:30 on the 5th in Beijing; the date written before the time is the 4th
      'D3-001,2025-03-04T18:00:00Z,500103,重庆宏达建设有限公司,钢筋工,,8,secondary',
      'D3-002,2025-03-04T23:30:00+00:00,500103,重庆博远物流有限公司,仓管员,,3,secondary',
      'D3-003,2025-03-05T09:00:00+08:00,500103,重庆长嘉汽车有限公司,汽车装配工,,6,secondary',
      'D3-004,2025年3月5日 08:00,500103,重庆长嘉汽车有限公司,汽车检测员,,2,secondary',
      // a board's "many": no one posting's count
      'D3-005,2025-03-05,500103,重庆长嘉汽车有限公司,普工,,999999999,secondary',
      'D3-006,2025-03-05,500103,重庆长嘉汽车有限公司,普工,,3000000000,secondary'].join('\n'));
    const night = await nightly(data, wh, 0.5);
    expect(night.report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [6, 'headcount', '999999999', 'must be ≤ 10000'],
      [7, 'headcount', '3000000000', 'a whole number too large (above 2,147,483,647) to be a count'],
    ]);
    const rows = (await conn.runAndReadAll(`SELECT posting_id, posted_on::VARCHAR FROM raw_postings WHERE posting_id LIKE 'D3-%' ORDER BY 1`)).getRows();
    expect(rows).toEqual([['D3-001', '2025-03-05'], ['D3-002', '2025-03-05'], ['D3-003', '2025-03-05'], ['D3-004', '2025-03-05']]);
    expect(night.report.warnings).toEqual([`${join(data, 'postings')} (1 of 3 daily files): 规范化 — normalised 4 values before validation: `
      + 'posted_on 4 (e.g. "2025-03-04T18:00:00Z" → "2025-03-05" in 2025-03-05.csv)']);
  });

  it('lists the feed as one input: daily files, postings after de-duplication, a hash of the days', async () => {
    const { data, night } = await twoDays();
    const days = ['2025-03-03.csv', '2025-03-04.csv'];
    const hash = createHash('sha256');
    for (const day of days) hash.update(`${day} ${sha256(join(data, 'postings', day))}\n`);
    expect(night.report.inputs).toEqual([
      ...CLASSIFICATION_TABLES.map((table) => expect.objectContaining({ table, file: join(REFERENCE, `${table}.csv`), rejected: 0 })),
      { table: 'postings', file: join(data, 'postings'), sha256: hash.digest('hex'), rows: 8, rejected: 0, files: 2, latest_file: '2025-03-04.csv' },
    ]);
    CLASSIFICATION_TABLES.forEach((table, i) => {
      const lines = readFileSync(join(REFERENCE, `${table}.csv`), 'utf8').trim().split('\n').length;
      expect(night.report.inputs[i].rows).toBe(lines - 1);
    });
  });

  it('ignores and removes what a killed run left in the store', async () => {
    const data = dataFolder();
    const wh = scratch('wh-');
    await nightly(data, wh);
    const store = join(wh, POSTINGS_STORE);
    const [parquet] = storeFiles(wh).filter((f) => f.endsWith('.parquet'));
    // A conversion renamed into place but never entered in the ledger, and one still under its temporary name.
    cpSync(join(store, parquet), join(store, '2025-03-04.csv.0123456789abcdef.parquet'));
    writeFileSync(join(store, `.tmp-${parquet}`), 'half written');
    const night = await nightly(data, wh);
    expect(night.ids).toEqual(DAY1);
    expect(storeFiles(wh)).toEqual([parquet, 'ledger.json']);
  });

  it('without a postings folder, builds an empty raw_postings with the schema columns', async () => {
    const data = dataFolder();
    rmSync(join(data, 'postings'), { recursive: true });
    const night = await nightly(data, scratch('wh-'));
    expect(night.rows).toEqual([]);
    expect(night.report.inputs.find((i) => i.table === 'postings')).toMatchObject({ files: 0, rows: 0 });
    const columns = (await conn.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = 'raw_postings' ORDER BY ordinal_position`))
      .getRows().map((r) => r[0]);
    expect(columns).toEqual(readSchema('postings').fields.map((f) => f.name));
  });

  it('validates stored days again when the districts they were checked against change', async () => {
    const own = await (await DuckDBInstance.create(':memory:')).connect();
    const data = dataFolder();
    const wh = scratch('wh-');
    writeFileSync(join(data, 'postings/2025-03-06.csv'), [
      'posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education',
      'D6-001,2025-03-06,500103,重庆恒润智能装备有限公司,数控车工,,1,secondary',
      'D6-002,2025-03-06,500199,重庆嘉陵实业有限公司,普工,,1,secondary',
    ].join('\n'));
    const night = async () => {
      const report = await loadInputs(own, { dataDir: data, referenceDir: REFERENCE, policy: { reject_share_max: 0.05 } });
      const result = await loadPostings(own, {
        dataDir: data, referenceDir: REFERENCE, warehouseDir: wh, tmpDir: scratch('postings-tmp-'), policy: { reject_share_max: 0.5 }, report, lookups: report.inputs,
      });
      return { result, report };
    };
    const before = await night();
    expect(before.report.rejects).toEqual([expect.objectContaining({ line: 3, column: 'district_code', value: '500199' })]);
    expect(before.result.postings).toBe(5 + 1);
    // The data folder brings its own districts, with 500199 added.
    writeFileSync(join(data, 'districts.csv'), `${readFileSync(join(REFERENCE, 'districts.csv'), 'utf8').trimEnd()}\n500199,新设区,主城都市区新城\n`);
    const after = await night();
    expect(after.result.converted).toEqual(['2025-03-03.csv', '2025-03-06.csv']);
    expect(after.report.warnings).toContain('postings: 校验依据已变 — the postings schema, the rules of its checks or the districts changed since 2 stored days were loaded; they are validated again');
    expect(after.report.rejects).toEqual([]);
    expect(after.result.postings).toBe(5 + 2);
    expect((await night()).result.converted).toEqual([]);
  });

  it('refuses a day delivered twice, as .csv and as .xlsx', async () => {
    const data = dataFolder();
    writeFileSync(join(data, 'postings/2025-03-03.xlsx'), '');
    await expect(nightly(data, scratch('wh-'))).rejects.toThrow(/2025-03-03\.csv \/ 2025-03-03\.xlsx: 文件重复 — the same day twice/);
  });
});
