/**
 * Loop tracking of the proposed plan on the 闭环跟踪 view, in chromium over the sample warehouse
 * (whose plan_proposals.csv is the synthetic plan for its latest year): cards that add up to the
 * proposals, the industry table as mart_plan_tracking has it, school links, the English switch,
 * and the empty state of a snapshot with no proposal. Expected figures come from warehouse.duckdb.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { chromiumAvailable, serve } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { cardValue, chartTable, visit } from './page-helpers.ts';
import { sampleManifest, sampleWarehouseDir, servedSampleCopy } from '../support/warehouse.ts';
import { CURRENT } from '../../pipeline/refresh/snapshot.ts';
import { formatFor } from '../../pipeline/shared/format.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

const f = formatFor('zh', 'Asia/Shanghai');
const number = (text: string) => Number(text.replace(/[,+]/g, ''));

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('loop tracking of the proposed plan in chromium', () => {
  const s = dashboardSession();

  it('shows the outcome cards, which add up to the proposals, and the industry table of mart_plan_tracking', async () => {
    const city = await s.one<{ plan_year: number; proposals: number; followed: number; partly: number; not_acted: number; opposite: number;
      new_opened: number; seats_changed: number }>('SELECT * FROM mart_plan_tracking_city ORDER BY plan_year DESC LIMIT 1');
    expect(city.proposals).toBeGreaterThan(0);
    await visit(s.page, s.server.url, '#/loop');
    await s.page.waitForSelector('[data-plan-tracking] [data-card="plan_proposals"]');
    expect(await cardValue(s.page, 'plan_proposals')).toBe(f.int(city.proposals));
    expect(await cardValue(s.page, 'plan_followed')).toBe(f.int(city.followed));
    expect(await cardValue(s.page, 'plan_seats')).toBe(f.signedInt(city.seats_changed));
    const parts = await Promise.all(['followed', 'partly', 'not_acted', 'opposite'].map(async (o) => number(await cardValue(s.page, `plan_${o}`))));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(city.proposals);

    const industries = await s.all<{ name_zh: string; proposals: number; followed: number; seats_changed: number }>(
      `SELECT name_zh, proposals, followed, seats_changed FROM mart_plan_tracking WHERE plan_year = ${city.plan_year}`);
    const [header, ...rows] = await chartTable(s.page, 'plan-tracking-industries');
    const c = zh.tracking.columns;
    expect(rows.length).toBe(industries.length);
    for (const want of industries) {
      const row = rows.find((r) => r[header.indexOf(c.industry)] === want.name_zh)!;
      expect(row, want.name_zh).toBeDefined();
      expect(number(row[header.indexOf(c.proposals)])).toBe(want.proposals);
      expect(number(row[header.indexOf(c.followed)])).toBe(want.followed);
      expect(number(row[header.indexOf(c.seatsChanged)])).toBe(want.seats_changed);
    }
    await s.page.locator('[data-plan-tracking]').screenshot({ path: join(SHOTS, 'plan-tracking.png') });
    expect(s.errors).toEqual([]);
  });

  it("links each proposal's school to its page, and speaks English when switched", async () => {
    await visit(s.page, s.server.url, '#/loop');
    const link = s.page.locator('table.plan-tracking-detail a[data-school]').first();
    const code = await link.getAttribute('data-school');
    await link.click();
    await s.page.waitForFunction((c) => location.hash.includes(`school=${c}`), code);
    await visit(s.page, s.server.url, '#/loop?lang=en');
    await s.page.waitForSelector('[data-plan-tracking] [data-card="plan_proposals"]');
    expect(await s.page.textContent('#plan-tracking-heading')).toBe(en.tracking.heading);
  });

  describe('a snapshot without a proposal to compare', () => {
    let warehouse: string;
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      warehouse = mkdtempSync(join(tmpdir(), 'chanjiao-no-proposal-'));
      const marts = join(sampleWarehouseDir(), CURRENT, 'marts');
      const empty = (name: string) => tableToIPC(tableFromIPC(readFileSync(join(marts, `${name}.arrow`))).slice(0, 0));
      await servedSampleCopy(warehouse, {
        'marts/mart_plan_tracking_city.arrow': empty('mart_plan_tracking_city'),
        'marts/mart_plan_tracking.arrow': empty('mart_plan_tracking'),
        'marts/mart_plan_tracking_detail.arrow': empty('mart_plan_tracking_detail'),
        'manifest.json': JSON.stringify({ ...sampleManifest(), proposals: null }),
      });
      server = await serve(s.dist, warehouse);
    });
    afterAll(async () => {
      await server?.close();
      rmSync(warehouse, { recursive: true, force: true });
    });

    it('says there is no plan from last year to compare yet', async () => {
      await visit(s.page, server.url, '#/loop');
      await s.page.waitForSelector('[data-plan-tracking] [data-empty]');
      expect((await s.page.textContent('[data-plan-tracking] [data-empty] p'))!.trim()).toBe(zh.tracking.none);
      expect(await s.page.locator('[data-plan-tracking] [data-card]').count()).toBe(0);
      await visit(s.page, server.url, '#/data');
      expect(await s.page.textContent('[data-proposals]')).toBe(zh.data.noProposals);
    });
  });
});
