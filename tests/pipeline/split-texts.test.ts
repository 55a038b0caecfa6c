/**
 * Per-school files read their text columns as ids into lists of distinct values (split-marts.ts):
 * each school's file must be the same bytes as one written from the texts themselves, NULLs,
 * quotes and long Chinese names included, and leave no list behind on the connection.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { exportSplitMarts } from '../../pipeline/export/split-marts.ts';
import { arrowFile, type ColumnSpec } from '../../pipeline/export/arrow-columns.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const COLUMNS: ColumnSpec[] = [
  { name: 'school_code', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' },
  { name: 'major_name', type: 'VARCHAR' },
  { name: 'note', type: 'VARCHAR' },
  { name: 'students', type: 'INTEGER' },
];

describe('per-school files with texts read by id', () => {
  it('writes the same bytes as from the texts, one file per school', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run('CREATE TABLE dim_district (district_code VARCHAR)');
    await conn.run(`CREATE TABLE mart_school_programme AS SELECT * FROM (VALUES
      ('4100000001', 2025, '人工智能数据工程技术（含"智能"方向）', NULL, 40),
      ('4100000001', 2024, '人工智能数据工程技术（含"智能"方向）', '停招', 35),
      ('4100000001', 2025, '会计', NULL, 60),
      ('4100000002', 2025, '会计', '备案', NULL),
      ('4100000002', 2025, NULL, NULL, 12)
    ) AS t(school_code, year, major_name, note, students)`);
    await conn.run('ALTER TABLE mart_school_programme ALTER year TYPE INTEGER');
    await conn.run('ALTER TABLE mart_school_programme ALTER students TYPE INTEGER');
    const dir = mkdtempSync(join(tmpdir(), 'split-'));
    made.push(dir);
    const split = await exportSplitMarts(conn, dir);
    expect(split.find((s) => s.name === 'schools/mart_school_programme')).toMatchObject({ files: 2, rows: 5 });
    // Each school's rows ordered by every column, as the files are, read as JS values.
    const rows = (await conn.runAndReadAll(`SELECT * FROM mart_school_programme ORDER BY ALL`)).getRowsJS();
    for (const code of ['4100000001', '4100000002']) {
      const mine = rows.filter((r) => r[0] === code);
      const expected = arrowFile(COLUMNS, COLUMNS.map((_, c) => mine.map((r) => r[c])));
      expect(Buffer.from(readFileSync(join(dir, 'schools', `${code}.arrow`))).equals(Buffer.from(expected)), code).toBe(true);
    }
    const left = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE temporary`)).getRowsJS();
    expect(left[0][0]).toBe(0);
  });
});
