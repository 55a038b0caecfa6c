/**
 * Builds the warehouse: every model in pipeline/models becomes a table (CREATE OR REPLACE TABLE),
 * each after the models it reads (model-files.ts), with the policy set as DuckDB variables first.
 * The refresh CLI calls runModels then runModelTests; the dashboard reads the dim_/mart_ tables.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MODELS_DIR, readModels, tablesRead, type ModelFile } from './model-files.ts';
import { incrementalSql, rebuiltWhole, type Changes } from './incremental-sql.ts';
import { compressedColumns, describeQuery } from './compression.ts';
import type { TestScope } from './model-contracts.ts';
import { flattenPolicy, setPolicyVariables, variablesRead, type Policy } from '../config/policy.ts';

export { readPolicy, setPolicyVariables, type Policy } from '../config/policy.ts';
export { runModelTests, type ModelTestResult } from './model-tests.ts';

export interface ModelRun {
  /** Table created, e.g. `mart_industry`. */
  name: string;
  /** Model path below the models folder, e.g. `marts/mart_industry`. */
  path: string;
  rows: number;
  ms: number;
  /** For a model updated in part (incremental-sql.ts), the rows it replaced; absent when it was rebuilt whole. */
  replaced?: TestScope;
}

export interface RunModelsOptions {
  policy: Policy;
  /** Models folder; tests point it at a scratch folder. */
  dir?: string;
  /** Build only these models (by name); the others are already in the warehouse, as a previous run left them. */
  only?: ReadonlySet<string>;
  /**
   * Raw tables that have only gained rows since the previous run, each with its new rows in
   * `delta_<table>`: incremental models update only what those rows touch (incremental-sql.ts).
   */
  deltas?: ReadonlySet<string>;
  /**
   * More connections to the same database: a full build runs models that do not read each other
   * side by side, one per connection (most models are too small for DuckDB to keep both cores busy
   * on its own). An incremental build stays on `conn`: its delta_ and replaced_ tables are
   * temporary, seen by the connection that made them only.
   */
  lanes?: readonly DuckDBConnection[];
  /**
   * Models wanted as early as possible (the planner's inputs: it runs beside the other models
   * once they are built): a lane picks a model they need before any other ready model.
   */
  first?: readonly string[];
  effects?: {
    /** Called after each model, e.g. to log `[12/34] mart_industry 8 ms`. */
    progress?(model: string, i: number, n: number, ms: number): void;
    /** Called after each model with every model built so far, e.g. to start work that needs only some of them. */
    built?(models: ReadonlySet<string>): void;
    /** Clock in milliseconds; defaults to performance.now. */
    now?(): number;
  };
}

/** `names` and every model they read, directly or not. */
function ancestors(names: readonly string[], waitsFor: ReadonlyMap<string, string[]>): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || !waitsFor.has(name)) return;
    found.add(name);
    waitsFor.get(name)!.forEach(visit);
  };
  names.forEach(visit);
  return found;
}

/** Creates every model as a table in declared order; fails before running anything on a bad order or policy. */
export async function runModels(conn: DuckDBConnection, options: RunModelsOptions): Promise<ModelRun[]> {
  const models = readModels(options.dir ?? MODELS_DIR);
  const defined = new Set(Object.keys(flattenPolicy(options.policy)));
  const missing = models.flatMap((m) =>
    variablesRead(m.sql)
      .filter((name) => !defined.has(name))
      .map((name) => `${m.path} reads getvariable('${name}'), which the policy does not define`),
  );
  if (missing.length > 0) throw new Error(`Policy is missing values:\n- ${missing.join('\n- ')}`);
  const lanes = options.deltas ? [conn] : [conn, ...(options.lanes ?? [])];
  for (const lane of lanes) await setPolicyVariables(lane, options.policy);

  const now = options.effects?.now ?? (() => performance.now());
  const todo = options.only ? models.filter((m) => options.only!.has(m.name)) : models;
  const changes: Changes = { raw: options.deltas ?? new Set(), keyed: new Set(), whole: new Set() };
  // Models a partition model reads keep the rows they replace (incremental-sql.ts).
  const readByPartitionModels = new Set(todo.filter((m) => m.partitions).flatMap((m) => [...tablesRead(m.sql)]));
  const building = new Set(todo.map((m) => m.name));
  const waitsFor = new Map(todo.map((m) => [m.name, [...tablesRead(m.sql)].filter((t) => building.has(t) && t !== m.name)]));
  const wanted = ancestors(options.first ?? [], waitsFor);
  const order = [...todo.filter((m) => wanted.has(m.name)), ...todo.filter((m) => !wanted.has(m.name))];
  const runs: ModelRun[] = [];
  const started = new Set<string>();
  const built = new Set<string>();

  async function build(lane: DuckDBConnection, model: ModelFile): Promise<void> {
    const t0 = now();
    try {
      // A table updated in place keeps the columns it was created with.
      const columns = model.compression && rebuiltWhole(model, changes)
        ? compressedColumns(await describeQuery(lane, model.sql), model.compression, model.name) : undefined;
      await lane.run(incrementalSql(model, changes, readByPartitionModels.has(model.name), columns));
    } catch (error) {
      throw new Error(`Model ${model.path} failed: ${(error as Error).message}`, { cause: error });
    }
    const counted = await lane.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${model.name}`);
    const ms = now() - t0;
    const replaced = changes.whole.has(model.name) ? undefined : changes.keyed.has(model.name)
      ? { columns: model.uniqueKey!, table: `delta_${model.name}` } : { columns: (model.partitions ?? model.sums)!, table: `affected_${model.name}` };
    runs.push({ name: model.name, path: model.path, rows: Number(counted.getRows()[0][0]), ms, ...(replaced ? { replaced } : {}) });
    options.effects?.progress?.(model.name, runs.length, todo.length, ms);
  }

  // Each lane takes the first model in build order whose inputs are built, until none is left;
  // a lane with nothing ready waits for a running model to finish. The first failure stops new
  // work; the models already running finish before it is thrown (their connection stays open).
  let failure: unknown = null;
  const waiting: (() => void)[] = [];
  const ready = () => order.find((m) => !started.has(m.name) && waitsFor.get(m.name)!.every((t) => built.has(t)));
  await Promise.all(lanes.map(async (lane) => {
    while (failure === null && started.size < todo.length) {
      const model = ready();
      if (!model) {
        await new Promise<void>((wake) => waiting.push(wake));
        continue;
      }
      started.add(model.name);
      try {
        await build(lane, model);
        built.add(model.name);
        options.effects?.built?.(built);
      } catch (error) {
        failure ??= error;
      }
      for (const wake of waiting.splice(0)) wake();
    }
  }));
  if (failure !== null) throw failure;
  return runs;
}
