/**
 * Contract tests of a night's incremental build read only the rows it replaced, when that proves
 * the whole table (pipeline/transform/model-contracts.ts exactScope): a hand-made keyed model and
 * monthly aggregate, as in incremental.test.ts, with broken rows delivered by the night.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { incrementalSql, type Changes } from '../../pipeline/transform/incremental-sql.ts';
import { contractTestSql, exactScope, parseContract, type Contract } from '../../pipeline/transform/model-contracts.ts';
import { keyed, monthly } from './incremental-models.ts';
import { runModels, runModelTests } from '../../pipeline/transform/run-models.ts';

const contracts: Record<string, Contract> = {
  int_p: parseContract('-- grain: posting_id\n-- not null: n\n-- references: month -> dim_month', 'int_p')!,
  mart_p: parseContract('-- grain: year, month', 'mart_p')!,
};
const KEYED_SCOPE = { columns: ['posting_id'], table: 'delta_int_p' };
const MONTH_SCOPE = { columns: ['year', 'month'], table: 'affected_mart_p' };

const failing = async (conn: DuckDBConnection, model: string, scoped: boolean) => {
  const scope = scoped ? (model === 'int_p' ? KEYED_SCOPE : MONTH_SCOPE) : undefined;
  const found = await conn.runAndReadAll(`select rule, row_key from (${contractTestSql(model, contracts[model], scope)}) order by all`);
  return found.getRowObjectsJS();
};

/** Day one built whole, with a row no night touches that breaks the not-null rule (so a scoped test is seen not to read it). */
async function nightAfter(delivered: string): Promise<DuckDBConnection> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE TABLE dim_month AS SELECT range::INTEGER AS month FROM range(1, 13);
    CREATE TABLE raw_p AS SELECT * FROM (VALUES
      ('P1', DATE '2025-01-10', 1), ('P2', DATE '2025-02-03', NULL), ('P3', DATE '2025-03-01', 4)) t(posting_id, posted_on, n)`);
  const day: Changes = { raw: new Set(), keyed: new Set(), whole: new Set() };
  await conn.run(incrementalSql(keyed, day, true));
  await conn.run(incrementalSql(monthly, day, false));
  await conn.run(`CREATE TEMP TABLE delta_raw_p AS SELECT * FROM (VALUES ${delivered}) t(posting_id, posted_on, n);
    DELETE FROM raw_p WHERE posting_id IN (SELECT posting_id FROM delta_raw_p);
    INSERT INTO raw_p SELECT * FROM delta_raw_p`);
  const night: Changes = { raw: new Set(['raw_p']), keyed: new Set(), whole: new Set() };
  await conn.run(incrementalSql(keyed, night, true));
  await conn.run(incrementalSql(monthly, night, false));
  return conn;
}

describe('contract tests of an incremental build', () => {
  it('find what the night broke in the rows it replaced: a repeated key, a NULL key, a NULL value', async () => {
    const conn = await nightAfter(`('P1', DATE '2025-03-05', 8), ('P4', DATE '2025-03-05', 1), ('P4', DATE '2025-03-06', 2),
      (NULL, DATE '2025-03-07', 1), ('P5', DATE '2025-03-07', NULL)`);
    expect(await failing(conn, 'int_p', true)).toEqual([
      { rule: 'grain', row_key: 'P4' }, { rule: 'not_null', row_key: '' }, { rule: 'not_null', row_key: 'P5' }]);
    // The whole table holds the same, and day one's P2, which passed (here: was let through) when it was built.
    expect(await failing(conn, 'int_p', false)).toEqual([
      { rule: 'grain', row_key: 'P4' }, { rule: 'not_null', row_key: '' }, { rule: 'not_null', row_key: 'P2' }, { rule: 'not_null', row_key: 'P5' }]);
  });

  it('read the recomputed partitions of an aggregate, not the others', async () => {
    const conn = await nightAfter(`('P4', DATE '2025-03-05', 1)`);
    // A repeated month planted in January (untouched) and in March (recomputed).
    await conn.run(`INSERT INTO mart_p VALUES (2025, 1, 0, 0), (2025, 3, 0, 0)`);
    expect(await failing(conn, 'mart_p', true)).toEqual([{ rule: 'grain', row_key: '2025|3' }]);
    expect(await failing(conn, 'mart_p', false)).toEqual([{ rule: 'grain', row_key: '2025|1' }, { rule: 'grain', row_key: '2025|3' }]);
  });

  it('read the whole table when the replaced rows cannot prove it', () => {
    const rebuilt = new Set(['int_p']);
    expect(exactScope(contracts.int_p, KEYED_SCOPE, rebuilt)).toEqual(KEYED_SCOPE);
    // A referenced table rebuilt: an untouched row may now point at nothing.
    expect(exactScope(contracts.int_p, KEYED_SCOPE, new Set([...rebuilt, 'dim_month']))).toBeUndefined();
    // A unique key without the scope's columns: a repeat may pair a replaced row with an untouched one.
    const byTitle = parseContract('-- grain: posting_id\n-- unique: title, month', 'int_p')!;
    expect(exactScope(byTitle, KEYED_SCOPE, rebuilt)).toBeUndefined();
    expect(exactScope(contracts.mart_p, MONTH_SCOPE, new Set(['mart_p']))).toEqual(MONTH_SCOPE);
    expect(exactScope(parseContract('-- grain: year', 'mart_y')!, MONTH_SCOPE, new Set(['mart_y']))).toBeUndefined();
  });
});

describe('a custom test headed "-- per row of"', () => {
  /** A models folder of int_p (updated by key) and a per-row test flagging n > 100 against a lookup. */
  function modelsFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    mkdirSync(join(dir, 'intermediate'));
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'intermediate', 'int_p.sql'), `-- incremental: unique key posting_id\n-- grain: posting_id\n${keyed.sql}\n`);
    writeFileSync(join(dir, 'tests', 'large_n.sql'),
      '-- per row of: int_p\nselect p.posting_id from int_p as p join dim_limit as l on p.n > l.most\n');
    return dir;
  }

  it('reads only the rows the night replaced, unless a table it looks up was rebuilt', async () => {
    const dir = modelsFolder();
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE dim_limit AS SELECT 100 AS most;
      CREATE TABLE raw_p AS SELECT * FROM (VALUES ('P1', DATE '2025-01-10', 1), ('P2', DATE '2025-02-03', 500)) t(posting_id, posted_on, n)`);
    await runModels(conn, { policy: {}, dir });
    await conn.run(`CREATE TEMP TABLE delta_raw_p AS SELECT * FROM (VALUES ('P3', DATE '2025-03-05', 200)) t(posting_id, posted_on, n);
      INSERT INTO raw_p SELECT * FROM delta_raw_p`);
    const runs = await runModels(conn, { policy: {}, dir, deltas: new Set(['raw_p']) });
    const replaced = new Map(runs.flatMap((r) => (r.replaced ? [[r.name, r.replaced] as const] : [])));
    expect(replaced).toEqual(new Map([['int_p', { columns: ['posting_id'], table: 'delta_int_p' }]]));
    const failingRows = async (reading: string[]) => Object.fromEntries((await runModelTests(conn, { dir, reading: new Set(reading), replaced }))
      .map((t) => [t.name, t.failing_rows]));
    // P2 passed (here: was let through) on day one; the night's P3 fails.
    expect(await failingRows(['raw_p', 'int_p'])).toEqual({ contract_int_p: 0, large_n: 1 });
    expect(await failingRows(['raw_p', 'int_p', 'dim_limit'])).toEqual({ contract_int_p: 0, large_n: 2 });
    rmSync(dir, { recursive: true });
  });
});
