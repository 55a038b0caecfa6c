/** The model runner: order from references, clear failures before any SQL runs, and the policy file. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { MODELS_DIR, listModelPaths, readModels, tablesRead } from '../../pipeline/transform/model-files.ts';
import { flattenPolicy, readPolicy, setPolicyVariables } from '../../pipeline/config/policy.ts';
import { runModels } from '../../pipeline/transform/run-models.ts';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { openDatabase, openWarehouse, query } from './warehouse.ts';

const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the real models folder that a test may break. */
function modelsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'models-'));
  scratch.push(dir);
  cpSync(MODELS_DIR, dir, { recursive: true });
  return dir;
}

describe('runModels', () => {
  it('creates every model as a table, each after the models it reads, and reports progress', async () => {
    const conn = await openWarehouse(tiny);
    const progress: [string, number, number, number][] = [];
    let clock = 0;
    const runs = await runModels(conn, {
      policy: tinyPolicy,
      effects: { progress: (...args) => progress.push(args), now: () => (clock += 5) },
    });
    expect(runs.map((r) => r.path).sort()).toEqual(listModelPaths());
    const built = new Set<string>();
    for (const model of readModels()) {
      const read = [...tablesRead(model.sql)].filter((name) => !name.startsWith('raw_'));
      expect(read.filter((name) => !built.has(name)), `${model.path} reads a model built later`).toEqual([]);
      built.add(model.name);
    }
    // Each model reads the clock twice, 5 ms apart.
    expect(progress).toEqual(runs.map((r, i) => [r.name, i + 1, runs.length, 5]));
    expect(runs.find((r) => r.name === 'mart_concentration')?.rows).toBe(2); // 2023 and 2024
    const tables = await query(conn, `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE NOT starts_with(table_name, 'raw_')`);
    expect(tables[0].n).toBe(runs.length);
  });

  it('builds a new model file without being told where it goes, and in the same order every time', () => {
    const dir = modelsCopy();
    writeFileSync(join(dir, 'intermediate', 'int_extra.sql'), 'select year from mart_concentration');
    writeFileSync(join(dir, 'marts', 'mart_extra.sql'), 'select * from int_extra');
    const order = readModels(dir).map((m) => m.name);
    expect(order.indexOf('int_extra')).toBeGreaterThan(order.indexOf('mart_concentration'));
    expect(order.indexOf('mart_extra')).toBeGreaterThan(order.indexOf('int_extra'));
    expect(readModels(dir).map((m) => m.name)).toEqual(order);
  });

  it('rejects a cycle and a reference to no model, naming them, before any SQL runs', async () => {
    const dir = modelsCopy();
    const lag = join(dir, 'marts', 'mart_lag.sql');
    writeFileSync(lag, readFileSync(lag, 'utf8').replace('from int_lag_shifts', 'from int_lag_shifts, mart_funding'));
    const funding = join(dir, 'marts', 'mart_funding.sql');
    writeFileSync(funding, `${readFileSync(funding, 'utf8')}\n-- reads the lag (a cycle)\nunion all select * from mart_lag where false`);
    writeFileSync(join(dir, 'marts', 'mart_school.sql'), 'select * from mart_nowhere');
    const conn = await openWarehouse(tiny);
    const run = runModels(conn, { policy: tinyPolicy, dir });
    await expect(run).rejects.toThrow('marts/mart_school reads mart_nowhere, which is no model');
    writeFileSync(join(dir, 'marts', 'mart_school.sql'), 'select 1 as school_code');
    await expect(runModels(conn, { policy: tinyPolicy, dir })).rejects.toThrow(/in a cycle, so none can be built first: marts\/mart_funding \(reads mart_lag\); marts\/mart_lag \(reads mart_funding\)/);
    // Nothing ran.
    expect(await query(conn, `SELECT table_name FROM duckdb_tables() WHERE table_name = 'stg_districts'`)).toEqual([]);
  });

  it('rejects two models of one name and a contract line it cannot read', () => {
    const dir = modelsCopy();
    writeFileSync(join(dir, 'intermediate', 'mart_lag.sql'), 'select 1 as x');
    const school = join(dir, 'marts', 'mart_school.sql');
    writeFileSync(school, readFileSync(school, 'utf8').replace('-- grain: school_code', '-- grain: school code'));
    expect(() => readModels(dir)).toThrow('two models are named mart_lag: intermediate/mart_lag.sql and marts/mart_lag.sql');
    expect(() => readModels(dir)).toThrow('marts/mart_school.sql, "-- grain:": "school code" is not a list of column names');
  });

  it('rejects a policy without a value a model reads', async () => {
    const { min_openings: _dropped, ...signal } = tinyPolicy.signal;
    const run = runModels(await openWarehouse(tiny), { policy: { ...tinyPolicy, signal } });
    await expect(run).rejects.toThrow("intermediate/int_industry_balance reads getvariable('signal_min_openings'), which the policy does not define");
  });

  it('names the model whose SQL fails, on one connection or several', async () => {
    const dir = modelsCopy();
    writeFileSync(join(dir, 'marts', 'mart_lag.sql'), 'select no_such_column from int_lag_shifts');
    await expect(runModels(await openWarehouse(tiny), { policy: tinyPolicy, dir })).rejects.toThrow(/^Model marts\/mart_lag failed: .*no_such_column/);
    const { instance, conn } = await openDatabase(tiny);
    await expect(runModels(conn, { policy: tinyPolicy, dir, lanes: [await instance.connect()] })).rejects.toThrow(/^Model marts\/mart_lag failed: .*no_such_column/);
  });

  it('builds on two connections side by side the same tables as on one, each model after the models it reads', async () => {
    const one = await openWarehouse(tiny);
    const alone = await runModels(one, { policy: tinyPolicy });
    const { instance, conn } = await openDatabase(tiny);
    const finished: string[] = [];
    const runs = await runModels(conn, { policy: tinyPolicy, lanes: [await instance.connect()], effects: { progress: (name) => finished.push(name) } });
    expect(runs.map((r) => r.name).sort()).toEqual(alone.map((r) => r.name).sort());
    for (const model of readModels()) {
      for (const read of tablesRead(model.sql)) {
        if (finished.includes(read)) expect(finished.indexOf(read), `${model.name} after ${read}`).toBeLessThan(finished.indexOf(model.name));
      }
      const rows = async (c: typeof conn) => JSON.stringify(await query(c, `SELECT * FROM ${model.name} ORDER BY ALL`), (_, v) => (typeof v === 'bigint' ? String(v) : v));
      expect(await rows(conn), model.name).toBe(await rows(one));
    }
  });

  it('stores a model declaring its compression with those methods, and rejects a method or column that cannot be', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compression-'));
    scratch.push(dir);
    mkdirSync(join(dir, 'staging'));
    const model = join(dir, 'staging', 'stg_ids.sql');
    const sql = (header: string) => `-- compression: ${header}\nselect 'posting-' || i as posting_id, ['a', 'b', 'c'][i % 3 + 1] as kind, i as n from range(300000) as t(i)`;
    writeFileSync(model, sql('text dictionary, posting_id uncompressed'));
    const instance = await DuckDBInstance.create(join(dir, 'w.duckdb'));
    const conn = await instance.connect();
    await runModels(conn, { policy: tinyPolicy, dir });
    await conn.run('CHECKPOINT');
    const methods = await query(conn, `SELECT column_name AS c, list(DISTINCT compression ORDER BY compression) AS m FROM pragma_storage_info('stg_ids') WHERE segment_type <> 'VALIDITY' GROUP BY ALL ORDER BY c`);
    // Left to DuckDB, the ids are stored with FSST; the integers keep DuckDB's choice.
    expect(methods.map((r) => [r.c, r.m])).toEqual([['kind', ['Dictionary']], ['n', ['BitPacking']], ['posting_id', ['Uncompressed']]]);
    expect(await query(conn, 'SELECT count(DISTINCT posting_id)::INTEGER AS n, max(n)::INTEGER AS top FROM stg_ids')).toEqual([{ n: 300000, top: 299999 }]);

    writeFileSync(model, sql('posting_id snappy'));
    expect(() => readModels(dir)).toThrow('staging/stg_ids.sql, "-- compression:": snappy is not one of DuckDB\'s methods');
    writeFileSync(model, sql('text dictionary, postingid fsst'));
    await expect(runModels(conn, { policy: tinyPolicy, dir })).rejects.toThrow('Model staging/stg_ids failed: the compression of stg_ids names columns it does not have: postingid');
  });

  it('builds the models the first-wanted ones read before any other, so work waiting on them starts early', async () => {
    const finished: string[] = [];
    const first = ['mart_plan_options', 'mart_future_gap'];
    await runModels(await openWarehouse(tiny), { policy: tinyPolicy, first, effects: { progress: (name) => finished.push(name) } });
    // Up to the last of them, every model built is one of them or read by a model built after it.
    const prefix = finished.slice(0, Math.max(...first.map((name) => finished.indexOf(name))) + 1);
    const reads = new Map(readModels().map((m) => [m.name, tablesRead(m.sql)]));
    const needless = prefix.filter((name, i) => !first.includes(name) && !prefix.slice(i + 1).some((later) => reads.get(later)!.has(name)));
    expect(needless).toEqual([]);
    expect(prefix.length).toBeLessThan(finished.length);
  });
});

describe('policy', () => {
  it('reads the shipped file, skipping comments, and flattens blocks to <block>_<key>', () => {
    const flat = flattenPolicy(readPolicy());
    expect(Object.keys(flat)).not.toContain('$comment');
    expect(flat).toMatchObject({ signal_shortage_below: expect.any(Number), funding_cost_factor_3: expect.any(Number) });
  });

  it('rejects a value that is not a number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    scratch.push(dir);
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ signal: { min_openings: '30' } }));
    expect(() => readPolicy(join(dir, 'policy.json'))).toThrow('signal.min_openings must be a finite number');
  });

  it('sets every value as a DOUBLE variable', async () => {
    const conn = await openWarehouse(tiny);
    await setPolicyVariables(conn, { signal: { min_openings: 30 }, supply: { retention: 0.767 } });
    expect(await query(conn, `SELECT getvariable('signal_min_openings') AS n, typeof(getvariable('signal_min_openings')) AS t,
                              getvariable('supply_retention') AS r`)).toEqual([{ n: 30, t: 'DOUBLE', r: 0.767 }]);
  });
});
