/** The model runner: declared order, clear failures before any SQL runs, and the policy file. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MODELS_DIR, readOrder } from '../../pipeline/model-files.ts';
import { flattenPolicy, readPolicy, setPolicyVariables } from '../../pipeline/policy.ts';
import { runModels } from '../../pipeline/run-models.ts';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { openWarehouse, query } from './warehouse.ts';

const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the real models folder that a test may break. */
function modelsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'models-'));
  scratch.push(dir);
  cpSync(MODELS_DIR, dir, { recursive: true });
  return dir;
}

const editOrder = (dir: string, edit: (text: string) => string) =>
  writeFileSync(join(dir, 'order.txt'), edit(readFileSync(join(dir, 'order.txt'), 'utf8')));

describe('runModels', () => {
  it('creates every model as a table in the declared order and reports progress', async () => {
    const conn = await openWarehouse(tiny);
    const progress: [string, number, number, number][] = [];
    let clock = 0;
    const runs = await runModels(conn, {
      policy: tinyPolicy,
      effects: { progress: (...args) => progress.push(args), now: () => (clock += 5) },
    });
    const order = readOrder();
    expect(runs.map((r) => r.path)).toEqual(order);
    // Each model reads the clock twice, 5 ms apart.
    expect(progress).toEqual(runs.map((r, i) => [r.name, i + 1, order.length, 5]));
    expect(runs.find((r) => r.name === 'mart_concentration')?.rows).toBe(2); // 2023 and 2024
    const tables = await query(conn, `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE NOT starts_with(table_name, 'raw_')`);
    expect(tables[0].n).toBe(order.length);
  });

  it('rejects a model file missing from the order and an order entry without a file', async () => {
    const dir = modelsCopy();
    writeFileSync(join(dir, 'marts', 'mart_extra.sql'), 'select 1 as x');
    rmSync(join(dir, 'marts', 'mart_lag.sql'));
    const conn = await openWarehouse(tiny);
    const run = runModels(conn, { policy: tinyPolicy, dir });
    await expect(run).rejects.toThrow('marts/mart_extra.sql is not listed in order.txt');
    await expect(run).rejects.toThrow('order.txt lists marts/mart_lag, but there is no file marts/mart_lag.sql');
    // Nothing ran.
    expect(await query(conn, `SELECT table_name FROM duckdb_tables() WHERE table_name = 'stg_districts'`)).toEqual([]);
  });

  it('rejects a model that reads a model built after it, or no model at all', async () => {
    const dir = modelsCopy();
    editOrder(dir, (text) => text.replace('intermediate/int_point_segment\n', '').replace('intermediate/int_point_industry\n', 'intermediate/int_point_industry\nintermediate/int_point_segment\n'));
    writeFileSync(join(dir, 'marts', 'mart_school.sql'), 'select * from mart_nowhere');
    const run = runModels(await openWarehouse(tiny), { policy: tinyPolicy, dir });
    await expect(run).rejects.toThrow('intermediate/int_point_industry reads int_point_segment, which is not built before it');
    await expect(run).rejects.toThrow('marts/mart_school reads mart_nowhere, which is no model');
  });

  it('rejects a policy without a value a model reads', async () => {
    const { min_openings: _dropped, ...signal } = tinyPolicy.signal;
    const run = runModels(await openWarehouse(tiny), { policy: { ...tinyPolicy, signal } });
    await expect(run).rejects.toThrow("marts/mart_industry reads getvariable('signal_min_openings'), which the policy does not define");
  });

  it('names the model whose SQL fails', async () => {
    const dir = modelsCopy();
    writeFileSync(join(dir, 'marts', 'mart_lag.sql'), 'select no_such_column from int_lag_shifts');
    await expect(runModels(await openWarehouse(tiny), { policy: tinyPolicy, dir })).rejects.toThrow(/^Model marts\/mart_lag failed: .*no_such_column/);
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
