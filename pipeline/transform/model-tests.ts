/**
 * Model tests: each is a query returning the rows that break a rule, so a passing test returns
 * nothing and a failing one shows the offending rows as evidence. The generic ones (grain, not
 * null, references, accepted values) are generated from each model's declared contract
 * (`contract_<model>`), and from those of the tables written outside the models (the planner's
 * marts, declared beside their columns); the custom ones are the files of pipeline/models/tests/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MODELS_DIR, TESTS_FOLDER, readModels, readSql, tablesRead } from './model-files.ts';
import { contractTestSql, exactScope, scopedRows, type Contract, type TestScope } from './model-contracts.ts';
import { variablesRead } from '../config/policy.ts';

export interface ModelTestResult {
  /** `contract_<model>` for a generated test, else the file's base name, e.g. `slices_reconcile`. */
  name: string;
  failing_rows: number;
  passed: boolean;
  /** First failing rows (JSON-safe), only when the test failed. */
  sample?: object[];
}

export interface RunModelTestsOptions {
  /** Models folder: its models' contracts and its tests/ subfolder give the test queries. */
  dir?: string;
  /** How many failing rows to keep as evidence; default 5. */
  sampleSize?: number;
  /**
   * Run only the tests reading one of these tables, or no model table at all (catalogue checks);
   * the others' results are those of the run that built the rest of the warehouse.
   */
  reading?: ReadonlySet<string>;
  /**
   * Models updated in part in this run, with the rows they replaced (ModelRun.replaced): their
   * contract tests read only those rows where that proves the whole table (exactScope, with
   * `reading` as the tables rebuilt); the rest of the table passed in the run that built it.
   */
  replaced?: ReadonlyMap<string, TestScope>;
  /** Tables still being written (the planner's marts): the tests reading them run last, once `ready` has settled. */
  later?: Later;
  /** Contracts of tables the models do not build (the planner's: PLAN_CONTRACTS), tested as a model's. */
  contracts?: ReadonlyMap<string, Contract>;
}

/** Tables written beside a stage, and the promise that settles once they are (it may reject: the writer's failure is its own). */
export interface Later { tables: ReadonlySet<string>; ready: Promise<unknown> }

/** Whether a query reads one of the tables still being written. */
export const readsLater = (later: Later | undefined, read: ReadonlySet<string>) => later !== undefined && [...read].some((t) => later.tables.has(t));

/**
 * `-- per row of: <model>` in a custom test: its failing rows are rows of that model, each checked
 * on its own (against other tables, which it may look up).
 */
const PER_ROW = /^--\s*per row of:\s*([a-z_][a-z0-9_]*)\s*$/m;

/**
 * A per-row test reads only the rows an incremental build replaced in its model (the others passed
 * in the run that built them), unless a table it looks up was rebuilt too.
 */
function scopedCustomSql(sql: string, options: RunModelTestsOptions): string {
  const model = PER_ROW.exec(sql)?.[1];
  const scope = model ? options.replaced?.get(model) : undefined;
  if (!model || !scope || !options.reading || [...tablesRead(sql)].some((t) => t !== model && options.reading!.has(t))) return sql;
  return sql.replace(new RegExp(`\\b${model}\\b`, 'g'), scopedRows(model, scope));
}

/**
 * Runs every test query against the built models. Tests that read policy variables need runModels
 * to have run on the same connection; an unset variable is an error, not a silent pass.
 */
export async function runModelTests(
  conn: DuckDBConnection,
  options: RunModelTestsOptions = {},
): Promise<ModelTestResult[]> {
  const dir = options.dir ?? MODELS_DIR;
  const folder = join(dir, TESTS_FOLDER);
  const variables = await conn.runAndReadAll('SELECT name FROM duckdb_variables()');
  const set = new Set(variables.getRows().map((row) => String(row[0])));
  const scope = (name: string, contract: Contract) => {
    const replaced = options.replaced?.get(name);
    return replaced && options.reading ? exactScope(contract, replaced, options.reading) : undefined;
  };
  const declared = [...readModels(dir).flatMap(({ name, contract }) => (contract ? [[name, contract] as const] : [])), ...options.contracts ?? []];
  const generated = declared.map(([name, contract]) => ({ name: `contract_${name}`, sql: contractTestSql(name, contract, scope(name, contract)) }));
  const custom = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.sql'.length), sql: scopedCustomSql(readSql(join(folder, file)), options) }));
  const tests = [...generated, ...custom]
    .filter(({ sql }) => {
      if (!options.reading) return true;
      const read = tablesRead(sql);
      return read.size === 0 || [...read].some((table) => options.reading!.has(table));
    });
  for (const { name, sql } of tests) {
    const unset = variablesRead(sql).filter((v) => !set.has(v));
    if (unset.length > 0) throw new Error(`Model test ${name} reads unset variables ${unset.join(', ')}; run the models first`);
  }
  const waits = ({ sql }: { sql: string }) => readsLater(options.later, tablesRead(sql));
  const results = new Map<string, ModelTestResult>();
  for (const { name, sql } of tests.filter((t) => !waits(t))) results.set(name, await runTest(conn, name, sql, options.sampleSize ?? 5));
  const rest = tests.filter(waits);
  if (rest.length > 0) await options.later!.ready;
  for (const { name, sql } of rest) results.set(name, await runTest(conn, name, sql, options.sampleSize ?? 5));
  return tests.map(({ name }) => results.get(name)!);
}

async function runTest(conn: DuckDBConnection, name: string, sql: string, sampleSize: number): Promise<ModelTestResult> {
  try {
    const counted = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (\n${sql}\n)`);
    const failing = Number(counted.getRows()[0][0]);
    if (failing === 0) return { name, failing_rows: 0, passed: true };
    const sample = await conn.runAndReadAll(`SELECT * FROM (\n${sql}\n) LIMIT ${sampleSize}`);
    return { name, failing_rows: failing, passed: false, sample: await sample.getRowObjectsJson() };
  } catch (error) {
    throw new Error(`Model test ${name} could not run: ${(error as Error).message}`, { cause: error });
  }
}
