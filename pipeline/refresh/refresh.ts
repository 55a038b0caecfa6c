/**
 * The main job: data folder → validated DuckDB warehouse → marts → Arrow files → manifest, built as
 * a new snapshot and published only when every stage, the model tests and the drift checks have
 * passed. A failure at any point leaves the served `current` snapshot exactly as it was, and every
 * run, failed or not, is appended to the run history.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs, type LoadReport } from '../load/load-inputs.ts';
import type { InputReport } from '../load/load-table.ts';
import { readPolicy, setPolicyVariables, type Policy } from '../config/policy.ts';
import { runModels, runModelTests, type ModelRun } from '../transform/run-models.ts';
import { exportMarts } from '../export/export-marts.ts';
import { exportParquet } from '../export/export-parquet.ts';
import { generateReports } from '../reports/generate-reports.ts';
import { reportsKey } from './reuse-reports.ts';
import { linkTree } from './link-tree.ts';
import { baseKey, locateBaseInputs, mappingInput, unreadLegacy } from './base-key.ts';
import { baseReport, copyBaseWarehouse, reusableBase, type Base } from './reuse-base.ts';
import { allSettledOrThrow, stageRunner, type Stage } from './run-stage.ts';
import { dependents, readModels } from '../transform/model-files.ts';
import type { TestScope } from '../transform/model-contracts.ts';
import { POSTINGS_DELTA } from '../postings/raw-postings.ts';
import { WORDS_TABLE } from '../postings/posting-words.ts';
import { readDataLabel, type DataLabel } from '../config/data-label.ts';
import { readSummary } from './summary.ts';
import { checkDrift, type DriftLimits } from './drift.ts';
import { checkYearCoverage } from './year-coverage.ts';
import { readFigureSources } from './figures.ts';
import { estimatesNote } from '../reports/estimates-note.ts';
import { MANIFEST_REJECTS, rejectedRows, servedManifest, writeManifest, type Manifest, type ModelTestEntry } from './manifest.ts';
import {
  abandonSnapshot, beginSnapshot, clearAbandonedBuilds, CURRENT, publishSnapshot, pruneSnapshots, snapshotId, WAREHOUSE_FILE,
} from './snapshot.ts';
import { acquireLock } from './lock.ts';
import { acceptedInputs, acceptedParts, namingDelivered, uploadSource, type SchoolParts } from '../config/accepted-inputs.ts';
import type { InputOverrides } from '../load/locate-input.ts';
import { appendHistory, recordKilled, type RunRecord } from './history.ts';
import { REJECTS_FILE, saveRejects, writeRejectsCsv } from './save-rejects.ts';
import { loadPostings, POSTINGS_STORE, postingsLookups, type PostingsReport } from '../postings/load-postings.ts';
import { noticesPublished } from '../postings/ledger.ts';
import { faultPoint } from './fault.ts';
import { publicPath, publicText } from './public-paths.ts';
import { writeOutlook } from '../outlook/write-outlook.ts';
import { PLAN_CONTRACTS, PLAN_TABLES, writePlan } from '../planner/write-plan.ts';
import { startPlannerWorker, type PlannerWorker } from '../planner/solve-in-worker.ts';
import { INSTANCE_TABLES } from '../planner/read-instance.ts';
import { commitProposal, discardProposal, writePendingProposal, type PendingPlan } from '../planner/archive.ts';
import { buildSettings, duckdbConfig, isSmallBuild, readResources } from '../config/resources.ts';
import { inputBytes } from './input-bytes.ts';
import { checkpointBeside, NO_AUTOMATIC_CHECKPOINT } from './checkpoint.ts';
import { silentEffects, type Effects } from '../config/effects.ts';

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

export interface RefreshResult {
  manifest: Manifest;
  snapshotDir: string;
  /** Settles when the snapshots this run pruned are deleted from disk (they left the list at once). */
  pruned: Promise<void>;
}

/** Stages in the order a run starts them: those run side by side end in any order. */
const STAGE_ORDER = ['load', 'postings', 'outlook', 'models', 'planner', 'tests', 'export', 'reports', 'parquet'];
const inRunOrder = (stages: Record<string, number>) =>
  Object.fromEntries(Object.entries(stages).sort(([a], [b]) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b)));

/** What every stage of one build needs to know. */
interface Run {
  options: RefreshOptions;
  effects: Effects;
  stage: Stage;
  id: string;
  buildDir: string;
  tmpDir: string;
  policy: Policy;
  label: DataLabel;
  previous: Manifest | null;
  /** Set in a postings-only run: the served snapshot it starts from. */
  base: Base | null;
  /** Accepted uploads, loaded instead of the data folder's files. */
  accepted: InputOverrides;
  /** The schools' own accepted files (load/school-parts.ts). */
  parts: SchoolParts;
  /** The plan the planner proposes, pending until the snapshot is published (discarded if it is not). */
  proposal: { plan: PendingPlan | null };
  /** A small build (config/resources.ts isSmallBuild), sized for it. */
  small: boolean;
  now: () => Date;
}

/** The inputs validated into raw_ tables; `loaded` hears of each input as it is loaded. */
function loadStage(run: Run, conn: DuckDBConnection, loaded: (input: InputReport) => void): Promise<LoadReport> {
  const { options, effects, policy } = run;
  return run.stage('load', () => loadInputs(conn, {
    dataDir: options.dataDir,
    referenceDir: options.referenceDir,
    policy: { reject_share_max: policy.load.reject_share_max },
    tmpDir: run.tmpDir,
    overrides: run.accepted,
    parts: run.parts,
    warehouseDir: options.warehouseDir,
    effects: { progress: (table, done, total) => effects.progress('load', table, done, total), warn: effects.warn },
    loaded,
  }), (r) => `${r.inputs.reduce((n, i) => n + i.rows, 0).toLocaleString('en')} rows, ${r.rejects.length} rejected`);
}

/** The postings feed into `report`, checked against `lookups`, the loaded tables its foreign keys look up. */
function postingsStage(run: Run, conn: DuckDBConnection, report: LoadReport, lookups: readonly InputReport[]): Promise<PostingsReport> {
  const { options, effects } = run;
  return run.stage('postings', () => loadPostings(conn, {
    dataDir: options.dataDir, referenceDir: options.referenceDir, warehouseDir: options.warehouseDir, tmpDir: run.tmpDir,
    policy: { reject_share_max: run.policy.load.reject_share_max }, report, lookups, now: run.now, append: run.base !== null,
    effects: { progress: (file, done, total) => effects.progress('postings', file, done, total), warn: effects.warn },
  }), (r) => `${r.postings.toLocaleString('en')} postings from ${r.files} daily files, ${r.converted.length} converted${r.appended ? ', appended' : ''}`);
}

/**
 * The inputs and the postings feed, with the load's warnings alone (the base key's). In a full run
 * the postings start on a connection of their own as soon as the tables their foreign keys look up
 * are loaded, while the other inputs load: neither keeps both cores busy alone. Their inputs,
 * rejects and warnings then join the load report after the load's, as when run one after the
 * other. A postings-only run reads the base's report and then appends the new days.
 */
async function loadAndPostings(run: Run, instance: DuckDBInstance, conn: DuckDBConnection) {
  if (run.base) {
    const load = await baseReport(conn, run.base);
    const loadWarnings = [...load.warnings];
    return { load, loadWarnings, postings: await postingsStage(run, conn, load, load.inputs) };
  }
  const lookups = postingsLookups();
  const found: InputReport[] = [];
  const feed: LoadReport = { inputs: [], rejects: [], warnings: [] };
  const postingsConn = await instance.connect();
  let postings: Promise<PostingsReport> | undefined;
  const start = (inputs: readonly InputReport[]) => {
    postings = postingsStage(run, postingsConn, feed, inputs);
    postings.catch(() => {}); // awaited below, once the load has settled
  };
  try {
    const load = await loadStage(run, conn, (input) => {
      if (lookups.has(input.table)) found.push(input);
      if (!postings && found.length === lookups.size) start(found);
    }).catch(async (error) => {
      await postings?.catch(() => {}); // nothing left running on a connection about to close
      throw error;
    });
    if (!postings) start(load.inputs); // a table looked up that is not an input: the postings check without it, as before
    const report = await postings!;
    const loadWarnings = [...load.warnings];
    load.inputs.push(...feed.inputs);
    load.rejects.push(...feed.rejects);
    load.warnings.push(...feed.warnings);
    return { load, loadWarnings, postings: report };
  } finally {
    postingsConn.closeSync();
  }
}

/** Forecasts per industry for the models to read; a postings-only run keeps the base's, whose demand is unchanged. */
async function outlookStage(run: Run, conn: DuckDBConnection): Promise<void> {
  if (run.base) return;
  await run.stage('outlook', () => writeOutlook(conn, run.policy),
    (r) => `${r.industries} industries over ${r.years} years: ${Object.entries(r.methods).map(([m, n]) => `${m} ${n}`).join(', ')}`);
}

/** What a postings-only run's models stage rebuilt, and the rows its models updated in part replaced. */
interface Rebuilt { models: Set<string>; replaced: Map<string, TestScope> }

/** What the models stage leaves: what it rebuilt, and the planner still solving (settles when its marts are written). */
interface Modelled { rebuilt: Rebuilt | undefined; planned: Promise<void> }

/**
 * Builds the models (in a postings-only run only those the postings feed) and, in a full run, starts
 * the plan: the planner starts as soon as the models it reads are built, on its own connection with
 * HiGHS in a worker thread, while the other models go on, and goes on solving after them while the
 * outputs that do not read its marts are written.
 */
async function modelsStage(run: Run, instance: DuckDBInstance, conn: DuckDBConnection, postings: PostingsReport): Promise<Modelled> {
  // The rules are part of the base, unchanged: only what reads the postings is rebuilt.
  const rebuilt = run.base ? new Set(dependents(readModels(), [POSTINGS_DELTA, WORDS_TABLE]).map((m) => m.name)) : undefined;
  const worker = run.base ? null : startPlannerWorker({ baseline: run.small });
  let planner: Promise<void> | null = null;
  const startPlanner = () => (planner ??= worker ? plannerStage(run, instance, worker) : Promise.resolve());
  const lane = await instance.connect();
  let runs: ModelRun[];
  try {
    runs = await run.stage('models', () => runModels(conn, {
      policy: run.policy,
      only: rebuilt,
      deltas: postings.appended ? new Set([POSTINGS_DELTA, WORDS_TABLE]) : undefined,
      lanes: [lane],
      first: worker ? INSTANCE_TABLES : undefined,
      effects: {
        progress: (model, i, n) => run.effects.progress('models', model, i, n),
        built: (models) => { if (worker && INSTANCE_TABLES.every((t) => models.has(t))) void startPlanner().catch(() => {}); },
      },
    }), (runs) => `${runs.length} models`);
  } catch (error) {
    await (planner as Promise<void> | null)?.catch(() => {}); // nothing left running on a connection about to close
    await worker?.close();
    throw error;
  } finally {
    lane.closeSync();
  }
  const planned = startPlanner().finally(() => worker?.close());
  planned.catch(() => {}); // its failure is the outputs' that wait for it
  return {
    rebuilt: rebuilt && { models: rebuilt, replaced: new Map(runs.flatMap((r) => (r.replaced ? [[r.name, r.replaced] as const] : []))) },
    planned,
  };
}

/**
 * The proposed enrolment plan as marts (a postings-only run keeps the base's, whose inputs are
 * unchanged), then the plan kept pending until the snapshot is published.
 */
async function plannerStage(run: Run, instance: DuckDBInstance, worker: PlannerWorker): Promise<void> {
  const conn = await instance.connect();
  try {
    await run.stage('planner', () => writePlan(conn, run.policy, worker.solve),
      (p) => `${p.status}, ${p.changes.length} changes, ${p.variables.toLocaleString('en')} variables, gap ${p.mip_gap ?? '—'}`);
    run.proposal.plan = await writePendingProposal(conn, run.options.warehouseDir, { snapshot: run.id, proposed_at: run.now().toISOString() });
  } finally {
    conn.closeSync();
  }
}

/**
 * The model tests, the Arrow export and the reports. The tests are DuckDB's work, the export mostly
 * JavaScript's and the reports render in worker threads from 1,000 schools: run side by side on their own
 * connections, they keep both cores busy, while DuckDB's cache gives way to Node's memory. The
 * planner may still be solving on one core: the tests, the export and the reports start at once
 * and leave what reads the plan's marts to the end; the warehouse is checkpointed beside them
 * (checkpoint.ts). Files written before a test fails are discarded with the build.
 */
async function outputStages(run: Run, instance: DuckDBInstance, conn: DuckDBConnection, load: LoadReport,
  { rebuilt, planned }: Modelled) {
  const { options, effects, stage, base, previous, buildDir } = run;
  await conn.run(`SET memory_limit = '${readResources().output_memory_limit}'`);
  const [exportConn, reportConn] = [await instance.connect(), await instance.connect()];
  const plan = { tables: new Set(PLAN_TABLES), ready: planned };
  try {
    await setPolicyVariables(reportConn, run.policy); // DuckDB variables belong to a connection
    const reports = { key: reportsKey(load.inputs, run.policy), from: run.id };
    const [tests, marts] = await allSettledOrThrow([
      stage('tests', async () => {
        const ran = await runModelTests(conn, {
          reading: rebuilt && new Set([...rebuilt.models, POSTINGS_DELTA, WORDS_TABLE]), replaced: rebuilt?.replaced, later: plan,
          contracts: PLAN_CONTRACTS,
        });
        // Tests not run again passed on the same tables in the run that built them.
        return [...(base?.manifest.model_tests ?? []).filter((t) => !ran.some((r) => r.name === t.name)), ...ran]
          .sort((a, b) => (a.name < b.name ? -1 : 1));
      }, (r) => `${r.filter((t) => t.passed).length}/${r.length} passed`),
      stage('export', () => exportMarts(exportConn, join(buildDir, 'marts'), (mart, done, total) => effects.progress('export', mart, done, total),
        base && rebuilt ? { base, rebuilt: rebuilt.models } : undefined, plan),
      (m) => `${m.length} marts, ${(m.reduce((n, x) => n + x.bytes, 0) / 1024).toFixed(0)} KiB`),
      stage('reports', async () => {
        if (previous?.reports?.key === reports.key && await linkTree(join(options.warehouseDir, CURRENT, 'reports'), join(buildDir, 'reports')) > 0) {
          reports.from = previous.reports.from;
          return `reused from snapshot ${reports.from} (only postings changed)`;
        }
        const index = await generateReports(reportConn, join(buildDir, 'reports'),
          { snapshot: run.id, finished_at: run.now().toISOString(), ...run.label, estimates: estimatesNote(await readFigureSources(reportConn)) },
          { progress: (label, done, total) => effects.progress('reports', label, done, total) },
          { planned });
        return `${index.schools.length} school and ${index.industries.length} industry reports`;
      }, (detail) => detail),
      checkpointBeside(instance),
    ] as const);
    return { tests, marts, reports };
  } finally {
    exportConn.closeSync();
    reportConn.closeSync();
  }
}

/** Throws when a model test failed or, unless accepted, the drift checks found something. */
async function checkPublishable(run: Run, conn: DuckDBConnection, load: LoadReport, tests: ModelTestEntry[], drift: string[]) {
  const failed = tests.filter((t) => !t.passed);
  if (failed.length) {
    throw new Error(`模型测试未通过 model tests failed: ${failed.map((t) => `${t.name} (${t.failing_rows} rows)`).join(', ')}`);
  }
  const summary = await readSummary(conn);
  const limits = run.policy.refresh as unknown as DriftLimits;
  const coverage = await checkYearCoverage(conn, limits.drift_max_shrink);
  // A finding about the data itself, once accepted, is in the served snapshot's notes: the next
  // nights, whose inputs still hold it, say it again rather than stop on it.
  const accepted = new Set(run.previous?.warnings ?? []);
  const findings = coverage.findings.filter((f) => !accepted.has(f));
  drift.push(...findings, ...checkDrift(run.previous, { inputs: load.inputs, summary }, limits));
  if (drift.length && !run.options.acceptDrift) {
    throw new Error(`数据漂移检查未通过 drift check failed (use --accept-drift if the change is real):\n  ${drift.join('\n  ')}`);
  }
  for (const note of [...coverage.notes, ...coverage.findings]) {
    load.warnings.push(note);
    run.effects.warn(note);
  }
  return summary;
}

async function build(options: RefreshOptions, effects: Effects, id: string, started: Date,
  buildDir: string, stages: Record<string, number>, drift: string[], proposal: { plan: PendingPlan | null }): Promise<Manifest> {
  const policy = readPolicy(options.policyPath);
  const label = readDataLabel(options.dataDir);
  const previous = servedManifest(options.warehouseDir);
  const accepted = acceptedInputs(options.warehouseDir);
  const parts = acceptedParts(options.warehouseDir);
  const base = options.full || options.parquet ? null : await reusableBase(options.warehouseDir, previous, async () => {
    const inputs = await locateBaseInputs(options.dataDir, options.referenceDir, accepted, parts);
    return inputs && baseKey(inputs, policy, label);
  });
  const stage = stageRunner(effects, stages);
  const run: Run = {
    options, effects, stage, id, buildDir, tmpDir: join(buildDir, 'tmp'), policy, label, previous, base, accepted, parts, proposal, now: options.now ?? (() => new Date()),
    small: isSmallBuild(inputBytes(options.dataDir, options.warehouseDir)),
  };
  if (base) {
    await stage('load', async () => copyBaseWarehouse(base, buildDir),
      () => `inputs unchanged but the postings: warehouse copied from snapshot ${base.from}`);
  }
  const instance = await DuckDBInstance.create(join(buildDir, WAREHOUSE_FILE),
    { ...duckdbConfig(readResources(), run.tmpDir), checkpoint_threshold: NO_AUTOMATIC_CHECKPOINT });
  const conn = await instance.connect();
  try {
    for (const setting of buildSettings(run.small)) await conn.run(setting);
    await setPolicyVariables(conn, policy);
    mkdirSync(run.tmpDir);
    const { load, loadWarnings: baseWarnings, postings } = await loadAndPostings(run, instance, conn);
    await saveRejects(conn, load.rejects);
    const rejects = load.rejects.map((r) => ({ ...r, file: publicPath(r.file, options) }));
    // A warning about a delivered file names it as its sender did, as the inputs and rejects do, not by the server's path.
    const delivered = namingDelivered(options.warehouseDir, load.inputs.flatMap((i) => [i.file, ...(i.uploads ?? []).map((d) => d.file)]));
    if (rejects.length > 0) writeRejectsCsv(join(buildDir, REJECTS_FILE), rejects);
    await outlookStage(run, conn);
    const { tests, marts, reports } = await outputStages(run, instance, conn, load, await modelsStage(run, instance, conn, postings));
    const summary = await checkPublishable(run, conn, load, tests, drift);
    if (options.parquet) {
      await stage('parquet', () => exportParquet(conn, join(buildDir, 'parquet')),
        (p) => `${p.length} tables, ${p.reduce((n, x) => n + x.rows, 0).toLocaleString('en')} rows`);
    }
    return {
      status: 'ok',
      snapshot: id,
      mode: base ? 'postings' : 'full',
      ...label,
      started_at: started.toISOString(),
      finished_at: run.now().toISOString(),
      stages: inRunOrder(stages),
      inputs: load.inputs.map((i) => {
        const upload = uploadSource(options.warehouseDir, i.file);
        const days = i.uploads?.map((d) => ({ ...d, file: publicPath(d.file, options) }));
        return { ...i, file: publicPath(i.file, options), ...(upload ? { upload } : {}), ...(days ? { uploads: days } : {}) };
      }),
      rejected_total: load.rejects.length,
      rejects: rejects.slice(0, MANIFEST_REJECTS),
      ...(rejects.length > 0 ? { rejects_file: REJECTS_FILE } : {}),
      warnings: load.warnings.map((w) => publicText(delivered(w), options)),
      model_tests: tests.map(({ name, failing_rows, passed }) => ({ name, failing_rows, passed })),
      summary,
      figures: await readFigureSources(conn),
      policy,
      marts,
      reports,
      proposals: base ? (base.manifest.proposals ?? null)
        : load.proposals ? { ...load.proposals, file: publicPath(load.proposals.file, options) } : null,
      base: base?.manifest.base ?? {
        key: baseKey([...load.inputs, ...await unreadLegacy(options.dataDir, options.referenceDir, load.inputs), ...await mappingInput(options.dataDir)], policy, label),
        from: id, warnings: baseWarnings.map((w) => publicText(w, options)),
      },
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * After a full run is published, its proposed plan becomes the archive of its plan year
 * (planner/archive.ts); a postings-only run has the base's plan, already archived. Failing to move it
 * does not undo the published snapshot: the operator is told, and the previous archive stays.
 */
function keepProposal(options: RefreshOptions, effects: Effects, plan: PendingPlan | null): void {
  if (!plan) return;
  try {
    commitProposal(plan);
    if (plan.rows) effects.info(`方案已存档 — proposed plan for ${plan.plan_year} archived (${plan.rows} changes): ${publicPath(plan.file, options)}`);
    else effects.info(`方案无调整 — the plan for ${plan.plan_year} changes nothing: no archive to track`);
  } catch (error) {
    discardProposal(plan);
    effects.warn(`方案未能存档 — could not archive the proposed plan: ${publicText((error as Error).message, options)}`);
  }
}

export async function refresh(options: RefreshOptions, effects: Effects = silentEffects): Promise<RefreshResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const id = snapshotId(started);
  const stages: Record<string, number> = {};
  const drift: string[] = [];
  const line = (outcome: RunRecord['outcome'], manifest: Manifest | null, error: unknown): RunRecord => ({
    run: `${id}-${process.pid}`,
    started_at: started.toISOString(),
    finished_at: outcome === 'running' ? started.toISOString() : now().toISOString(),
    outcome,
    trigger: options.trigger ?? 'manual',
    snapshot: manifest ? id : null,
    stages,
    rows: manifest?.inputs.reduce((n, i) => n + i.rows, 0) ?? 0,
    rejected: manifest ? rejectedRows(manifest.inputs) : 0,
    drift,
    error: error ? publicText((error as Error).message, options) : null,
  });
  // The outcome of a failed run is written as best it can be: on a full disk the original error still reaches the operator.
  const record = (outcome: RunRecord['outcome'], error: unknown) => {
    try {
      appendHistory(options.warehouseDir, line(outcome, null, error));
    } catch (failure) {
      effects.warn(`运行记录未能写入 — could not write the run history: ${(failure as Error).message}`);
    }
  };
  let release: () => void;
  try {
    release = acquireLock(options.warehouseDir, effects.warn, started);
  } catch (error) {
    // Refused: its start and its outcome at once, so no holder of the lock takes it for killed.
    record('running', null);
    record('failed', error);
    throw error;
  }
  try {
    for (const killed of recordKilled(options.warehouseDir, started)) effects.warn(`a run started at ${killed.started_at} was killed before it finished`);
    appendHistory(options.warehouseDir, line('running', null, null));
    for (const left of clearAbandonedBuilds(options.warehouseDir)) effects.warn(`removed an interrupted build (${left})`);
    const buildDir = beginSnapshot(options.warehouseDir, id);
    let manifest: Manifest;
    const proposal: { plan: PendingPlan | null } = { plan: null };
    try {
      manifest = await build(options, effects, id, started, buildDir, stages, drift, proposal);
      rmSync(join(buildDir, 'tmp'), { recursive: true, force: true });
      writeManifest(join(buildDir, 'manifest.json'), manifest);
      faultPoint('publish');
    } catch (error) {
      discardProposal(proposal.plan);
      abandonSnapshot(buildDir);
      throw error;
    }
    const snapshotDir = publishSnapshot(options.warehouseDir, buildDir, id);
    try {
      noticesPublished(join(options.warehouseDir, POSTINGS_STORE));
    } catch (error) {
      effects.warn(`招聘数据提示未能清除 — could not clear the postings store's notices (the next run says them again): ${(error as Error).message}`);
    }
    keepProposal(options, effects, proposal.plan);
    const pruned = pruneSnapshots(options.warehouseDir, options.keepSnapshots ?? manifest.policy.refresh?.keep_snapshots ?? 7);
    appendHistory(options.warehouseDir, line('ok', manifest, null));
    return {
      manifest, snapshotDir,
      // Left undeleted (a process ending first), they are deleted at the next run's start.
      pruned: pruned.deleted.catch((error) => effects.warn(`旧快照未能删除 — could not delete pruned snapshots: ${(error as Error).message}`)),
    };
  } catch (error) {
    record('failed', error);
    throw error;
  } finally {
    release();
  }
}
