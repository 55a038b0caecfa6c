/** Reading the dashboard the way an analyst does: cards, chart tables, downloads. */
import { readFileSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

/** Opens a view from scratch (a real page load, not an in-page hash change) and waits for its data. */
export async function visit(page: Page, baseUrl: string, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}${hash}`);
  await settle(page);
}

/**
 * Runs `work` with every chart of the page drawn, as printing draws them: charts out of view are
 * neither drawn (charts/in-view.svelte.ts) nor laid out (content-visibility in app.css) until
 * scrolled near.
 */
export async function withAllDrawn<T>(page: Page, work: () => Promise<T>): Promise<T> {
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  try {
    return await work();
  } finally {
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  }
}

/** A screenshot of the whole page, every chart drawn. */
export async function screenshotPage(page: Page, path: string): Promise<void> {
  await withAllDrawn(page, () => page.screenshot({ path, fullPage: true, style: '.chart-area { content-visibility: visible; }' }));
}

/** Waits until the current view has drawn something and nothing is loading. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main[data-view]') && !document.querySelector('.loading')
    && document.querySelector('main figure[data-chart], main [data-results], main [data-empty], main .error'));
  // The charts near the screen are drawn once the frame after that has seen where they are.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function cardValue(page: Page, id: string): Promise<string> {
  return (await page.textContent(`[data-card="${id}"] [data-value]`))!.trim();
}

/** The cells of a chart's "view as table" (header first), switching the frame to its table. */
export async function chartTable(page: Page, chart: string): Promise<string[][]> {
  const frame = page.locator(`figure[data-chart="${chart}"]`);
  const toggle = frame.locator('.chart-tools button[aria-pressed]');
  if ((await toggle.count()) && (await toggle.getAttribute('aria-pressed')) === 'false') await toggle.click();
  return frame.locator('table').evaluate((table) => [...table.querySelectorAll('tr')]
    .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())));
}

/**
 * Clicks a chart's download button and returns the downloaded file's text. The dashboard's tests
 * run on the synthetic sample: every file's name says so, in the page's language.
 */
export async function download(page: Page, chart: string, kind: 'csv' | 'svg' | 'png'): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`figure[data-chart="${chart}"] [data-download="${kind}"]`),
  ]);
  const m = (await page.evaluate(() => document.documentElement.lang)) === 'en' ? en : zh;
  const title = m.wording.files[chart as keyof typeof m.wording.files];
  const name = file.suggestedFilename();
  if (!title || !name.includes(title) || !name.endsWith(`_${m.wording.fileSynthetic}.${kind}`)) throw new Error(`downloaded as ${name}, not named ${title}…_${m.wording.fileSynthetic}.${kind}`);
  return readFileSync((await file.path())!);
}

/** Downloaded CSV rows; checks the byte-order mark Excel needs for Chinese text. */
export function csvRows(bytes: Buffer): string[][] {
  if (!bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) throw new Error('CSV lacks the UTF-8 byte-order mark');
  return parse(bytes, { bom: true, relax_column_count: false });
}

/**
 * Records the snapshot files the page fetches (paths under data/, with their HTTP status) until
 * `stop()`: what a view downloads is part of its contract at national scale.
 */
export function dataRequests(page: Page) {
  const seen: { path: string; status: number }[] = [];
  const onResponse = (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/data/')) seen.push({ path: path.slice('/data/'.length), status: response.status() });
  };
  page.on('response', onResponse);
  return {
    seen,
    paths: () => seen.map((r) => r.path),
    stop: () => page.off('response', onResponse),
  };
}
