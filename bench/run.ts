/**
 * `npm run bench`: measures every job at the city, province and national scales and writes
 * bench/results/<date>.json plus the generated tables of docs/performance.md (between
 * `<!-- bench:NAME -->` markers). Never part of `npm test`: timings on a shared 2-core machine
 * are evidence, not pass/fail. A part that cannot run is skipped with its reason in the results.
 *   npm run bench [-- --runs 3] [--scales city,province,national] [--tables-only]
 * The province and national samples are generated into /tmp/chanjiao-<scale> on first use (minutes).
 * Scales measured earlier the same day stay in the results, so they can be measured one at a time.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../pipeline/config/paths.ts';
import { CURRENT } from '../pipeline/refresh/snapshot.ts';
import type { Manifest } from '../pipeline/refresh/manifest.ts';
import { benchRefresh } from './refresh.ts';
import { benchIngest } from './ingest.ts';
import { benchNightly } from './nightly.ts';
import { benchReports } from './reports.ts';
import { benchClassification } from './classification.ts';
import { benchPlanner } from './planner.ts';
import { benchDashboard } from './dashboard.ts';
import { browserBytes } from './browser-bytes.ts';
import { ensureScale, SCALE_NAMES, type ScaleName } from './scales.ts';
import { replaceSection } from './doc-section.ts';
import {
  classificationTable, dashboardTable, goalsTable, headroomTable, ingestTable, nightlyTable, plannerTable, reportsTable, scalesTable, type BenchResults, type Maybe,
} from './tables.ts';

const HELP = `用法 Usage: npm run bench -- [--runs N] [--scales ${SCALE_NAMES.join(',')}] [--tables-only]

性能基准。Measures every job at each scale (median of N fresh-process runs) and writes
bench/results/<date>.json and the tables of docs/performance.md. Province and national samples are
generated into /tmp/chanjiao-<scale> on first use (minutes).

  --runs N         runs per measurement (default 3)
  --scales LIST    comma-separated scales (default ${SCALE_NAMES.join(',')})
  --tables-only    rewrite docs/performance.md from today's results without measuring
  -h, --help       this help`;

function usageError(message: string): never {
  console.error(`✗ ${message}\n\n${HELP}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      scales: { type: 'string', default: SCALE_NAMES.join(',') },
      /** Rewrite the tables of docs/performance.md from today's results without measuring. */
      'tables-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError((error as Error).message);
}
const { values } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const runs = Number(values.runs);
const scales = values.scales.split(',') as ScaleName[];
if (!Number.isInteger(runs) || runs < 1 || scales.some((s) => !SCALE_NAMES.includes(s))) {
  usageError(`--runs must be a whole number ≥ 1 and --scales a list of ${SCALE_NAMES.join(', ')}`);
}
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function attempt<T>(part: string, work: () => T | Promise<T>): Promise<Maybe<T>> {
  try {
    return await work();
  } catch (error) {
    log(`${part} skipped: ${(error as Error).message.split('\n')[0]}`);
    return { skipped: (error as Error).message.split('\n')[0] };
  }
}

const at = new Date();
const resultsPath = join(ROOT, `bench/results/${at.toISOString().slice(0, 10)}.json`);
// Scales measured earlier the same day are kept, so a long national run can be made on its own.
const earlier = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults).scales : {};
const results: BenchResults = {
  at: at.toISOString(), node: process.version, cpus: availableParallelism(), runs, load_average: loadavg(), scales: earlier,
};
for (const scale of values['tables-only'] ? [] : scales) {
  const { dir, generated_ms } = ensureScale(scale, log);
  const kept = `/tmp/chanjiao-bench-warehouse-${scale}`;
  rmSync(kept, { recursive: true, force: true });
  log(`${scale}: full refresh × ${runs}`);
  const refresh = benchRefresh(dir, runs, kept);
  const manifest = JSON.parse(readFileSync(join(kept, CURRENT, 'manifest.json'), 'utf8')) as Manifest;
  const sizes = Object.fromEntries(manifest.inputs.map((i) => [i.table, i.rows]));
  log(`${scale}: bare read_csv × ${runs}`);
  const ingest = await attempt(`${scale} ingest`, () => benchIngest(dir, runs));
  log(`${scale}: nightly × ${runs}`);
  const nightly = await attempt(`${scale} nightly`, () => benchNightly(runs, dir));
  log(`${scale}: reports × ${runs}`);
  const reports = await attempt(`${scale} reports`, () => benchReports(runs, kept));
  log(`${scale}: classification × ${runs}`);
  const classification = await attempt(`${scale} classification`, () => benchClassification(runs, kept));
  log(`${scale}: planner × ${runs}`);
  const planner = await attempt(`${scale} planner`, () => benchPlanner(runs, kept));
  const browser = await attempt(`${scale} browser bytes`, () => browserBytes(kept));
  log(`${scale}: dashboard in chromium`);
  const dashboard = await attempt(`${scale} dashboard`, () => benchDashboard({ warehouseDir: kept }));
  results.scales[scale] = { data_dir: dir, generated_ms, sizes, refresh, ingest, nightly, reports, classification, planner, browser, dashboard };
  rmSync(kept, { recursive: true, force: true });
}
if (values['tables-only']) Object.assign(results, JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults);

results.scales = Object.fromEntries(SCALE_NAMES.filter((s) => results.scales[s]).map((s) => [s, results.scales[s]]));
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
const docPath = join(ROOT, 'docs/performance.md');
let doc = readFileSync(docPath, 'utf8');
const sections: Record<string, string> = {
  goals: goalsTable(results),
  scales: scalesTable(results),
  ingest: ingestTable(results),
  nightly: nightlyTable(results),
  reports: reportsTable(results),
  classification: classificationTable(results),
  planner: plannerTable(results),
  dashboard: dashboardTable(results),
  headroom: headroomTable(results),
};
for (const [name, table] of Object.entries(sections)) doc = replaceSection(doc, name, table);
writeFileSync(docPath, doc);
console.log(sections.goals);
