import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { exportArrow } from '../../pipeline/export/export-arrow.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const arrowPath = (name: string) => {
  made.push(mkdtempSync(join(tmpdir(), 'arrow-')));
  return join(made[made.length - 1], name);
};

async function connect() {
  return (await DuckDBInstance.create(':memory:')).connect();
}

describe('exportArrow', () => {
  it('writes Int32, Float64, Bool and plain Utf8 columns with nulls, across record batches', async () => {
    const conn = await connect();
    // 70,000 rows > one 65,536-row batch, so the file holds two batches.
    await conn.run(`CREATE TABLE mart_t AS SELECT i::INTEGER AS n, CASE WHEN i % 7 = 0 THEN NULL ELSE '区' || i END AS name,
      i / 4 :: DOUBLE AS ratio, i % 2 = 0 AS even FROM range(70000) r(i)`);
    const path = arrowPath('mart_t.arrow');
    expect(await exportArrow(conn, 'mart_t', path)).toBe(70000);
    const table = tableFromIPC(readFileSync(path));
    expect(table.batches.length).toBe(2);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['n:Int32', 'name:Utf8', 'ratio:Float64', 'even:Bool']);
    expect(table.get(69999)?.toJSON()).toEqual({ n: 69999, name: '区69999', ratio: 17499.75, even: false });
    expect(table.get(7)?.toJSON().name).toBeNull();
  });

  it('keeps each row’s values together when DuckDB reads the table on several threads (three row groups)', async () => {
    const conn = await (await DuckDBInstance.create(':memory:', { threads: '4' })).connect();
    await conn.run(`CREATE TABLE mart_p AS SELECT i::INTEGER AS n, CASE WHEN i % 5 = 0 THEN NULL ELSE 'r' || i END AS name, (i * 2)::DOUBLE AS twice
      FROM range(300000) r(i)`);
    const path = arrowPath('mart_p.arrow');
    expect(await exportArrow(conn, 'mart_p', path)).toBe(300000);
    const table = tableFromIPC(readFileSync(path));
    const [n, name, twice] = ['n', 'name', 'twice'].map((c) => table.getChild(c)!.toArray() as ArrayLike<unknown>);
    const broken: number[] = [];
    for (let i = 0; i < table.numRows; i++) {
      const k = n[i] as number;
      if (name[i] !== (k % 5 === 0 ? null : `r${k}`) || twice[i] !== k * 2) broken.push(i);
    }
    expect(broken).toEqual([]);
    expect(new Set(Array.from(n as ArrayLike<number>)).size).toBe(300000);
  });

  it('keeps the schema of an empty table', async () => {
    const conn = await connect();
    await conn.run('CREATE TABLE mart_e AS SELECT 1::INTEGER AS n WHERE false');
    const path = arrowPath('mart_e.arrow');
    expect(await exportArrow(conn, 'mart_e', path)).toBe(0);
    expect(tableFromIPC(readFileSync(path)).schema.fields.map((f) => f.name)).toEqual(['n']);
  });

  it('refuses a BIGINT column, which the browser would receive as bigint', async () => {
    const conn = await connect();
    await conn.run('CREATE TABLE mart_b AS SELECT count(*) AS n FROM range(3)');
    await expect(exportArrow(conn, 'mart_b', '/tmp/never.arrow')).rejects.toThrow(/mart_b\.n: type BIGINT/);
  });
});
