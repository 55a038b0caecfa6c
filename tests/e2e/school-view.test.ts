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
import { chartTable, settle } from './page-helpers.ts';
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
    platform = await platformServer(sampleWarehouseDir(), [{ username: 'school1', role: 'school', schools: [own.school_code] },
      { username: 'rensheju', role: 'provider', inputs: ['demand'], display_name: '市人社局' }], {}, dist);
    browser = await launchBrowser();
    browser.page.on('pageerror', (e) => errors.push(e.message));
    const { page } = browser;
    await signIn('school1');
  });
  async function signIn(username: string) {
    const { page } = browser;
    await page.context().clearCookies();
    await page.goto(platform.url);
    await page.waitForURL(/\/login$/);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-user-menu]');
  }
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
    // The plan's seat bars are the city's, the proposals serving no industry among them, though the detail below is the school's.
    const [tracked] = await all<{ proposed: number; changed: number }>(`
      SELECT seats_proposed::INTEGER AS proposed, seats_changed::INTEGER AS changed FROM mart_plan_tracking_city ORDER BY plan_year DESC LIMIT 1`);
    const seats = (await chartTable(browser.page, 'plan-tracking-seats')).slice(1);
    const signed = (text: string) => Number(text.replace(/[,+\s]/g, '').replace('−', '-'));
    expect(seats.reduce((sum, r) => sum + signed(r[1]), 0)).toBe(tracked.proposed);
    expect(seats.reduce((sum, r) => sum + signed(r[2]), 0)).toBe(tracked.changed);
    const [{ proposals }] = await all<{ proposals: number }>('SELECT proposals::INTEGER AS proposals FROM mart_plan_tracking_city ORDER BY plan_year DESC LIMIT 1');
    const [{ ownTracked }] = await all<{ ownTracked: number }>(`SELECT count(*)::INTEGER AS ownTracked FROM mart_plan_tracking_detail
      WHERE school_code = '${own.school_code}' AND plan_year = (SELECT max(plan_year) FROM mart_plan_tracking_city)`);
    expect(await browser.page.textContent('[data-tracking-detail]')).toBe(zh.tracking.detailTitleSchool(ownTracked, proposals));
    expect(errors).toEqual([]);
  });

  // A department's data provider reads the city-wide marts whole and no school's rows: every view
  // that lists schools says they are not open to it, instead of counting none.
  it("shows a department's account the city's figures and says the schools' rows are not open to it, never counting none", async () => {
    await signIn('rensheju');
    await open(`#/gaps?candidates=${own.industry_code}`);
    await browser.page.waitForSelector('table.shortage-list');
    expect(await browser.page.textContent('[data-candidates-scope]')).toBe(zh.candidates.outsideNote);
    const listText = (await browser.page.locator('table.shortage-list').textContent())!;
    expect(listText).not.toMatch(/\d+ 所候选/);
    expect(listText).not.toContain('本校');
    expect(await browser.page.locator('figure[data-chart="industry-candidates"]').count()).toBe(0);

    await open(`#/gaps?drill=${own.industry_code}`);
    const [city] = await all<{ supply: number; schools: number }>(`
      SELECT sum(supply)::DOUBLE AS supply, sum(schools)::INTEGER AS schools FROM mart_supply_slice WHERE year = ${year} AND industry_code = '${own.industry_code}'`);
    expect(await browser.page.textContent('[data-drill-empty]')).toBe(zh.drill.noneOutside(Math.round(city.supply).toLocaleString('en'), city.schools.toLocaleString('en')));

    await open('#/concentration');
    expect(await browser.page.textContent('[data-overlap-outside]')).toBe(zh.concentration.overlapOutside);

    await open('#/loop');
    const card = (await browser.page.textContent('[data-card="loop_recommendations"] [data-value]'))!.trim();
    expect(await browser.page.textContent('[data-loop-outside]')).toBe(zh.loop.detailOutside(card));
    const [{ proposals }] = await all<{ proposals: number }>('SELECT proposals::INTEGER AS proposals FROM mart_plan_tracking_city ORDER BY plan_year DESC LIMIT 1');
    expect(await browser.page.textContent('[data-tracking-outside]')).toBe(zh.tracking.detailOutside(proposals));

    await open('#/plan');
    expect(await browser.page.textContent('[data-plan-partial]')).toBe(zh.plan.outside);
    expect(await browser.page.locator('figure[data-chart="plan-changes"], figure[data-chart="plan-binding"], [data-download="plan-xlsx"]').count()).toBe(0);

    // The schools' list is all this view has: no chart to wait for.
    await browser.page.goto(`${platform.url}#/schools`);
    expect(await browser.page.textContent('[data-schools-outside]')).toBe(zh.schools.outside);
    expect(errors).toEqual([]);
  });
});
