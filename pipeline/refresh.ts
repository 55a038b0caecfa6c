/**
 * The main job: data folder → validated DuckDB warehouse → marts → Arrow files → manifest, built as
 * a new snapshot and published only when every stage has succeeded. A failure at any point leaves
 * the served `current` snapshot exactly as it was.
 */
import { mkdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs } from './load/load-inputs.ts';
import { readPolicy, runModels, runModelTests, setPolicyVariables } from './run-models.ts';
import { exportArrow } from './export-arrow.ts';
import { readDataLabel } from './data-label.ts';
import { readSummary } from './summary.ts';
import { MANIFEST_REJECTS, writeManifest, type Manifest } from './manifest.ts';
import { abandonSnapshot, beginSnapshot, publishSnapshot, pruneSnapshots, snapshotId } from './snapshot.ts';
import { saveRejects } from './save-rejects.ts';
import { silentEffects, type Effects } from './effects.ts';

export interface RefreshOptions {
  dataDir: string;
  referenceDir: string;
  warehouseDir: string;
  policyPath?: string;
  /** Published snapshots kept after this one (older ones are pruned). */
  keepSnapshots?: number;
  now?: () => Date;
}

export interface RefreshResult { manifest: Manifest; snapshotDir: string }

/** Thrown when the model tests fail: the snapshot is not published. */
export class ModelTestsFailed extends Error {}

async function timed<T>(effects: Effects, stages: Record<string, number>, stage: string,
  work: () => Promise<T>, detail: (value: T) => string): Promise<T> {
  effects.stageStart(stage);
  const t0 = performance.now();
  const value = await work();
  stages[stage] = Math.round(performance.now() - t0);
  effects.stageEnd(stage, stages[stage], detail(value));
  return value;
}

async function exportMarts(conn: DuckDBConnection, dir: string, effects: Effects) {
  mkdirSync(dir, { recursive: true });
  const tables = (await conn.runAndReadAll(
    `SELECT table_name FROM information_schema.tables
     WHERE table_name LIKE 'mart\\_%' ESCAPE '\\' OR table_name LIKE 'dim\\_%' ESCAPE '\\' ORDER BY 1`,
  )).getRowsJS().map((r) => String(r[0]));
  const marts = [];
  for (const [i, name] of tables.entries()) {
    effects.progress('export', name, i + 1, tables.length);
    const path = join(dir, `${name}.arrow`);
    const rows = await exportArrow(conn, name, path);
    marts.push({ name, rows, bytes: statSync(path).size });
  }
  return marts;
}

export async function refresh(options: RefreshOptions, effects: Effects = silentEffects): Promise<RefreshResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const id = snapshotId(started);
  const buildDir = beginSnapshot(options.warehouseDir, id);
  const stages: Record<string, number> = {};
  const instance = await DuckDBInstance.create(join(buildDir, 'warehouse.duckdb'));
  const conn = await instance.connect();
  try {
    const policy = readPolicy(options.policyPath);
    await setPolicyVariables(conn, policy);
    const load = await timed(effects, stages, 'load', () => loadInputs(conn, {
      dataDir: options.dataDir,
      referenceDir: options.referenceDir,
      policy: policy.load,
      tmpDir: join(buildDir, 'tmp'),
      effects: { progress: (table, done, total) => effects.progress('load', table, done, total), warn: effects.warn },
    }), (r) => `${r.inputs.reduce((n, i) => n + i.rows, 0).toLocaleString('en')} rows, ${r.rejects.length} rejected`);
    await saveRejects(conn, load.rejects);
    await timed(effects, stages, 'models', () => runModels(conn, {
      policy,
      effects: { progress: (model, i, n) => effects.progress('models', model, i, n) },
    }), (runs) => `${runs.length} models`);
    const tests = await timed(effects, stages, 'tests', () => runModelTests(conn),
      (r) => `${r.filter((t) => t.passed).length}/${r.length} passed`);
    const failed = tests.filter((t) => !t.passed);
    if (failed.length) {
      throw new ModelTestsFailed(`model tests failed: ${failed.map((t) => `${t.name} (${t.failing_rows} rows)`).join(', ')}`);
    }
    const marts = await timed(effects, stages, 'export', () => exportMarts(conn, join(buildDir, 'marts'), effects),
      (m) => `${m.length} marts, ${(m.reduce((n, x) => n + x.bytes, 0) / 1024).toFixed(0)} KiB`);
    const manifest: Manifest = {
      status: 'ok',
      snapshot: id,
      ...readDataLabel(options.dataDir),
      started_at: started.toISOString(),
      finished_at: now().toISOString(),
      stages,
      inputs: load.inputs,
      rejected_total: load.rejects.length,
      rejects: load.rejects.slice(0, MANIFEST_REJECTS),
      warnings: load.warnings,
      model_tests: tests.map(({ name, failing_rows, passed }) => ({ name, failing_rows, passed })),
      summary: await readSummary(conn),
      policy,
      marts,
    };
    conn.closeSync();
    instance.closeSync();
    rmSync(join(buildDir, 'tmp'), { recursive: true, force: true });
    writeManifest(join(buildDir, 'manifest.json'), manifest);
    const snapshotDir = publishSnapshot(options.warehouseDir, buildDir, id);
    pruneSnapshots(options.warehouseDir, options.keepSnapshots ?? 7);
    return { manifest, snapshotDir };
  } catch (error) {
    conn.closeSync();
    instance.closeSync();
    abandonSnapshot(buildDir);
    throw error;
  }
}
