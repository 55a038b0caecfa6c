/** Rows computed in JavaScript appended to a table as its columns' types (pipeline/load/append-rows.ts). */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { appendRows } from '../../pipeline/load/append-rows.ts';

describe('appendRows', () => {
  it('appends each value as its column type: text as it is, a missing or non-finite number as NULL', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run('CREATE TABLE t (code VARCHAR, n INTEGER, x DOUBLE, ok BOOLEAN)');
    await appendRows(conn, 't', [
      ["O'Brien 重庆", 3, 0.25, true],
      [null, null, Number.NaN, false],
      ['', -7, Number.POSITIVE_INFINITY, null],
    ]);
    const rows = (await conn.runAndReadAll('SELECT * FROM t')).getRowObjectsJS();
    expect(rows).toEqual([
      { code: "O'Brien 重庆", n: 3, x: 0.25, ok: true },
      { code: null, n: null, x: null, ok: false },
      { code: '', n: -7, x: null, ok: null },
    ]);
  });

  it('refuses a row whose values do not match the columns, and appends none of the rows', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run('CREATE TABLE t (code VARCHAR, n INTEGER)');
    await expect(appendRows(conn, 't', [['a', 1], ['b']])).rejects.toThrow(/a row of 1 values for 2 columns/);
    expect((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM t')).getRows()[0][0]).toBe(0);
  });
});
