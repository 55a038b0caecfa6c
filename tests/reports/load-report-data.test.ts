/** Reading rows with their text columns packed into one string must give the rows DuckDB gives. */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { read } from '../../pipeline/reports/load-report-data.ts';

describe('reading report rows', () => {
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
    const rows = await read(conn, sql);
    expect(rows).toEqual(plain);
    expect(rows.map((r) => Object.keys(r))).toEqual(plain.map((r) => Object.keys(r)));
    expect(rows[2]['a b']).toBe('');
    expect(rows[0]['a b']).toBeNull();
  });
});
