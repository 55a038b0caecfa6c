import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../pipeline/load/index.ts';
import { duckdbType, rawTable, readSchema, REFERENCE_TABLES, storedFields, TABLES } from '../../pipeline/config/schema.ts';
import { inputsWith, load, query, removeInputs, VALID } from './helpers.ts';

afterAll(removeInputs);

describe('loadInputs on a valid input set', () => {
  it('creates every raw_ table with the schema columns and types, programmes with where each code came from', async () => {
    const { conn } = await load(VALID);
    for (const table of TABLES) {
      const columns = await query(conn, `SELECT column_name, column_type FROM (DESCRIBE ${rawTable(table)})`);
      const expected = storedFields(readSchema(table)).map((f) => ({ column_name: f.name, column_type: duckdbType(f) }));
      if (table === 'programmes') expected.push({ column_name: 'source_major_code', column_type: 'VARCHAR' }, { column_name: 'catalogue', column_type: 'VARCHAR' });
      expect(columns, table).toEqual(expected);
    }
  });

  it('reports each file with its hash and row count, and no rejects or warnings', async () => {
    const { report } = await load(VALID);
    // Rows hand-counted in tests/fixtures/load/valid.
    const rows = { districts: 3, majors: 4, industries: 2, industry_segments: 3, crosswalk: 4, crosswalk_defaults: 3, schools: 3, programmes: 4, demand: 3 };
    expect(report.inputs.map((i) => [i.table, i.rows, i.rejected])).toEqual(Object.entries(rows).map(([t, n]) => [t, n, 0]));
    const programmes = report.inputs.find((i) => i.table === 'programmes')!;
    expect(programmes.file).toBe(join(VALID, 'programmes.csv'));
    expect(programmes.sha256).toBe(createHash('sha256').update(await readFile(programmes.file)).digest('hex'));
    expect(report.rejects).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('leaves only the raw_ tables behind, also after rejects (which need the line map)', async () => {
    const demand = 'year,district_code,industry_code,level,openings,seekers\n2024,500103,ai,higher,-1,60\n2024,500106,ai,higher,1,60\n';
    const { conn, report } = await load(await inputsWith({ 'demand.csv': demand }));
    expect(report.rejects).toHaveLength(1);
    const tables = await query(conn, `SELECT table_name FROM duckdb_tables() ORDER BY 1`);
    // and the optional former districts and proposal to track, empty without a file (or an archived plan)
    expect(tables.map((t) => t.table_name)).toEqual([...TABLES, 'former_districts', 'plan_proposals'].map(rawTable).sort());
  });

  it('names an industry-year with no demand rows between years that have them, read as no openings', async () => {
    const demand = ['year,district_code,industry_code,level,openings,seekers',
      ...[2022, 2023, 2024].flatMap((y) => [`${y},500106,ai,higher,300,150`, ...(y === 2023 ? [] : [`${y},500103,low_altitude,higher,120,60`])])].join('\n');
    const dir = await inputsWith({ 'demand.csv': demand });
    const { report } = await load(dir);
    expect(report.warnings).toEqual([`${join(dir, 'demand.csv')}: 需求年份缺失 — 1 industry-year between an industry's first and last year has no rows `
      + 'while other industries have (low_altitude 2023): read as no openings asked for; if rows were left out of the file, add them']);
  });

  it('rejects a proposal whose base plan is not the programme\'s plan the year before, or whose major is not of its school\'s level', async () => {
    const proposals = ['plan_year,school_code,major_code,plan,proposed',
      '2025,5001000001,460609,100,130', // the 2024 plan: tracked
      '2025,5001000001,510201,500,400', // 2024 plan 120
      '2025,5001000002,510201,80,0', // not run in 2024
      '2025,5001000003,460609,0,30', // a 高职 major at a 中职 school
      '2025,5001000002,460609,0,40'].join('\n'); // opens a major it did not run: base 0
    const { report, conn } = await load(await inputsWith({ 'plan_proposals.csv': proposals }), 1);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, 'plan', '500', '基数计划与专业点数据中的计划不符 — base plan 500 is not the plan of 5001000001 510201 in 2024 in the programmes input (120): a proposal is measured from the plan it changed'],
      [4, 'plan', '80', '基数计划与专业点数据中的计划不符 — base plan 80 is not the plan of 5001000002 510201 in 2024 in the programmes input (not run that year: 0): a proposal is measured from the plan it changed'],
      [5, 'major_code', '460609', '专业层次与学校层次不符 — major 460609 无人机应用技术 is of level higher but school 5001000003 渝北示例中等职业学校 is secondary: no programme of it can be planned there'],
    ]);
    expect(await query(conn, 'SELECT school_code, major_code FROM raw_plan_proposals ORDER BY ALL')).toEqual([
      { school_code: '5001000001', major_code: '460609' }, { school_code: '5001000002', major_code: '460609' },
    ]);
  });

  it('types values: empty optional fields are NULL, booleans and numbers are typed', async () => {
    const { conn } = await load(VALID);
    // Line 3 of programmes.csv leaves graduates and employment_rate empty.
    expect(await query(conn, `SELECT graduates, employment_rate, students FROM raw_programmes WHERE major_code = '510201'`)).toEqual([
      { graduates: null, employment_rate: null, students: 350 },
    ]);
    expect(await query(conn, `SELECT major_code, digital FROM raw_majors WHERE major_code IN ('460601', '460609') ORDER BY 1`)).toEqual([
      { major_code: '460601', digital: false },
      { major_code: '460609', digital: true },
    ]);
  });

  it('takes reference tables missing from the data folder from the reference folder', async () => {
    const dataDir = await inputsWith();
    for (const table of REFERENCE_TABLES) await rm(join(dataDir, `${table}.csv`));
    const { report } = await load(dataDir, 0.05, VALID);
    expect(report.inputs.map((i) => i.file)).toEqual(
      TABLES.map((t) => join(REFERENCE_TABLES.includes(t) ? VALID : dataDir, `${t}.csv`)),
    );
  });

  it('reports progress per table through effects and leaves no temporary files', async () => {
    const tmpDir = await mkdtemp(join(tmpdir(), 'load-tmp-'));
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const progress: [string, number, number][] = [];
    const warnings: string[] = [];
    await loadInputs(conn, {
      dataDir: VALID,
      referenceDir: VALID,
      policy: { reject_share_max: 0.05 },
      effects: { progress: (...args) => progress.push(args), warn: (msg) => warnings.push(msg) },
      tmpDir,
    });
    expect(progress).toEqual(TABLES.map((t, i) => [t, i + 1, TABLES.length]));
    expect(warnings).toEqual([]);
    expect(await readdir(tmpDir)).toEqual([]);
    await rm(tmpDir, { recursive: true });
  });
});
