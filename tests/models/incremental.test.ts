/**
 * Incremental models (pipeline/transform/incremental-sql.ts) on a hand-made pair: a keyed model over raw
 * postings and a monthly aggregate over it. A night brings a new posting and a re-sent one whose
 * first copy lies in another month; both tables must end as a full rebuild makes them.
 */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { incrementalSql, type Changes } from '../../pipeline/transform/incremental-sql.ts';
import { counted, keyed, monthly } from './incremental-models.ts';


const fresh = (): Changes => ({ raw: new Set(), keyed: new Set(), whole: new Set() });
const rows = async (conn: DuckDBConnection, sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();

async function build(conn: DuckDBConnection, changes: Changes) {
  await conn.run(incrementalSql(keyed, changes, true));
  await conn.run(incrementalSql(monthly, changes, false));
  return rows(conn, 'select * from mart_p order by year, month');
}

describe('incremental models', () => {
  it('replaces a re-sent posting by key and recomputes both months it touches', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE raw_p AS SELECT * FROM (VALUES
      ('P1', DATE '2025-01-10', 1), ('P2', DATE '2025-02-03', 2), ('P3', DATE '2025-03-01', 4)) t(posting_id, posted_on, n)`);
    expect(await build(conn, fresh())).toEqual([
      { year: 2025, month: 1, postings: 1, n: 1 }, { year: 2025, month: 2, postings: 1, n: 2 }, { year: 2025, month: 3, postings: 1, n: 4 }]);

    // The night: P1 sent again in March (its January copy replaced), P4 new.
    await conn.run(`CREATE TEMP TABLE delta_raw_p AS SELECT * FROM (VALUES
      ('P1', DATE '2025-03-05', 8), ('P4', DATE '2025-03-05', 16)) t(posting_id, posted_on, n);
      DELETE FROM raw_p WHERE posting_id IN (SELECT posting_id FROM delta_raw_p);
      INSERT INTO raw_p SELECT * FROM delta_raw_p`);
    const changes: Changes = { ...fresh(), raw: new Set(['raw_p']) };
    const night = await build(conn, changes);
    expect(changes.keyed).toEqual(new Set(['int_p']));
    expect(changes.whole).toEqual(new Set());
    // January loses its only posting; March: P3 4 + P1 8 + P4 16.
    expect(night).toEqual([{ year: 2025, month: 2, postings: 1, n: 2 }, { year: 2025, month: 3, postings: 3, n: 28 }]);
    expect(await rows(conn, 'select * from int_p order by posting_id')).toEqual(
      await rows(conn, `${keyed.sql} order by posting_id`));
    expect(night).toEqual(await rows(conn, `select * from (${monthly.sql.replace('int_p', `(${keyed.sql})`)}) order by year, month`));
  });

  it('adds the sums of new rows to a grouped model, takes away those of the rows they replaced and drops emptied groups', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE raw_t AS SELECT * FROM (VALUES
      ('P1', 'a', 1), ('P2', 'b', 2), ('P3', 'a', 4), ('P5', NULL, 32)) t(posting_id, title, n)`);
    await conn.run(incrementalSql(counted, fresh(), false));
    // The night: P1 re-sent as c (its a copy replaced), P2 re-sent as x (b loses its only posting),
    // P4 new as a, P6 new without a title.
    await conn.run(`CREATE TEMP TABLE delta_raw_t AS SELECT * FROM (VALUES
      ('P1', 'c', 8), ('P2', 'x', 16), ('P4', 'a', 64), ('P6', NULL, 128)) t(posting_id, title, n);
      CREATE TEMP TABLE replaced_raw_t AS SELECT * FROM raw_t WHERE posting_id IN (SELECT posting_id FROM delta_raw_t);
      DELETE FROM raw_t WHERE posting_id IN (SELECT posting_id FROM delta_raw_t);
      INSERT INTO raw_t SELECT * FROM delta_raw_t`);
    const changes: Changes = { ...fresh(), raw: new Set(['raw_t']) };
    const sql = incrementalSql(counted, changes, false);
    expect(sql).not.toMatch(/^CREATE OR REPLACE TABLE/);
    await conn.run(sql);
    const night = await rows(conn, 'select * from int_t order by title nulls last');
    expect(night).toEqual([
      { title: 'a', postings: 2, n: 68 }, { title: 'c', postings: 1, n: 8 }, { title: 'x', postings: 1, n: 16 },
      { title: null, postings: 2, n: 160 }]);
    expect(night).toEqual(await rows(conn, `${counted.sql} order by title nulls last`));
    expect(changes.whole).toEqual(new Set());
  });

  it('rebuilds whole what reads a table rebuilt whole, or a raw table directly', async () => {
    const changes: Changes = { raw: new Set(['raw_p']), keyed: new Set(), whole: new Set(['int_p']) };
    expect(incrementalSql(monthly, changes, false)).toMatch(/^CREATE OR REPLACE TABLE mart_p AS/);
    expect(incrementalSql({ ...monthly, sql: 'select 1 as year, 1 as month from raw_p' }, fresh(), false)).toMatch(/^CREATE OR REPLACE TABLE/);
  });
});
