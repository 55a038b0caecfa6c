/**
 * What a school account reads on the city-wide views: no other school named anywhere on the plan,
 * and no headline that counts the school's own rows as if they were the city's (the candidate
 * schools of a shortage industry, an industry's supply, the overlap of a district's schools, the
 * recommendations followed up), nor a report said to be missing when it is only not open to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildDashboardTo, chromiumAvailable, launchBrowser, type Browser } from './browser.ts';
import { settle } from './page-helpers.ts';
import { rows, sampleConnection, sampleWarehouseDir } from '../support/warehouse.ts';
import { PASSWORD, platformServer, type Platform } from '../platform/helpers.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';

const run = chromiumAvailable('the school account end-to-end tests');

describe.runIf(run)("a school account's city-wide views", () => {
  let dist: string;
  let platform: Platform;
  let browser: Browser;
  let db: DuckDBConnection;
  let year: number;
  /** A school that is a candidate, not the first, for a shortage industry, and has recommendations followed up. */
  let own: { school_code: string; industry_code: string; rank: number };
  let others: { school_code: string; school_name: string }[];
  const errors: string[] = [];
  const all = <T,>(sql: string) => rows<T>(db, sql);
  const number = (text: string) => Number(text.replace(/,/g, ''));

  beforeAll(async () => {
    db = await sampleConnection();
    ({ year } = (await all<{ year: number }>('SELECT max(year)::INTEGER AS year FROM mart_overview'))[0]);
    [own] = await all<typeof own>(`
      SELECT r.school_code, r.industry_code, r.rank::INTEGER AS rank FROM mart_recommendation r
      WHERE r.year = ${year} AND r.rank > 1
        AND r.school_code IN (SELECT school_code FROM mart_loop_detail)
        AND r.school_code IN (SELECT school_code FROM mart_industry_supply WHERE year = ${year} AND industry_code = r.industry_code)
        AND r.school_code IN (SELECT school_code FROM mart_school_overlap WHERE year = ${year})
      ORDER BY r.rank DESC, r.school_code LIMIT 1`);
    expect(own).toBeTruthy();
    others = await all(`SELECT school_code, school_name FROM dim_school WHERE school_code <> '${own.school_code}'`);
    dist = await buildDashboardTo();
    platform = await platformServer(sampleWarehouseDir(), [{ username: 'school1', role: 'school', schools: [own.school_code] }], {}, dist);
    browser = await launchBrowser();
    browser.page.on('pageerror', (e) => errors.push(e.message));
    const { page } = browser;
    await page.goto(platform.url);
    await page.waitForURL(/\/login$/);
    await page.fill('input[name="username"]', 'school1');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-user-menu]');
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function open(hash: string) {
    await browser.page.goto(`${platform.url}${hash}`);
    await settle(browser.page);
  }
  const title = (chart: string) => browser.page.textContent(`figure[data-chart="${chart}"] h3`).then((t) => t!.trim());

  it("lists no other school's constraints on the plan: its own and the city's only", async () => {
    await open('#/plan');
    await browser.page.waitForSelector('figure[data-chart="plan-binding"]');
    const [binding] = await all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM mart_plan_constraints WHERE kind = 'binding' AND (school_code IS NULL OR school_code = '${own.school_code}')`);
    expect(await title('plan-binding')).toContain(zh.plan.bindingTitleSchool(binding.n).split('（')[0]);
    const text = await browser.page.evaluate(() => document.body.innerText);
    expect(others.filter((s) => text.includes(s.school_code) || text.includes(s.school_name))).toEqual([]);
  });

  it("lists every shortage industry with the school's own rank, and says industry reports are not open to it", async () => {
    await open(`#/gaps?candidates=${own.industry_code}`);
    const shortages = await all<{ industry_code: string }>(
      `SELECT industry_code FROM mart_industry WHERE year = ${year} AND signal = 'shortage' ORDER BY gap DESC, industry_code`);
    const list = browser.page.locator('table.shortage-list tbody tr');
    expect(await list.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-industry')))).toEqual(shortages.map((s) => s.industry_code));
    const row = browser.page.locator(`table.shortage-list tr[data-industry="${own.industry_code}"]`);
    expect(await row.textContent()).toContain(`本校排名第 ${own.rank}`);
    const listText = await browser.page.locator('table.shortage-list').textContent();
    expect(listText).not.toContain(zh.reports.none);
    expect(listText).toContain(zh.candidates.reportsRestricted);
    expect(listText).not.toMatch(/\d+ 所候选/);
    expect(await title('industry-candidates')).toContain(`排名第 ${own.rank}`);
    expect(await title('industry-candidates')).not.toMatch(/\d+ 所候选院校/);
  });

  it("gives an industry's city-wide supply, as the gaps chart does, beside the school's own", async () => {
    await open(`#/gaps?drill=${own.industry_code}`);
    await browser.page.waitForSelector('[data-drill-summary]');
    const [city] = await all<{ supply: number; schools: number }>(`
      SELECT sum(supply)::DOUBLE AS supply, sum(schools)::INTEGER AS schools FROM mart_supply_slice WHERE year = ${year} AND industry_code = '${own.industry_code}'`);
    const [mine] = await all<{ supply: number }>(`
      SELECT sum(supply)::DOUBLE AS supply FROM mart_industry_supply WHERE year = ${year} AND industry_code = '${own.industry_code}' AND school_code = '${own.school_code}'`);
    const summary = (await browser.page.textContent('[data-drill-summary]'))!;
    const [, citySupply, schools, ownSupply] = /全市供给 ([\d,]+) 人，来自 ([\d,]+) 所学校.*本校供给 ([\d,]+) 人/.exec(summary)!;
    expect(number(citySupply)).toBe(Math.round(city.supply));
    expect(number(schools)).toBe(city.schools);
    expect(number(ownSupply)).toBe(Math.round(mine.supply));
    expect(await title('drill-majors')).toMatch(/^本校 /);
  });

  it("states the school's own overlap, not a count of the city's schools over the cap", async () => {
    await open('#/concentration');
    expect(await title('school-overlap')).toMatch(/^本校的专业与同区县学校重叠/);
  });

  it("counts the school's own recommendations followed up against the city's", async () => {
    await open('#/loop');
    const detail = await title('loop-detail');
    expect(detail).toMatch(/^本校 \d+ 条建议的落实情况（全市共 [\d,]+ 条/);
    const cityCount = number(/全市共 ([\d,]+) 条/.exec(detail)![1]);
    const card = number((await browser.page.textContent('[data-card="loop_recommendations"] [data-value]'))!.trim());
    expect(cityCount).toBe(card);
    expect(errors).toEqual([]);
  });
});
