/**
 * The generated tables of docs/performance.md: the three scales side by side, each figure the
 * median of the runs, and the goals with the measured figure and whether it is met.
 */
import type { RefreshBench } from './refresh.ts';
import type { IngestBench } from './ingest.ts';
import type { NightlyBench } from './nightly.ts';
import type { ReportsBench } from './reports.ts';
import type { ClassificationBench } from './classification.ts';
import type { PlannerBench } from './planner.ts';
import type { DashboardBench } from './dashboard.ts';
import type { BrowserBytes } from './browser-bytes.ts';
import type { ScaleName } from './scales.ts';

export type Skipped = { skipped: string };
export type Maybe<T> = T | Skipped;

export interface ScaleResult {
  data_dir: string;
  generated_ms: number;
  /** Rows loaded per input table (postings: each posting once). */
  sizes: Record<string, number>;
  refresh: RefreshBench;
  ingest: Maybe<IngestBench>;
  nightly: Maybe<NightlyBench>;
  reports: Maybe<ReportsBench>;
  /** Absent in results measured before it existed. */
  classification?: Maybe<ClassificationBench>;
  /** Absent in results measured before the planner existed. */
  planner?: Maybe<PlannerBench>;
  browser: Maybe<BrowserBytes>;
  /** Headless chromium over this scale's warehouse; null without chromium. */
  dashboard: Maybe<DashboardBench | null>;
}

export interface BenchResults {
  at: string;
  node: string;
  cpus: number;
  runs: number;
  load_average: number[];
  scales: Partial<Record<ScaleName, ScaleResult>>;
}

const ok = <T>(value: Maybe<T> | undefined): value is T => value !== undefined && value !== null && !(value as Skipped).skipped;
const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 0)} MB`;
const n = (x: number | undefined) => (x === undefined ? '–' : Math.round(x).toLocaleString('en'));

function sideBySide(results: BenchResults, rows: [string, (r: ScaleResult) => string][]): string {
  const scales = Object.keys(results.scales) as ScaleName[];
  const cell = (scale: ScaleName, f: (r: ScaleResult) => string) => {
    try {
      return f(results.scales[scale]!);
    } catch {
      return '–';
    }
  };
  return [`| | ${scales.join(' | ')} |`, `|---|${scales.map(() => '---|').join('')}`,
    ...rows.map(([label, f]) => `| ${label} | ${scales.map((scale) => cell(scale, f)).join(' | ')} |`)].join('\n');
}

const skippedNote = (results: BenchResults, part: 'ingest' | 'nightly' | 'reports' | 'classification' | 'planner' | 'browser' | 'dashboard') =>
  Object.entries(results.scales).flatMap(([scale, r]) => {
    const value = r![part];
    if (value === null) return [`- ${scale}: skipped — no chromium on this machine`];
    return ok(value) ? [] : [`- ${scale}: skipped — ${(value as Skipped | undefined)?.skipped ?? 'not measured'}`];
  });
const filterP95 = (d: Pick<DashboardBench, 'filter_update_ms'>) => Math.max(...Object.values(d.filter_update_ms).map((f) => f.p95));

/** Sizes, full refresh and its stages at each scale. */
export function scalesTable(results: BenchResults): string {
  const stages = [...new Set(Object.values(results.scales).flatMap((r) => Object.keys(r!.refresh.stage_median_ms)))];
  return [
    `Measured ${results.at.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\`: median of ${results.runs} runs, each a fresh process and a ` +
      `fresh warehouse; Node ${results.node}, ${results.cpus} cores, load average ${results.load_average.map((x) => x.toFixed(1)).join(' / ')} at the start.`,
    '',
    sideBySide(results, [
      ['schools', (r) => n(r.sizes.schools)],
      ['programme rows (all years)', (r) => n(r.sizes.programmes)],
      ['demand rows', (r) => n(r.sizes.demand)],
      ['postings (one year, de-duplicated)', (r) => n(r.sizes.postings)],
      ['**full refresh**, wall', (r) => `**${s(r.refresh.median_ms)}**`],
      ['full refresh, CPU (user + system)', (r) => s(r.refresh.cpu_median_ms)],
      ['full refresh, p95 wall', (r) => s(r.refresh.p95_ms)],
      ['**peak RSS**', (r) => `**${n(r.refresh.max_rss_mb)} MB**`],
      ...stages.map((stage): [string, (r: ScaleResult) => string] => [`stage: ${stage}`, (r) => s(r.refresh.stage_median_ms[stage])]),
    ]),
  ].join('\n');
}

export function ingestTable(results: BenchResults): string {
  return [
    sideBySide(results, [
      ['postings rows in the files', (r) => n((r.ingest as IngestBench).rows)],
      ['bare read_csv into a table, wall', (r) => s((r.ingest as IngestBench).bare_ms)],
      ['ingest (a cold store, bench/ingest-once.ts), wall', (r) => s((r.ingest as IngestBench).ingest_ms)],
      ['bare read_csv, CPU', (r) => s((r.ingest as IngestBench).bare_cpu_ms)],
      ['ingest, CPU', (r) => s((r.ingest as IngestBench).ingest_cpu_ms)],
      ['ingest, peak RSS', (r) => `${n((r.ingest as IngestBench).ingest_max_rss_mb)} MB`],
      ['bare read_csv, rows/s', (r) => n((r.ingest as IngestBench).bare_rows_per_s)],
      ['ingest, rows/s', (r) => n((r.ingest as IngestBench).ingest_rows_per_s)],
      ['**ingest ÷ bare** (goal ≥ 0.8)', (r) => `**${(r.ingest as IngestBench).ratio.toFixed(2)}**`],
    ]),
    ...skippedNote(results, 'ingest'),
  ].join('\n');
}

export function nightlyTable(results: BenchResults): string {
  const stages = ['load', 'postings', 'models', 'tests', 'export', 'reports'];
  return [
    sideBySide(results, [
      ['daily files already stored', (r) => n((r.nightly as NightlyBench).stored_days)],
      ['**nightly refresh, one new day**, wall', (r) => `**${s((r.nightly as NightlyBench).median_ms)}**`],
      ['nightly, p95 wall', (r) => s((r.nightly as NightlyBench).p95_ms)],
      ['nightly, peak RSS', (r) => `${n((r.nightly as NightlyBench).max_rss_mb)} MB`],
      ...stages.map((stage): [string, (r: ScaleResult) => string] => [`stage: ${stage}`, (r) => s((r.nightly as NightlyBench).stage_median_ms[stage])]),
    ]),
    ...skippedNote(results, 'nightly'),
  ].join('\n');
}

export function reportsTable(results: BenchResults): string {
  return [
    sideBySide(results, [
      ['**all reports**, wall', (r) => `**${s((r.reports as ReportsBench).median_ms)}**`],
      ['all reports, CPU', (r) => s((r.reports as ReportsBench).cpu_median_ms)],
      ['files', (r) => n((r.reports as ReportsBench).files)],
      ['size', (r) => `${(r.reports as ReportsBench).megabytes.toFixed(1)} MB`],
      ['peak RSS', (r) => `${n((r.reports as ReportsBench).max_rss_mb)} MB`],
    ]),
    ...skippedNote(results, 'reports'),
  ].join('\n');
}

/** The postings' classification of a whole year, and of one new day within the nightly refresh. */
export function classificationTable(results: BenchResults): string {
  const c = (r: ScaleResult) => r.classification as ClassificationBench;
  const night = (r: ScaleResult) => (r.nightly as NightlyBench).stage_median_ms;
  return [
    sideBySide(results, [
      ['postings classified (one year)', (r) => n(c(r).postings)],
      ['distinct titles, employers and hints', (r) => n(c(r).values)],
      ['**whole year** (words + posting models), wall', (r) => `**${s(c(r).median_ms)}**`],
      ['cut into words', (r) => s(c(r).segment_median_ms)],
      ['posting models', (r) => s(c(r).models_median_ms)],
      ['whole year, CPU', (r) => s(c(r).cpu_median_ms)],
      ['whole year, peak RSS', (r) => `${n(c(r).max_rss_mb)} MB`],
      ['**one new day** (nightly stages postings + models)', (r) => `**${s(night(r).postings + night(r).models)}**`],
    ]),
    ...skippedNote(results, 'classification'),
  ].join('\n');
}

/** The enrolment planner: instance size, time, outcome and optimality gap. */
export function plannerTable(results: BenchResults): string {
  const p = (r: ScaleResult) => r.planner as PlannerBench;
  return [
    sideBySide(results, [
      ['**read + solve**, wall', (r) => `**${s(p(r).median_ms)}**`],
      ['solve (HiGHS)', (r) => s(p(r).solve_median_ms)],
      ['options (programmes and candidates)', (r) => n(p(r).last.options)],
      ['variables × constraints', (r) => `${n(p(r).last.variables)} × ${n(p(r).last.constraints)}`],
      ['status, optimality gap', (r) => `${p(r).last.status}, ${p(r).last.mip_gap === null ? '–' : `${(p(r).last.mip_gap! * 100).toPrecision(2)} %`}`],
      ['changes proposed', (r) => n(p(r).last.changes)],
      ['peak RSS', (r) => `${n(p(r).last.max_rss_mb)} MB`],
    ]),
    ...skippedNote(results, 'planner'),
  ].join('\n');
}

export function dashboardTable(results: BenchResults): string {
  const d = (r: ScaleResult) => r.dashboard as DashboardBench;
  return [
    'Headless chromium over each scale\'s warehouse (bench/dashboard.ts), and the sizes of the files written for the browser:',
    '',
    sideBySide(results, [
      ['JS loaded by the first page (gzip)', (r) => `${d(r).js_gzip_kb.toFixed(0)} KB`],
      ['JS loaded on demand (gzip)', (r) => Object.entries(d(r).js_on_demand_gzip_kb ?? {}).sort(([, a], [, b]) => b - a)
        .map(([f, kb]) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${kb.toFixed(0)} KB`).join(', ')],
      ['**first chart**, cold load (median of 5)', (r) => `**${d(r).first_chart_ms.median.toFixed(0)} ms**`],
      ...Object.keys(Object.values(results.scales).map((r) => r!.dashboard).find((x): x is DashboardBench => ok(x) && x !== null)?.filter_update_ms ?? {})
        .map((view): [string, (r: ScaleResult) => string] => [`filter update p95, ${view} (50 changes)`, (r) => `${d(r).filter_update_ms[view].p95.toFixed(1)} ms`]),
      ...(['analyst', 'school'] as const).flatMap((role): [string, (r: ScaleResult) => string][] => [
        [`first chart, signed in as ${role === 'analyst' ? 'an analyst' : 'a school'}`, (r) => `${d(r).signed_in[role].first_chart_ms.median.toFixed(0)} ms`],
        [`filter update p95 (worst view), signed in as ${role === 'analyst' ? 'an analyst' : 'a school'}`, (r) => `${filterP95(d(r).signed_in[role]).toFixed(1)} ms`],
      ]),
      ['data fetched by the first page', (r) => mb(d(r).bytes_fetched.first_page)],
      ['data fetched opening the largest school', (r) => mb(d(r).bytes_fetched.school_page)],
      ['first page\'s marts as whole files', (r) => {
        const b = r.browser as BrowserBytes;
        return b.first_chart_whole === null ? `not written: ${b.not_written_whole.map((m) => `${m.name} ${n(m.rows)} rows`).join(', ')}` : mb(b.first_chart_whole);
      }],
      ['same marts as province roll-ups', (r) => mb((r.browser as BrowserBytes).first_chart_provinces)],
      ['largest school file', (r) => mb((r.browser as BrowserBytes).largest_school_file)],
    ]),
    ...skippedNote(results, 'dashboard'),
    ...skippedNote(results, 'browser'),
  ].join('\n');
}

/** Every goal with its measured figure; a goal without a measurement says so. */
export function goalsTable(results: BenchResults): string {
  const national = results.scales.national;
  const city = results.scales.city;
  const row = (goal: string, measured: number | undefined, format: (x: number) => string, met: (x: number) => boolean) =>
    `| ${goal} | ${measured === undefined ? 'not measured' : format(measured)} | ${measured === undefined ? '–' : met(measured) ? 'met' : '**not met**'} |`;
  const d = ok(national?.dashboard) ? national.dashboard : null;
  return [
    '| goal | measured | |',
    '|---|---|---|',
    row('city: full refresh < 5 s', city?.refresh.median_ms, s, (x) => x < 5000),
    row('national: full refresh < 120 s', national?.refresh.median_ms, s, (x) => x < 120_000),
    row('national: peak RSS < 3 GB', national?.refresh.max_rss_mb, (x) => `${n(x)} MB`, (x) => x < 3072),
    row('national: nightly, one new day < 10 s', ok(national?.nightly) ? national.nightly.median_ms : undefined, s, (x) => x < 10_000),
    row('national: all reports < 60 s', ok(national?.reports) ? national.reports.median_ms : undefined, s, (x) => x < 60_000),
    row('city: planner optimal (within planner.mip_gap) < 2 s', ok(city?.planner) && city.planner.last.status === 'optimal' ? city.planner.median_ms : undefined, s, (x) => x < 2000),
    row('national: planner within 60 s (or its gap reported)', ok(national?.planner) ? national.planner.median_ms : undefined, s, (x) => x < 60_000),
    row('national: classification of the year (words + posting models) < 120 s', ok(national?.classification) ? national.classification.median_ms : undefined, s, (x) => x < 120_000),
    row('national: classification of one new day (nightly postings + models stages) < 10 s',
      ok(national?.nightly) ? national.nightly.stage_median_ms.postings + national.nightly.stage_median_ms.models : undefined, s, (x) => x < 10_000),
    row('national: postings ingest ≥ 0.8 × bare read_csv', ok(national?.ingest) ? national.ingest.ratio : undefined, (x) => x.toFixed(2), (x) => x >= 0.8),
    row('national: the first page fetches no row-level data (< 2 MB)', d?.bytes_fetched.first_page, mb, (x) => x < 2 * 1024 * 1024),
    row('dashboard: JS loaded by the first page < 250 KB (gzip)', d?.js_gzip_kb, (x) => `${x.toFixed(0)} KB`, (x) => x < 250),
    row('national dashboard (chromium): first chart < 2 s', d?.first_chart_ms.median, (x) => `${x.toFixed(0)} ms`, (x) => x < 2000),
    row('national dashboard (chromium): filter p95 < 50 ms', d ? filterP95(d) : undefined, (x) => `${x.toFixed(1)} ms`, (x) => x < 50),
    ...(['analyst', 'school'] as const).flatMap((role) => [
      row(`national dashboard, signed in as ${role === 'analyst' ? 'an analyst' : 'a school'}: first chart < 2 s`, d?.signed_in?.[role].first_chart_ms.median, (x) => `${x.toFixed(0)} ms`, (x) => x < 2000),
      row(`national dashboard, signed in as ${role === 'analyst' ? 'an analyst' : 'a school'}: filter p95 < 50 ms`, d?.signed_in ? filterP95(d.signed_in[role]) : undefined, (x) => `${x.toFixed(1)} ms`, (x) => x < 50),
    ]),
  ].join('\n');
}

/**
 * How far past national size one machine goes, extrapolated linearly from the province and
 * national measurements (two points per figure; the figures grow about linearly with rows).
 */
export function headroomTable(results: BenchResults): string {
  const p = results.scales.province;
  const nat = results.scales.national;
  if (!p || !nat || !ok(p.nightly) || !ok(nat.nightly)) return 'Needs the province and national measurements of the same run.';
  const line = (x0: number, y0: number, x1: number, y1: number) => ({ slope: (y1 - y0) / (x1 - x0), at: (y: number) => x0 + ((y - y0) * (x1 - x0)) / (y1 - y0) });
  const postings = [p.sizes.postings, nat.sizes.postings];
  const nightly = line(postings[0], p.nightly.median_ms, postings[1], nat.nightly.median_ms);
  const cold = line(postings[0], p.refresh.cpu_median_ms ?? p.refresh.median_ms, postings[1], nat.refresh.cpu_median_ms ?? nat.refresh.median_ms);
  const rss = line(p.sizes.schools, p.refresh.max_rss_mb, nat.sizes.schools, nat.refresh.max_rss_mb);
  const times = (x: number, base: number) => `${(x / base).toFixed(1)}× national`;
  return [
    '| limit | grows with | per unit | reached at |',
    '|---|---|---|---|',
    `| nightly refresh within 1 hour | postings stored | ${(nightly.slope * 1e6 / 1000).toFixed(1)} s per million | ${n(nightly.at(3_600_000))} postings a year (${times(nightly.at(3_600_000), postings[1])}) |`,
    `| cold refresh within 1 hour of CPU (≈ 30 min wall on 2 idle cores) | postings in the feed | ${(cold.slope * 1e6 / 1000).toFixed(1)} s CPU per million | ${n(cold.at(3_600_000))} postings (${times(cold.at(3_600_000), postings[1])}) |`,
    `| peak RSS 3 GB | schools (export and reports run in Node) | ${(rss.slope * 1000).toFixed(0)} MB per 1,000 schools | ${n(rss.at(3072))} schools (${times(rss.at(3072), nat.sizes.schools)}) |`,
  ].join('\n');
}
