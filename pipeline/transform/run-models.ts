/**
 * Builds the warehouse: every model in pipeline/models becomes a table (CREATE OR REPLACE TABLE),
 * in the order declared in order.txt, with the policy set as DuckDB variables first.
 * The refresh CLI calls runModels then runModelTests; the dashboard reads the dim_/mart_ tables.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MODELS_DIR, readModels, tablesRead } from './model-files.ts';
import { incrementalSql, type Changes } from './incremental-sql.ts';
import { flattenPolicy, setPolicyVariables, variablesRead, type Policy } from '../config/policy.ts';

export { readPolicy, setPolicyVariables, type Policy } from '../config/policy.ts';
export { runModelTests, type ModelTestResult } from './model-tests.ts';

export interface ModelRun {
  /** Table created, e.g. `mart_industry`. */
  name: string;
  /** Model path as order.txt lists it, e.g. `marts/mart_industry`. */
  path: string;
  rows: number;
  ms: number;
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
  effects?: {
    /** Called after each model, e.g. to log `[12/34] mart_industry 8 ms`. */
    progress?(model: string, i: number, n: number, ms: number): void;
    /** Clock in milliseconds; defaults to performance.now. */
    now?(): number;
  };
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
  await setPolicyVariables(conn, options.policy);

  const now = options.effects?.now ?? (() => performance.now());
  const runs: ModelRun[] = [];
  const todo = options.only ? models.filter((m) => options.only!.has(m.name)) : models;
  const changes: Changes = { raw: options.deltas ?? new Set(), keyed: new Set(), whole: new Set() };
  // Models a partition model reads keep the rows they replace (incremental-sql.ts).
  const readByPartitionModels = new Set(todo.filter((m) => m.partitions).flatMap((m) => [...tablesRead(m.sql)]));
  for (const [i, model] of todo.entries()) {
    const started = now();
    try {
      await conn.run(incrementalSql(model, changes, readByPartitionModels.has(model.name)));
    } catch (error) {
      throw new Error(`Model ${model.path} failed: ${(error as Error).message}`, { cause: error });
    }
    const counted = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${model.name}`);
    const ms = now() - started;
    runs.push({ name: model.name, path: model.path, rows: Number(counted.getRows()[0][0]), ms });
    options.effects?.progress?.(model.name, i + 1, todo.length, ms);
  }
  return runs;
}
