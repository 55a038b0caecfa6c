/**
 * A school's own file (a school account's accepted upload) replaces its schools' rows of an input,
 * whoever delivered the rest: loaded and checked as a file of its own, counted in a note, never
 * holding another school's rows; the accepted record keeps the newest file of each school.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadInputs } from '../../pipeline/load/index.ts';
import { partsAfterWhole, readAccepted, uploadsDir, withPart } from '../../pipeline/config/accepted-inputs.ts';
import { locateBaseInputs } from '../../pipeline/refresh/base-key.ts';
import { FIXTURES, inputsFrom, inputsWith, query, removeInputs, VALID } from './helpers.ts';

afterAll(removeInputs);

const referenceDir = join(FIXTURES, 'no-reference');
const HEAD = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';

async function loadWithParts(dataDir: string, parts: Parameters<typeof loadInputs>[1]['parts'], rejectShareMax = 0.5) {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const report = await loadInputs(conn, { dataDir, referenceDir, policy: { reject_share_max: rejectShareMax }, parts });
  return { conn, report };
}

describe('a school\'s own file', () => {
  it('replaces its school\'s rows, checked by its own lines, and leaves every other school\'s as the folder has them', async () => {
    const dataDir = await inputsWith({
      'mine.csv': `${HEAD}\n2024,5001000001,460609,150,140,300,90,0.95,active\n2024,5001000001,999999,10,10,30,,,active\n`,
    });
    const { conn, report } = await loadWithParts(dataDir, { programmes: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000001'], covers: [] }] });
    expect(await query(conn, 'SELECT school_code, major_code, plan FROM raw_programmes ORDER BY ALL')).toEqual([
      { school_code: '5001000001', major_code: '460609', plan: 150 },
      { school_code: '5001000002', major_code: '460601', plan: 60 },
      { school_code: '5001000003', major_code: '710201', plan: 80 },
    ]);
    const part = report.inputs.find((i) => i.file.endsWith('mine.csv'))!;
    expect(part).toMatchObject({ table: 'programmes', rows: 1, rejected: 1, schools: ['5001000001'] });
    expect(report.rejects.filter((r) => r.file.endsWith('mine.csv')).map((r) => [r.line, r.column, r.value])).toEqual([[3, 'major_code', '999999']]);
    expect(report.warnings).toContain(`${join(dataDir, 'mine.csv')}: 学校报送替换本校数据 — the rows of 5001000001 in 2024 replaced by this school's own file: 2 rows before, 1 now`);
    expect(report.parts).toEqual([{ file: join(dataDir, 'mine.csv'), schools: ['5001000001'], years: [2024], covers: ['5001000001 2024'], replaced: 2, rows: 1 }]);
  });

  it('replaces only the schools and years it holds rows of: a group\'s file of one school, or a file of one year, takes nothing else away', async () => {
    const dataDir = await inputsWith({
      'programmes.csv': `${HEAD}\n2023,5001000001,460609,90,90,270,80,0.9,active\n2024,5001000001,460609,100,96,280,85,0.93,active\n`
        + '2024,5001000002,460601,60,55,160,50,0.9,active\n',
      'mine.csv': `${HEAD}\n2024,5001000001,460609,150,140,300,90,0.95,active\n`,
    });
    const { conn, report } = await loadWithParts(dataDir, { programmes: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000001', '5001000002'], covers: [] }] });
    expect(await query(conn, 'SELECT year, school_code, plan FROM raw_programmes ORDER BY ALL')).toEqual([
      { year: 2023, school_code: '5001000001', plan: 90 },
      { year: 2024, school_code: '5001000001', plan: 150 },
      { year: 2024, school_code: '5001000002', plan: 60 },
    ]);
    expect(report.parts).toEqual([expect.objectContaining({ schools: ['5001000001'], years: [2024], covers: ['5001000001 2024'], replaced: 1, rows: 1 })]);
  });

  it('takes the rows it replaces out of the main file before they are checked: a school\'s change is not the main file\'s reject', async () => {
    // The school becomes a 高职 school, with its own programmes of that level: the main file's 中职 row of it is replaced, not rejected.
    const dataDir = await inputsWith({
      'me.csv': 'school_code,school_name,level,district_code,ownership\n5001000003,渝北示例中等职业学校,higher,500112,public\n',
      'mine.csv': `${HEAD}\n2024,5001000003,510201,40,40,40,,,active\n`,
    });
    const { conn, report } = await loadWithParts(dataDir, {
      schools: [{ file: join(dataDir, 'me.csv'), schools: ['5001000003'], covers: [] }],
      programmes: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000003'], covers: [] }],
    });
    expect(report.rejects).toEqual([]);
    expect(report.inputs.find((i) => i.file === join(dataDir, 'programmes.csv'))).toMatchObject({ rows: 3, rejected: 0, replaced: 1 });
    expect(await query(conn, `SELECT major_code FROM raw_programmes WHERE school_code = '5001000003'`)).toEqual([{ major_code: '510201' }]);
  });

  it('is listed as its school\'s file even when none of its rows loads, replacing nothing', async () => {
    const dataDir = await inputsWith({ 'mine.csv': `${HEAD}\n2024,5001000001,999999,10,10,30,,,active\n` });
    const { conn, report } = await loadWithParts(dataDir, { programmes: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000001'], covers: [] }] }, 1);
    expect(report.inputs.find((i) => i.file.endsWith('mine.csv'))).toMatchObject({ rows: 0, rejected: 1, schools: ['5001000001'] });
    expect((await query(conn, `SELECT count(*)::INTEGER AS n FROM raw_programmes WHERE school_code = '5001000001'`))[0].n).toBe(2);
  });

  it('stops the load on a row of a school not its own', async () => {
    const dataDir = await inputsWith({ 'mine.csv': `${HEAD}\n2024,5001000002,460601,61,55,160,50,0.9,active\n` });
    await expect(loadWithParts(dataDir, { programmes: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000001'], covers: [] }] }))
      .rejects.toThrow(`${join(dataDir, 'mine.csv')}: 含其他学校的数据 — 1 rows of schools other than this account's (5001000002)`);
  });

  it('replaces the school\'s own row of the schools table, which later tables then read', async () => {
    const dataDir = await inputsWith({ 'me.csv': 'school_code,school_name,level,district_code,ownership\n5001000002,沙坪坝示例职业技术学院（新名）,higher,500106,private\n' });
    const { conn } = await loadWithParts(dataDir, { schools: [{ file: join(dataDir, 'me.csv'), schools: ['5001000002'], covers: [] }] });
    expect(await query(conn, 'SELECT school_code, school_name FROM raw_schools ORDER BY 1')).toEqual([
      { school_code: '5001000001', school_name: '渝中示例职业学院' },
      { school_code: '5001000002', school_name: '沙坪坝示例职业技术学院（新名）' },
      { school_code: '5001000003', school_name: '渝北示例中等职业学校' },
    ]);
    expect((await query(conn, 'SELECT count(*)::INTEGER AS n FROM raw_programmes'))[0].n).toBe(4);
  });

  it('gives a 备案 listing without a figures file the figures of the schools that sent their own', async () => {
    const listing = ['年份,学校代码,专业代码', '2024,5001000001,460609', '2024,5001000001,510201', '2024,5001000002,460601'].join('\n');
    const dataDir = await inputsFrom(VALID, {
      'programme_listing.csv': listing,
      'mine.csv': `${HEAD}\n2024,5001000001,460609,100,96,280,85,0.93,active\n2024,5001000001,510201,120,118,350,,,active\n`,
    }, ['programmes.csv']);
    const { conn, report } = await loadWithParts(dataDir, { programme_figures: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000001'], covers: [] }] });
    expect(report.rejects).toEqual([]);
    expect(await query(conn, 'SELECT school_code, major_code, plan, students FROM raw_programmes ORDER BY ALL')).toEqual([
      { school_code: '5001000001', major_code: '460609', plan: 100, students: 280 },
      { school_code: '5001000001', major_code: '510201', plan: 120, students: 350 },
      { school_code: '5001000002', major_code: '460601', plan: null, students: null },
    ]);
  });

  it('refuses a school\'s listing or figures where the programmes come from a programmes file', async () => {
    const dataDir = await inputsWith({ 'f.csv': 'x\n' });
    await expect(loadWithParts(dataDir, { programme_figures: [{ file: join(dataDir, 'f.csv'), schools: ['5001000001'], covers: [] }] }))
      .rejects.toThrow('学校报送的备案名单或招生数据无法读取');
  });

  it('makes the next nightly a full run: the base inputs include it', async () => {
    const dataDir = await inputsWith({ 'mine.csv': `${HEAD}\n2024,5001000001,460609,150,140,300,90,0.95,active\n` });
    const without = await locateBaseInputs(dataDir, referenceDir);
    const withPartFile = await locateBaseInputs(dataDir, referenceDir, {}, { programmes: [{ file: join(dataDir, 'mine.csv'), schools: ['5001000001'], covers: [] }] });
    expect(withPartFile!.length).toBe(without!.length + 1);
  });
});

describe('the accepted record', () => {
  it('keeps each school\'s newest file of a year, and an older file while something of it has no newer one', () => {
    const schools = ['5001000001', '5001000002'];
    const group = { file: 'a.csv', schools, covers: ['5001000001 2024', '5001000002 2024'] };
    const one = { file: 'b.csv', schools, covers: ['5001000001 2024'] };
    expect(withPart(withPart({}, 'programmes', group), 'programmes', one)).toEqual({ programmes: [group, one] });
    const other = { file: 'c.csv', schools, covers: ['5001000002 2024', '5001000002 2025'] };
    expect(withPart({ programmes: [group, one] }, 'programmes', other)).toEqual({ programmes: [one, other] });
    // A later year leaves the earlier years' file standing.
    const later = { file: 'd.csv', schools, covers: ['5001000001 2025'] };
    expect(withPart({ programmes: [one] }, 'programmes', later)).toEqual({ programmes: [one, later] });
    // The file being checked stands, even before anything of it is known.
    expect(withPart({ programmes: [one] }, 'programmes', { file: 'e.csv', schools, covers: [] })).toEqual({ programmes: [one, { file: 'e.csv', schools, covers: [] }] });
  });

  it('drops the schools\' files of an input accepted whole, and of the listing a programmes file takes out', () => {
    const parts = { programmes: [{ file: 'a.csv', schools: ['1'], covers: [] }], programme_figures: [{ file: 'b.csv', schools: ['1'], covers: [] }], schools: [{ file: 'c.csv', schools: ['1'], covers: [] }] };
    expect(Object.keys(partsAfterWhole(parts, ['programmes']))).toEqual(['schools']);
    expect(Object.keys(partsAfterWhole(parts, ['programme_listing', 'programme_figures']))).toEqual(['programmes', 'schools']);
  });

  it('reads a record written before the schools\' files as the files alone', () => {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'accepted-record-'));
    mkdirSync(uploadsDir(warehouseDir));
    writeFileSync(join(uploadsDir(warehouseDir), 'accepted.json'), '{ "demand": "4-0123456789abcdef.csv" }');
    expect(readAccepted(warehouseDir)).toEqual({ files: { demand: '4-0123456789abcdef.csv' }, school_parts: {} });
  });
});
