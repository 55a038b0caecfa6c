/**
 * Benchmark of the dashboard in headless chromium, over the sample warehouse or a given built one
 * (another scale): JS the first page loads (gzip; the other chunks load on demand), time to first chart on a cold page load, the time to apply a
 * filter across all charts of a view (50 changes; median and p95), and the bytes of snapshot files
 * fetched by the first page and by a school page; then first chart and filter updates again with
 * accounts on, signed in as an analyst and as a school (the server checks the session and cuts
 * the school's files on every request). Run alone it prints JSON:
 * `tsx bench/dashboard.ts [<warehouse dir>]`.
 *
 * A filter update is timed from the change event to the end of the forced layout that follows
 * Svelte's flush: the work the reader waits for, without the wait for the next display frame.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { Page, Request } from 'playwright-core';
import { refresh } from '../pipeline/refresh/refresh.ts';
import { DEFAULTS } from '../pipeline/config/paths.ts';
import { buildDashboardTo, chromiumAvailable, launchBrowser, serve } from '../tests/e2e/browser.ts';
import { settle } from '../tests/e2e/page-helpers.ts';
import { median, p95 } from './stats.ts';
import { Client, platformServer } from '../tests/platform/helpers.ts';

export const BUDGETS = { js_gzip_kb: 250, first_chart_ms: 1500, filter_p95_ms: 50 };

/** Views timed for filter updates, and the filter values cycled through on each. */
const FILTER_RUNS: { view: string; select: string; values: string[] }[] = [
  { view: 'gaps', select: 'level', values: ['secondary', 'higher', 'bachelor', ''] },
  { view: 'overview', select: 'ownership', values: ['public', 'private', ''] },
  { view: 'districts', select: 'level', values: ['secondary', 'higher', ''] },
];
const CHANGES = 50;
const LOADS = 5;

export interface DashboardBench {
  /** Gzipped JS the first page loads (the budget), and every other chunk, loaded on demand (plan solver, workbook writer, platform pages). */
  js_gzip_kb: number;
  js_on_demand_gzip_kb: Record<string, number>;
  first_chart_ms: { median: number; runs: number[] };
  filter_update_ms: Record<string, { median: number; p95: number; changes: number }>;
  /** Bytes of data/ files fetched: the overview on a cold load, then the largest school's page opened from the list. */
  bytes_fetched: { first_page: number; school_page: number };
  /** The same with accounts on, per role signed in. */
  signed_in: Record<'analyst' | 'school', { first_chart_ms: { median: number; runs: number[] }; filter_update_ms: DashboardBench['filter_update_ms'] }>;
  budgets: typeof BUDGETS;
}

/** Gzipped size of each JS chunk of the build, by file name. */
function jsGzipKb(distDir: string): Record<string, number> {
  const assets = join(distDir, 'assets');
  return Object.fromEntries(readdirSync(assets).filter((f) => f.endsWith('.js'))
    .map((f) => [f, gzipSync(readFileSync(join(assets, f)), { level: 9 }).length / 1024]));
}

/** Milliseconds from navigation start until the first chart is drawn (its SVG has marks). */
async function firstChart(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${url}#/overview`);
  await page.waitForFunction(() => (window as unknown as { firstChartAt?: number }).firstChartAt !== undefined);
  return page.evaluate(() => (window as unknown as { firstChartAt: number }).firstChartAt);
}

async function filterUpdates(page: Page, url: string, run: (typeof FILTER_RUNS)[number]): Promise<number[]> {
  await page.goto('about:blank');
  await page.goto(`${url}#/${run.view}`);
  await page.waitForSelector('main figure[data-chart] svg.chart > *', { state: 'attached' });
  return page.evaluate(async ({ select, values, changes }) => {
    const element = document.querySelector<HTMLSelectElement>(`select[name="${select}"]`)!;
    const times: number[] = [];
    for (let i = 0; i < changes; i++) {
      const t0 = performance.now();
      element.value = values[i % values.length];
      element.dispatchEvent(new Event('change', { bubbles: true }));
      // A message-channel macrotask: Svelte's microtask flush has run when it resolves. (Inlined:
      // a named helper would not survive the trip into the page.)
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
      document.body.getBoundingClientRect();
      times.push(performance.now() - t0);
    }
    return times;
  }, { select: run.select, values: run.values, changes: CHANGES });
}

/** Bytes of the snapshot's files (data/…) the page fetches while `work` runs. */
async function bytesDuring(page: Page, work: () => Promise<unknown>): Promise<number> {
  const sizes: Promise<number>[] = [];
  const onFinished = (request: Request) => {
    if (new URL(request.url()).pathname.startsWith('/data/')) sizes.push(request.sizes().then((s) => s.responseBodySize));
  };
  page.on('requestfinished', onFinished);
  try {
    await work();
  } finally {
    page.off('requestfinished', onFinished);
  }
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

async function bytesFetched(page: Page, url: string): Promise<DashboardBench['bytes_fetched'] & { scripts: string[] }> {
  await page.goto('about:blank');
  const scripts: string[] = [];
  const onScript = (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.push(path.slice('/assets/'.length));
  };
  page.on('request', onScript);
  const first_page = await bytesDuring(page, async () => {
    await page.goto(`${url}#/overview`);
    await settle(page);
  });
  page.off('request', onScript);
  // The school list is sorted by students: its first school has the most programmes, the largest file.
  await page.goto(`${url}#/schools`);
  await settle(page);
  const school_page = await bytesDuring(page, async () => {
    await page.click('table.school-list a[data-school]');
    await page.waitForSelector('[data-school-page] figure[data-chart="school-programmes"]');
    await settle(page);
  });
  return { first_page, school_page, scripts };
}

/** First chart on cold loads, and filter updates on each timed view. */
async function timings(page: Page, url: string) {
  const runs: number[] = [];
  for (let i = 0; i < LOADS; i++) runs.push(await firstChart(page, url));
  const filter_update_ms: DashboardBench['filter_update_ms'] = {};
  for (const run of FILTER_RUNS) {
    const times = await filterUpdates(page, url, run);
    filter_update_ms[run.view] = { median: median(times), p95: p95(times), changes: times.length };
  }
  return { first_chart_ms: { median: median(runs), runs }, filter_update_ms };
}

/** Over `warehouseDir` (a built warehouse, kept), or a fresh refresh of the sample (removed after). */
export async function benchDashboard(options: { warehouseDir?: string } = {}): Promise<DashboardBench | null> {
  if (!chromiumAvailable('the dashboard benchmark')) return null;
  const warehouseDir = options.warehouseDir ?? mkdtempSync(join(tmpdir(), 'bench-dashboard-wh-'));
  const dist = await buildDashboardTo();
  if (!options.warehouseDir) await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir });
  const server = await serve(dist, warehouseDir);
  const browser = await launchBrowser();
  let platform: Awaited<ReturnType<typeof platformServer>> | undefined;
  try {
    await browser.context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('svg.chart > *')) return;
        (window as unknown as { firstChartAt: number }).firstChartAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const { first_chart_ms, filter_update_ms } = await timings(browser.page, server.url);
    const { scripts, ...bytes_fetched } = await bytesFetched(browser.page, server.url);
    const chunks = jsGzipKb(dist);
    const js_gzip_kb = scripts.reduce((sum, f) => sum + (chunks[f] ?? 0), 0);
    const js_on_demand_gzip_kb = Object.fromEntries(Object.entries(chunks).filter(([f]) => !scripts.includes(f)));
    await browser.context.clearCookies();
    const school = JSON.parse(readFileSync(join(warehouseDir, 'current/reports/index.json'), 'utf8')).schools[0].code as string;
    platform = await platformServer(warehouseDir, [{ username: 'analyst', role: 'analyst' }, { username: 'school', role: 'school', schools: [school] }], {}, dist);
    const signed_in = {} as DashboardBench['signed_in'];
    for (const role of ['analyst', 'school'] as const) {
      const client = new Client(platform.url);
      if ((await client.login(role)).status !== 200) throw new Error(`could not sign in as ${role}`);
      await browser.context.clearCookies();
      await browser.context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: platform!.url })));
      signed_in[role] = await timings(browser.page, platform.url);
    }
    return { js_gzip_kb, js_on_demand_gzip_kb, first_chart_ms, filter_update_ms, bytes_fetched, signed_in, budgets: BUDGETS };
  } finally {
    await browser.close();
    await server.close();
    await platform?.close();
    rmSync(dist, { recursive: true, force: true });
    if (!options.warehouseDir) rmSync(warehouseDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchDashboard({ warehouseDir: process.argv[2] }), null, 2));
}
