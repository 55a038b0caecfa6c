/** Reading rows with their text columns packed into one string, each row made by one object literal, must give the rows DuckDB gives. */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { readRows } from '../../pipeline/transform/read-rows.ts';

describe('readRows', () => {
  it('gives the same rows, in order, as converting every value, for awkward text and NULLs', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      (1, 'a', NULL, 1.5::DOUBLE, true, 'x'),
      (2, '', 'b' || chr(31) || 'c', NULL, false, chr(1) || '1' || chr(1)),
      (3, chr(2), chr(1) || '2' || chr(31) || chr(30), -0.1::DOUBLE, NULL, '逗号,引号" 换行' || chr(10)),
      (4, NULL, NULL, 1e-7::DOUBLE, true, NULL)
    ) AS v(n, "a b", "quote""d", d, flag, zh)`);
    const sql = 'SELECT * FROM t ORDER BY n DESC';
    const plain = (await conn.runAndReadAll(sql)).getRowObjectsJS();
    const rows = await readRows(conn, sql);
    expect(rows).toEqual(plain);
    expect(rows.map((r) => Object.keys(r))).toEqual(plain.map((r) => Object.keys(r)));
    expect(rows[2]['a b']).toBe('');
    expect(rows[0]['a b']).toBeNull();
  });

  it('gives the rows of queries with no text column, one, a repeated value and awkward column names', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    for (const sql of [
      'SELECT range::INTEGER AS n, range * 0.5 AS half FROM range(5)',
      `SELECT range::INTEGER AS n, CASE WHEN range % 2 = 0 THEN 'even' END AS kind FROM range(5)`,
      `SELECT 'same' AS "a""b", 'x' AS "c'd", 1 AS "e}f", 'same' AS "\\", 'z' AS "constructor" FROM range(3)`,
    ]) {
      const plain = (await conn.runAndReadAll(sql)).getRowObjectsJS();
      const rows = await readRows(conn, sql);
      expect(rows).toEqual(plain);
      expect(rows.map((r) => Object.keys(r))).toEqual(plain.map((r) => Object.keys(r)));
    }
  });
});
