import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../pipeline/load/index.ts';
import { assertRegularFile } from '../../pipeline/load/stable-file.ts';
import { listDailyFiles } from '../../pipeline/postings/daily-files.ts';
import { FIXTURES, inputsWith, load, loadFailure, query, removeInputs, VALID } from './helpers.ts';

afterAll(removeInputs);

const HEADER = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';
const VALID_PROGRAMMES = [
  '2024,5001000001,460609,100,96,280,85,0.93,active',
  '2024,5001000001,510201,120,118,350,,,active',
  '2024,5001000002,460601,60,55,160,50,0.9,active',
  '2024,5001000003,710201,80,80,240,75,,suspended',
];

describe('files that abort the load', () => {
  it('a header without data rows', async () => {
    const dir = await inputsWith({ 'programmes.csv': `${HEADER}\n` });
    const error = await loadFailure(dir);
    expect(error.name).toBe('LoadError');
    expect(error.message).toBe(`${join(dir, 'programmes.csv')}: 文件为空 — empty file (no data rows)`);
  });

  it('rows without any value (spreadsheet padding) count as no data', async () => {
    const dir = await inputsWith({ 'demand.csv': 'year,district_code,industry_code,level,openings,seekers\n,,,,,\n,,,,,\n' });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'demand.csv')}: 文件为空 — empty file (no data rows)`);
  });

  it('a zero-byte file', async () => {
    const dir = await inputsWith({ 'schools.csv': '' });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'schools.csv')}: 文件为空 — empty file (no header, no data rows)`);
  });

  it('a missing file, naming both places a reference table may come from', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'programmes.csv'));
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'programmes.csv')}: 缺少必需文件 — missing required file (programmes.csv or programmes.xlsx in ${dir})`,
    );
    await rm(join(dir, 'majors.csv'));
    const reference = join(FIXTURES, 'no-reference');
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'majors.csv')}: 缺少必需文件 — missing required file (majors.csv or majors.xlsx in ${dir} or ${reference})`,
    );
  });

  it('both a .csv and an .xlsx for one table', async () => {
    const dir = await inputsWith();
    await copyFile(join(VALID, 'demand.csv'), join(dir, 'demand.xlsx'));
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'demand.csv')} / ${join(dir, 'demand.xlsx')}: 文件重复 — both present, keep only one`,
    );
  });

  it('a file that cannot be read: a folder in its place, or an .xlsx that is not one', async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'schools.csv'));
    await mkdir(join(dir, 'schools.csv'));
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'schools.csv')}: 不是普通文件 — not a regular file but a folder: an input must be a file saved on disk`,
    );
    await rm(join(dir, 'schools.csv'), { recursive: true });
    await writeFile(join(dir, 'schools.xlsx'), 'not a zip file');
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'schools.xlsx')}: 不是有效的 xlsx 文件 — not an xlsx (zip) file`,
    );
  });

  it('a file whose lines end in CR LF and in LF alone, or in CR alone, names it rather than failing in the reader', async () => {
    const lines = ['year,district_code,industry_code,level,openings,seekers', '2024,500103,low_altitude,higher,120,60', '2024,500106,ai,higher,300,150'];
    const mixed = await inputsWith({ 'demand.csv': `${lines[0]}\n${lines[1]}\r\n${lines[2]}\n` });
    expect((await loadFailure(mixed)).message).toBe(`${join(mixed, 'demand.csv')}:2: 换行符不一致 — lines end in LF alone (line 1) and in CR LF (line 2), `
      + 'which the reader cannot follow (files joined or edited by different tools?); save the file as "CSV UTF-8"');
    const mac = await inputsWith({ 'demand.csv': `${lines.join('\r')}\r` });
    expect((await loadFailure(mac)).message).toMatch(/demand\.csv: 单独的回车符 — a carriage return \(CR\) stands without a line feed/);
  });

  it("a device or a named pipe in a file's place, which reading would never finish: an input or a day of postings", async () => {
    const dir = await inputsWith();
    await rm(join(dir, 'schools.csv'));
    await symlink('/dev/zero', join(dir, 'schools.csv'));
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'schools.csv')}: 不是普通文件 — not a regular file but a device: an input must be a file saved on disk`,
    );
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => assertRegularFile(fifo)).toThrow(`${fifo}: 不是普通文件 — not a regular file but a named pipe`);
    await mkdir(join(dir, 'postings'), { recursive: true });
    await symlink(fifo, join(dir, 'postings', '2025-03-03.csv'));
    expect(() => listDailyFiles(dir, () => {}, new Date('2025-03-04'))).toThrow(`${join(dir, 'postings', '2025-03-03.csv')}: 不是普通文件`);
  });
});

describe('reject share threshold', () => {
  // Four valid rows and one with a negative plan: 1 of 5 rows = 20.0 % rejected.
  const programmes = [HEADER, ...VALID_PROGRAMMES, '2025,5001000001,460609,-1,96,280,85,0.93,active', ''].join('\n');

  it('aborts above reject_share_max, naming the table, the share, the threshold and the first rejects', async () => {
    const dir = await inputsWith({ 'programmes.csv': programmes });
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const file = join(dir, 'programmes.csv');
    const error = await loadInputs(conn, { dataDir: dir, referenceDir: dir, policy: { reject_share_max: 0.05 } }).catch((e: Error) => e);
    expect((error as Error).name).toBe('LoadError');
    expect((error as Error).message).toBe(
      `${file}: 拒收比例过高 — 20.0% of rows rejected (1 of 5), above load.reject_share_max 5.0%; first rejects:\n` +
        `  ${file}:6:plan: -1 — 应不小于 0 — must be ≥ 0`,
    );
    // Tables before programmes were loaded; programmes itself was not created.
    expect(await query(conn, `SELECT table_name FROM duckdb_tables() WHERE table_name = 'raw_programmes'`)).toEqual([]);
  });

  it('quotes at most the first ten rejects', async () => {
    const bad = Array.from({ length: 12 }, (_, i) => `${2021 + i},5001000001,460609,-1,96,280,85,0.93,active`);
    const error = await loadFailure(await inputsWith({ 'programmes.csv': [HEADER, ...bad].join('\n') }));
    const quoted = error.message.split('\n').slice(1);
    // Data lines 2..13 are all rejected; lines 2..11 are quoted.
    expect(quoted.map((l) => /:(\d+):plan:/.exec(l)?.[1])).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('loads at exactly the threshold', async () => {
    const { report } = await load(await inputsWith({ 'programmes.csv': programmes }), 0.2);
    expect(report.inputs.find((i) => i.table === 'programmes')).toMatchObject({ rows: 4, rejected: 1 });
  });
});
