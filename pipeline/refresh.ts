/**
 * The main job: data folder → validated DuckDB warehouse → marts → Arrow files → manifest, built as
 * a new snapshot and published only when every stage, the model tests and the drift checks have
 * passed. A failure at any point leaves the served `current` snapshot exactly as it was, and every
 * run, failed or not, is appended to the run history.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs, type LoadReport } from './load/load-inputs.ts';
import type { Reject } from './load/reject.ts';
import { readPolicy, setPolicyVariables } from './policy.ts';
import { runModels, runModelTests } from './run-models.ts';
import { exportArrow } from './export-arrow.ts';
import { exportParquet } from './export-parquet.ts';
import { generateReports } from './reports/generate-reports.ts';
import { reportsKey } from './reuse-reports.ts';
import { linkTree } from './link-tree.ts';
import { baseKey, isBaseInput, locateBaseInputs } from './base-key.ts';
import { dependents, readModels } from './model-files.ts';
import { POSTINGS_DELTA } from './postings/raw-postings.ts';
import { readDataLabel } from './data-label.ts';
import { readSummary } from './summary.ts';
import { checkDrift, type DriftLimits } from './drift.ts';
import { MANIFEST_REJECTS, writeManifest, type Manifest } from './manifest.ts';
import {
  abandonSnapshot, beginSnapshot, clearAbandonedBuilds, CURRENT, publishSnapshot, pruneSnapshots, snapshotId, WAREHOUSE_FILE,
} from './snapshot.ts';
import { acquireLock } from './lock.ts';
import { appendHistory, type RunRecord } from './history.ts';
import { saveRejects } from './save-rejects.ts';
import { loadPostings } from './postings/load-postings.ts';
import { faultPoint } from './fault.ts';
import { duckdbConfig, readResources } from './scale/resources.ts';
import { exportSplitMarts, SCHOOL_MARTS, type SplitExport } from './scale/split-marts.ts';
import { silentEffects, type Effects } from './effects.ts';

export interface RefreshOptions {
  dataDir: string;
  referenceDir: string;
  warehouseDir: string;
  policyPath?: string;
  trigger?: RunRecord['trigger'];
  /** Publish even when the drift checks find something (after a real, understood change). */
  acceptDrift?: boolean;
  /** Also write facts and marts as Hive-partitioned Parquet into the snapshot's parquet/ folder (always a full run). */
  parquet?: boolean;
  /** Rebuild everything even when only daily postings are new. */
  full?: boolean;
  /** Overrides policy refresh.keep_snapshots. */
  keepSnapshots?: number;
  now?: () => Date;
}

export interface RefreshResult { manifest: Manifest; snapshotDir: string }

/** Paths in the manifest and messages are relative to where the command runs: short, and no server paths leak to the browser. */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

async function timed<T>(effects: Effects, stages: Record<string, number>, stage: string,
  work: () => Promise<T>, detail: (value: T) => string): Promise<T> {
  faultPoint(stage);
  effects.stageStart(stage);
  const t0 = performance.now();
  const value = await work();
  stages[stage] = Math.round(performance.now() - t0);
  effects.stageEnd(stage, stages[stage], detail(value));
  return value;
}

/** What a postings-only run starts from: the served snapshot whose base it shares. */
interface Base { from: string; dir: string; manifest: Manifest }

/**
 * The served snapshot, when this run's base (every input but the daily postings, the policy, the
 * code) is the one it was built from; null means a full run.
 */
async function reusableBase(options: RefreshOptions, previous: Manifest | null, key: () => Promise<string | null>): Promise<Base | null> {
  const dir = join(options.warehouseDir, CURRENT);
  if (options.full || options.parquet || !previous?.base || !existsSync(join(dir, WAREHOUSE_FILE))) return null;
  return (await key()) === previous.base.key ? { from: previous.snapshot, dir, manifest: previous } : null;
}

/** The load report of the base: the previous run's inputs and load warnings, and the rejects kept in load_rejects. */
async function baseReport(conn: DuckDBConnection, base: Base): Promise<LoadReport> {
  const kept = await conn.runAndReadAll(`SELECT * FROM load_rejects WHERE "table" <> 'postings'`);
  return {
    inputs: base.manifest.inputs.filter(isBaseInput),
    rejects: kept.getRowObjectsJS() as unknown as Reject[],
    warnings: [...(base.manifest.base?.warnings ?? [])],
  };
}

/**
 * Marts as whole Arrow files (but those too large to download whole), then cut for on-demand
 * fetching (scale/split-marts.ts). In a postings-only run just the rebuilt marts are written; the
 * others' files are linked from the served snapshot.
 */
async function exportMarts(conn: DuckDBConnection, dir: string, effects: Effects,
  reuse?: { base: Base; rebuilt: ReadonlySet<string> }) {
  mkdirSync(dir, { recursive: true });
  const { whole_mart_max_rows } = readResources();
  // School-grain marts are only read a school at a time (marts/schools/), so they are never written whole.
  const tables = (await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables()
     WHERE (table_name LIKE 'mart\\_%' ESCAPE '\\' OR table_name LIKE 'dim\\_%' ESCAPE '\\') AND estimated_size <= ${whole_mart_max_rows} ORDER BY 1`,
  )).getRowsJS().map((r) => String(r[0])).filter((name) => !SCHOOL_MARTS.includes(name));
  const previous = new Map((reuse?.base.manifest.marts ?? []).map((m) => [m.name, m]));
  const marts = [];
  for (const [i, name] of tables.entries()) {
    effects.progress('export', name, i + 1, tables.length);
    const kept = reuse && !reuse.rebuilt.has(name) ? previous.get(name) : undefined;
    if (kept) {
      marts.push(kept);
      continue;
    }
    const path = join(dir, `${name}.arrow`);
    const rows = await exportArrow(conn, name, path);
    faultPoint(`export:${name}`);
    marts.push({ name, rows, bytes: statSync(path).size });
  }
  if (!reuse) {
    await exportSplitMarts(conn, dir);
    return marts;
  }
  const from = join(reuse.base.dir, 'marts');
  const split = JSON.parse(readFileSync(join(from, 'split.json'), 'utf8')) as SplitExport[];
  await exportSplitMarts(conn, dir, { previous: split, rebuilt: reuse.rebuilt });
  linkTree(from, dir, (file) => file === 'split.json' || reuse.rebuilt.has(basename(file, '.arrow')));
  return marts;
}

/** Every result once all have settled (none left running on a connection about to close), or the first failure. */
async function allSettledOrThrow<T extends readonly unknown[]>(work: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function previousManifest(warehouseDir: string): Manifest | null {
  const path = join(warehouseDir, CURRENT, 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
}

async function build(options: RefreshOptions, effects: Effects, id: string, started: Date,
  buildDir: string, stages: Record<string, number>, drift: string[]): Promise<Manifest> {
  const now = options.now ?? (() => new Date());
  const policy = readPolicy(options.policyPath);
  const label = readDataLabel(options.dataDir);
  const previous = previousManifest(options.warehouseDir);
  const base = await reusableBase(options, previous, async () => {
    const inputs = await locateBaseInputs(options.dataDir, options.referenceDir);
    return inputs && baseKey(inputs, policy, label);
  });
  const tmpDir = join(buildDir, 'tmp');
  if (base) {
    await timed(effects, stages, 'load', async () => copyFileSync(join(base.dir, WAREHOUSE_FILE), join(buildDir, WAREHOUSE_FILE)),
      () => `inputs unchanged but the postings: warehouse copied from snapshot ${base.from}`);
  }
  const instance = await DuckDBInstance.create(join(buildDir, WAREHOUSE_FILE), duckdbConfig(readResources(), tmpDir));
  const conn = await instance.connect();
  const sideConnections: DuckDBConnection[] = [];
  try {
    await setPolicyVariables(conn, policy);
    mkdirSync(tmpDir);
    const load = base ? await baseReport(conn, base) : await timed(effects, stages, 'load', () => loadInputs(conn, {
      dataDir: options.dataDir,
      referenceDir: options.referenceDir,
      policy: { reject_share_max: policy.load.reject_share_max },
      tmpDir,
      effects: { progress: (table, done, total) => effects.progress('load', table, done, total), warn: effects.warn },
    }), (r) => `${r.inputs.reduce((n, i) => n + i.rows, 0).toLocaleString('en')} rows, ${r.rejects.length} rejected`);
    const baseWarnings = [...load.warnings];
    const postings = await timed(effects, stages, 'postings', () => loadPostings(conn, {
      dataDir: options.dataDir, referenceDir: options.referenceDir, warehouseDir: options.warehouseDir,
      tmpDir, policy: { reject_share_max: policy.load.reject_share_max }, report: load, now, append: base !== null,
      effects: { progress: (file, done, total) => effects.progress('postings', file, done, total), warn: effects.warn },
    }), (r) => `${r.postings.toLocaleString('en')} postings from ${r.files} daily files, ${r.converted.length} converted${r.appended ? ', appended' : ''}`);
    await saveRejects(conn, load.rejects);
    // The rules are part of the base, unchanged: only what reads the postings is rebuilt.
    const rebuilt = base ? new Set(dependents(readModels(), [POSTINGS_DELTA]).map((m) => m.name)) : undefined;
    await timed(effects, stages, 'models', () => runModels(conn, {
      policy,
      only: rebuilt,
      deltas: postings.appended ? new Set([POSTINGS_DELTA]) : undefined,
      effects: { progress: (model, i, n) => effects.progress('models', model, i, n) },
    }), (runs) => `${runs.length} models`);
    // The tests are DuckDB's work, the export mostly JavaScript's and the reports render in worker
    // threads: run side by side on their own connections, they keep both cores busy. DuckDB's cache
    // gives way to Node's memory meanwhile. Files written before a test fails go with the build.
    const reports = { key: reportsKey(load.inputs, policy), from: id };
    await conn.run(`SET memory_limit = '${readResources().output_memory_limit}'`);
    for (const stage of ['tests', 'export', 'reports']) stages[stage] = 0; // the manifest lists stages in this order
    const [exportConn, reportConn] = [await instance.connect(), await instance.connect()];
    sideConnections.push(exportConn, reportConn);
    await setPolicyVariables(reportConn, policy); // DuckDB variables belong to a connection
    const [tests, marts] = await allSettledOrThrow([
      timed(effects, stages, 'tests', async () => {
        const run = await runModelTests(conn, { reading: rebuilt && new Set([...rebuilt, POSTINGS_DELTA]) });
        // Tests not run again passed on the same tables in the run that built them.
        return [...(base?.manifest.model_tests ?? []).filter((t) => !run.some((r) => r.name === t.name)), ...run]
          .sort((a, b) => (a.name < b.name ? -1 : 1));
      }, (r) => `${r.filter((t) => t.passed).length}/${r.length} passed`),
      timed(effects, stages, 'export', () => exportMarts(exportConn, join(buildDir, 'marts'), effects,
        base && rebuilt ? { base, rebuilt } : undefined),
      (m) => `${m.length} marts, ${(m.reduce((n, x) => n + x.bytes, 0) / 1024).toFixed(0)} KiB`),
      timed(effects, stages, 'reports', async () => {
        if (previous?.reports?.key === reports.key && linkTree(join(options.warehouseDir, CURRENT, 'reports'), join(buildDir, 'reports')) > 0) {
          reports.from = previous.reports.from;
          return `reused from snapshot ${reports.from} (only postings changed)`;
        }
        const index = await generateReports(reportConn, join(buildDir, 'reports'),
          { snapshot: id, finished_at: now().toISOString(), ...label },
          { progress: (done_label, done, total) => effects.progress('reports', done_label, done, total) },
          { minWorkers: 1 });
        return `${index.schools.length} school and ${index.industries.length} industry reports`;
      }, (detail) => detail),
    ] as const);
    const failed = tests.filter((t) => !t.passed);
    if (failed.length) {
      throw new Error(`模型测试未通过 model tests failed: ${failed.map((t) => `${t.name} (${t.failing_rows} rows)`).join(', ')}`);
    }
    const summary = await readSummary(conn);
    drift.push(...checkDrift(previous, { inputs: load.inputs, summary },
      policy.refresh as unknown as DriftLimits));
    if (drift.length && !options.acceptDrift) {
      throw new Error(`数据漂移检查未通过 drift check failed (use --accept-drift if the change is real):\n  ${drift.join('\n  ')}`);
    }
    if (options.parquet) {
      await timed(effects, stages, 'parquet', () => exportParquet(conn, join(buildDir, 'parquet')),
        (p) => `${p.length} tables, ${p.reduce((n, x) => n + x.rows, 0).toLocaleString('en')} rows`);
    }
    return {
      status: 'ok',
      snapshot: id,
      mode: base ? 'postings' : 'full',
      ...label,
      started_at: started.toISOString(),
      finished_at: now().toISOString(),
      stages,
      inputs: load.inputs.map((i) => ({ ...i, file: shortPath(i.file) })),
      rejected_total: load.rejects.length,
      rejects: load.rejects.slice(0, MANIFEST_REJECTS).map((r) => ({ ...r, file: shortPath(r.file) })),
      warnings: load.warnings,
      model_tests: tests.map(({ name, failing_rows, passed }) => ({ name, failing_rows, passed })),
      summary,
      policy,
      marts,
      reports,
      base: base?.manifest.base ?? { key: baseKey(load.inputs, policy, label), from: id, warnings: baseWarnings },
    };
  } finally {
    for (const side of sideConnections) side.closeSync();
    conn.closeSync();
    instance.closeSync();
  }
}

export async function refresh(options: RefreshOptions, effects: Effects = silentEffects): Promise<RefreshResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const release = acquireLock(options.warehouseDir, effects.warn, started);
  const id = snapshotId(started);
  const stages: Record<string, number> = {};
  const drift: string[] = [];
  const record = (outcome: RunRecord['outcome'], manifest: Manifest | null, error: unknown) => appendHistory(options.warehouseDir, {
    started_at: started.toISOString(),
    finished_at: now().toISOString(),
    outcome,
    trigger: options.trigger ?? 'manual',
    snapshot: manifest ? id : null,
    stages,
    rows: manifest?.inputs.reduce((n, i) => n + i.rows, 0) ?? 0,
    rejected: manifest?.rejected_total ?? 0,
    drift,
    error: error ? (error as Error).message : null,
  });
  try {
    for (const left of clearAbandonedBuilds(options.warehouseDir)) effects.warn(`removed an interrupted build (${left})`);
    const buildDir = beginSnapshot(options.warehouseDir, id);
    let manifest: Manifest;
    try {
      manifest = await build(options, effects, id, started, buildDir, stages, drift);
      rmSync(join(buildDir, 'tmp'), { recursive: true, force: true });
      writeManifest(join(buildDir, 'manifest.json'), manifest);
      faultPoint('publish');
    } catch (error) {
      abandonSnapshot(buildDir);
      throw error;
    }
    const snapshotDir = publishSnapshot(options.warehouseDir, buildDir, id);
    pruneSnapshots(options.warehouseDir, options.keepSnapshots ?? manifest.policy.refresh?.keep_snapshots ?? 7);
    record('ok', manifest, null);
    return { manifest, snapshotDir };
  } catch (error) {
    record('failed', null, error);
    throw error;
  } finally {
    release();
  }
}
