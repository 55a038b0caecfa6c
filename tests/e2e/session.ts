/**
 * One end-to-end test file's set-up: a fresh dashboard build served over the sample warehouse,
 * chromium on it collecting console errors, and a read-only connection to the warehouse the
 * expected figures come from. Call inside a describe block: it registers the hooks.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildDashboardTo, launchBrowser, serve, type Browser } from './browser.ts';
import { rows, sampleConnection, sampleWarehouseDir } from '../support/warehouse.ts';

export const SHOTS = 'test-results/dashboard';

export interface Session {
  browser: Browser;
  /** The browser's one page. */
  readonly page: Browser['page'];
  server: Awaited<ReturnType<typeof serve>>;
  /** The dashboard build, to serve over other warehouses too. */
  dist: string;
  db: DuckDBConnection;
  /** The latest year with programmes. */
  year: number;
  /** Console and page errors since the last reset (`errors.length = 0`). */
  errors: string[];
  one<T>(sql: string): Promise<T>;
  all<T>(sql: string): Promise<T[]>;
}

export function dashboardSession(): Session {
  const session = { errors: [] as string[], get page() { return this.browser.page; } } as Session;
  beforeAll(async () => {
    session.dist = await buildDashboardTo();
    session.server = await serve(session.dist, sampleWarehouseDir());
    session.browser = await launchBrowser();
    session.browser.page.on('console', (m) => { if (m.type() === 'error') session.errors.push(m.text()); });
    session.browser.page.on('pageerror', (e) => session.errors.push(e.message));
    session.db = await sampleConnection();
    session.all = <T,>(sql: string) => rows<T>(session.db, sql);
    session.one = async <T,>(sql: string) => (await rows<T>(session.db, sql))[0];
    ({ year: session.year } = await session.one<{ year: number }>('SELECT max(year)::INTEGER AS year FROM mart_overview'));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
    if (session.dist) rmSync(session.dist, { recursive: true, force: true });
  });
  return session;
}
