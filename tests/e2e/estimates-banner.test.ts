/**
 * Programme figures estimated for the 备案 listing are said on every page, in Chinese and English:
 * the sample snapshot served with a manifest whose `figures` records listing estimates (as a refresh
 * of a listing with a partial figures file writes it; tests/models/listing-estimates.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumAvailable, serve } from './browser.ts';
import { dashboardSession } from './session.ts';
import { visit } from './page-helpers.ts';
import { sampleManifest, servedSampleCopy } from '../support/warehouse.ts';
import { LISTING_METHOD } from '../../pipeline/refresh/figures.ts';
import { formatFor } from '../../pipeline/shared/format.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('estimated programme figures in chromium', () => {
  const s = dashboardSession();
  let warehouse: string;
  let server: Awaited<ReturnType<typeof serve>>;
  const figures = { rows: 23375, estimated: [{ figures: ['plan', 'enrolled', 'students'], rows: 4703, method: LISTING_METHOD }], missing: [] };

  beforeAll(async () => {
    warehouse = mkdtempSync(join(tmpdir(), 'chanjiao-estimates-'));
    await servedSampleCopy(warehouse, { 'manifest.json': JSON.stringify({ ...sampleManifest(), figures }) });
    server = await serve(s.dist, warehouse);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(warehouse, { recursive: true, force: true });
  });

  it('shows a banner on every page with how many records are estimated, and none for reported figures', async () => {
    const expected = zh.estimatesBanner(formatFor('zh', 'Asia/Shanghai').int(4703), formatFor('zh', 'Asia/Shanghai').int(23375));
    for (const route of ROUTES) {
      await visit(s.page, server.url, `#/${route}`);
      expect((await s.page.textContent('[data-banner="estimates"]'))?.trim(), route).toBe(expected);
    }
    await visit(s.page, s.server.url, '#/overview');
    expect(await s.page.locator('[data-banner="estimates"]').count()).toBe(0);
  });

  it('says it in English', async () => {
    await visit(s.page, server.url, '#/overview?lang=en');
    expect((await s.page.textContent('[data-banner="estimates"]'))?.trim())
      .toBe(en.estimatesBanner(formatFor('en', 'Asia/Shanghai').int(4703), formatFor('en', 'Asia/Shanghai').int(23375)));
  });
});
