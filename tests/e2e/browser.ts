/**
 * Headless Debian chromium for the end-to-end tests and the dashboard benchmark, plus the pieces
 * every run needs: a fresh dashboard build and a server over a warehouse. Without chromium the
 * tests are skipped with a loud warning, except under CI where that is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { startServer } from '../../pipeline/serve/http-server.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Whether chromium is here; warns (or, under CI, throws) when it is not. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `${CHROMIUM} not found: ${what} need Debian's chromium (apt-get install -y chromium fonts-wqy-microhei).`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n⚠⚠⚠ SKIPPED: ${message}\n`);
  return false;
}

export interface Browser { context: BrowserContext; page: Page; close(): Promise<void> }

/** A 1280×800 page in Chongqing's time zone, so refresh times format as analysts see them. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chanjiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Shanghai', acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context, page,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Builds the dashboard into a temporary folder (never touching dashboard/dist) and returns it. */
export async function buildDashboardTo(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'chanjiao-dist-'));
  const { build } = await import('vite');
  await build({ configFile: join(DEFAULTS.dashboardDir, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Serves a dashboard build over a warehouse on a free port. */
export function serve(distDir: string, warehouseDir: string) {
  return startServer({ host: '127.0.0.1', port: 0, warehouseDir, distDir });
}
