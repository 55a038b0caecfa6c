import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsWith, load, loadFailure, query, removeInputs } from './helpers.ts';

afterAll(removeInputs);

const PROGRAMME = '2024,5001000001,460609,100,96,280,85,0.93,active';

describe('header matching', () => {
  it('accepts Chinese titles mixed with field names, in any column order', async () => {
    const { report, conn } = await load(
      await inputsWith({
        'demand.csv': '求职人数,年份,district_code,产业代码,层次,openings\n60,2024,500103,low_altitude,higher,120\n',
      }),
    );
    expect(report.warnings).toEqual([]);
    expect(await query(conn, `FROM raw_demand`)).toEqual([
      { year: 2024, district_code: '500103', industry_code: 'low_altitude', level: 'higher', openings: 120, seekers: 60 },
    ]);
  });

  it('says the header is below the lines searched, naming its line, when notes above it are many', async () => {
    const HEADER = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';
    const notes = Array.from({ length: 13 }, (_, i) => `填表说明${i + 1}：本表按学年填报`);
    const dir = await inputsWith({ 'programmes.csv': [...notes, HEADER, PROGRAMME, ''].join('\n') });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'programmes.csv')}:14: 表头不在前 12 行 — the header is on line 14, `
      + 'below the first 12 lines where it is looked for: delete the notes or titles above it');
  });

  it('says no header was found when none of the lines searched names any column', async () => {
    const notes = Array.from({ length: 13 }, (_, i) => `填表说明${i + 1}：本表按学年填报`);
    const dir = await inputsWith({ 'programmes.csv': [...notes, PROGRAMME, ''].join('\n') });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'programmes.csv')}: 未找到表头 — no line among the first 12 names a column `
      + 'of programmes (year 年份, school_code 学校标识码, major_code 专业代码 …): the header row must be within the first 12 lines; '
      + 'delete the notes or titles above it');
  });

  it('aborts when required columns are missing, naming each with its title', async () => {
    const dir = await inputsWith({ 'programmes.csv': 'year,school_code,enrolled,students,status\n2024,5001000001,96,280,active\n' });
    const error = await loadFailure(dir);
    expect(error.name).toBe('LoadError');
    expect(error.message).toBe(
      `${join(dir, 'programmes.csv')}: 缺少必需列 — missing required column major_code (专业代码), plan (招生计划)`,
    );
  });

  it.each([[';', 'semicolons (;)'], ['\t', 'tabs']])('says a file separated by %j is not comma-separated, instead of suggesting the line as a heading', async (separator, named) => {
    const text = ['年份,学校标识码,专业代码,招生计划,实际招生,在校生,毕业生,就业率,状态', PROGRAMME].map((l) => l.replaceAll(',', separator)).join('\n');
    const dir = await inputsWith({ 'programmes.csv': `${text}\n` });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'programmes.csv')}: 分隔符不是逗号 — the header is one column whose headings are `
      + `separated by ${named}, not commas: save the file as "CSV UTF-8 (comma delimited)"`);
  });

  it('fills missing optional columns with NULL and says so', async () => {
    const dir = await inputsWith({
      'programmes.csv': 'year,school_code,major_code,plan,enrolled,students,status\n2024,5001000001,460609,100,96,280,active\n',
    });
    const { report, conn } = await load(dir);
    const file = join(dir, 'programmes.csv');
    expect(report.warnings).toEqual([
      `${file}: 可选列缺失 — optional column graduates (毕业生) absent, filled with NULL`,
      `${file}: 可选列缺失 — optional column employment_rate (就业率) absent, filled with NULL`,
    ]);
    expect(await query(conn, `SELECT plan, graduates, employment_rate FROM raw_programmes`)).toEqual([
      { plan: 100, graduates: null, employment_rate: null },
    ]);
  });

  it('warns about and skips unknown columns; empty trailing header cells are ignored silently', async () => {
    const dir = await inputsWith({
      'programmes.csv':
        'year,school_code,major_code,备注,plan,enrolled,students,graduates,employment_rate,status,,\n' +
        '2024,5001000001,460609,新设,100,96,280,85,0.93,active,,\n',
    });
    const { report, conn } = await load(dir);
    expect(report.warnings).toEqual([`${join(dir, 'programmes.csv')}: 忽略未知列 — ignored column "备注" (not in the programmes schema)`]);
    expect(await query(conn, `SELECT major_code, plan, status FROM raw_programmes`)).toEqual([
      { major_code: '460609', plan: 100, status: 'active' },
    ]);
  });

  it('aborts when a field is given twice (by name and by title)', async () => {
    const dir = await inputsWith({
      'programmes.csv': `year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status,专业代码\n${PROGRAMME},460609\n`,
    });
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'programmes.csv')}: 重复列 — column major_code (专业代码) appears twice (columns 3 and 10)`,
    );
  });
});
