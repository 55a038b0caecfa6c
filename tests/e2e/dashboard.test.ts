/**
 * The dashboard in a real browser over the sample warehouse. Every expected figure is read from
 * warehouse.duckdb here, then formatted with the dashboard's own formatter: the test checks that
 * what the analyst sees is what the warehouse holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildDashboardTo, chromiumAvailable, launchBrowser, serve, type Browser } from './browser.ts';
import { cardValue, chartTable, csvRows, download, settle, visit } from './page-helpers.ts';
import { rows, sampleConnection, sampleManifest, sampleWarehouseDir } from '../support/warehouse.ts';
import { refresh } from '../../pipeline/refresh.ts';
import { DEFAULTS } from '../../pipeline/paths.ts';
import { formatFor } from '../../dashboard/src/lib/format.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';

const f = formatFor('zh', 'Asia/Shanghai');
const SHOTS = 'test-results/dashboard';
const XSS = '<img src=x onerror=alert(1)>';

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('dashboard in chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let dist: string;
  let db: DuckDBConnection;
  let year: number;
  const errors: string[] = [];
  const one = async <T,>(sql: string) => (await rows<T>(db, sql))[0];

  beforeAll(async () => {
    dist = await buildDashboardTo();
    server = await serve(dist, sampleWarehouseDir());
    browser = await launchBrowser();
    browser.page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    browser.page.on('pageerror', (e) => errors.push(e.message));
    db = await sampleConnection();
    ({ year } = await one<{ year: number }>('SELECT max(year)::INTEGER AS year FROM mart_overview'));
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('loads every view without a console error, with the synthetic-data banner, and saves screenshots', async () => {
    for (const route of ROUTES) {
      errors.length = 0;
      await visit(browser.page, server.url, `#/${route}`);
      expect(await browser.page.getAttribute('main', 'data-view')).toBe(route);
      expect(await browser.page.textContent('[data-banner="synthetic"]')).toBe(zh.syntheticBanner);
      await browser.page.screenshot({ path: join(SHOTS, `${route}.png`), fullPage: true });
      expect(errors, route).toEqual([]);
    }
  });

  it('shows the headline figures the warehouse holds for the latest year', async () => {
    const t = await one<{ points: number; schools: number; match: number; graduates: number; digital: number }>(`
      SELECT sum(programme_points)::INTEGER AS points, sum(schools)::INTEGER AS schools,
             sum(matched_points) / sum(programme_points) AS match, sum(graduates) AS graduates,
             sum(digital_students) / sum(students) AS digital
      FROM mart_overview WHERE year = ${year}`);
    await visit(browser.page, server.url, '#/overview');
    expect(await cardValue(browser.page, 'programme_points')).toBe(f.int(t.points));
    expect(await cardValue(browser.page, 'schools')).toBe(f.int(t.schools));
    expect(await cardValue(browser.page, 'match_rate')).toBe(f.pct(t.match));
    expect(await cardValue(browser.page, 'graduates')).toBe(f.int(t.graduates));
    expect(await cardValue(browser.page, 'digital_share')).toBe(f.pct(t.digital));
  });

  it('recomputes every industry gap from the slices exactly as mart_industry has it', async () => {
    const industries = await rows<{ name_zh: string; gap: number; signal: keyof typeof zh.signals }>(db,
      `SELECT name_zh, gap, signal FROM mart_industry WHERE year = ${year} ORDER BY gap DESC`);
    await visit(browser.page, server.url, '#/gaps');
    expect((await chartTable(browser.page, 'gap')).slice(1)).toEqual(industries.map((i) => [i.name_zh, f.int(i.gap), zh.signals[i.signal]]));
    // The sample's calibrated shortages stand out (signal from the warehouse, not assumed here).
    const shortages = industries.filter((i) => i.signal === 'shortage').map((i) => i.name_zh);
    expect(await browser.page.textContent('figure[data-chart="supply-demand"] h3')).toContain(shortages.join('、'));
  });

  it('shows coverage, concentration, lag and funding figures from their marts', async () => {
    const coverage = await rows<{ name_zh: string; schools: number }>(db,
      `SELECT name_zh, schools FROM mart_industry WHERE year = ${year} ORDER BY name_zh`);
    await visit(browser.page, server.url, '#/coverage');
    const schoolsTable = (await chartTable(browser.page, 'schools-per-industry')).slice(1);
    expect(schoolsTable.map((r) => [r[0], r[1]]).sort()).toEqual(coverage.map((c) => [c.name_zh, f.int(c.schools)]).sort());

    const conc = await one<{ hhi: number; top: number }>(`SELECT hhi, top_n_share AS top FROM mart_concentration WHERE year = ${year}`);
    await visit(browser.page, server.url, '#/concentration');
    expect(await cardValue(browser.page, 'hhi')).toBe(f.int(conc.hhi));
    expect(await cardValue(browser.page, 'top_n_share')).toBe(f.pct(conc.top));

    const lags = await rows<{ name_zh: string; lag_years: number | null; strength: keyof typeof zh.strengths }>(db,
      'SELECT name_zh, lag_years, strength FROM mart_lag ORDER BY name_zh');
    await visit(browser.page, server.url, '#/lag');
    const lagTable = (await chartTable(browser.page, 'lag-all')).slice(1);
    expect(lagTable.map((r) => [r[0], r[3]]).sort()).toEqual(lags.map((l) => [l.name_zh, zh.strengths[l.strength]]).sort());

    const funding = await one<{ total: number }>('SELECT sum(budget_impact) AS total FROM mart_funding');
    await visit(browser.page, server.url, '#/funding');
    expect(await cardValue(browser.page, 'budget_total')).toBe(`${f.signedInt(funding.total)} ${zh.units.yuan}`);
  });

  it('recomputes the funding coefficients live when α changes', async () => {
    const p = sampleManifest().policy.funding as Record<string, number>;
    const alpha = 0.6;
    const { total } = await one<{ total: number }>(`
      SELECT sum(students * ${p.per_student_base} * (least(${p.band_high}, greatest(${p.band_low},
             ${p.base} * cost_factor * (1 + ${alpha} * urgency))) - 1)) AS total FROM mart_funding`);
    await visit(browser.page, server.url, '#/funding');
    const before = await cardValue(browser.page, 'budget_total');
    await browser.page.fill('input[name="alpha"]', String(alpha));
    await browser.page.press('input[name="alpha"]', 'Enter');
    await browser.page.locator('input[name="alpha"]').blur();
    expect(await cardValue(browser.page, 'budget_total')).toBe(`${f.signedInt(total)} ${zh.units.yuan}`);
    expect(await cardValue(browser.page, 'budget_total')).not.toBe(before);
    expect(browser.page.url()).toContain(`alpha=${alpha}`);
  });

  it('changes the figures when a filter changes: level on the overview, ownership on supply only', async () => {
    const higher = await one<{ points: number }>(
      `SELECT sum(programme_points)::INTEGER AS points FROM mart_overview WHERE year = ${year} AND level = 'higher'`);
    await visit(browser.page, server.url, '#/overview');
    const all = await cardValue(browser.page, 'programme_points');
    await browser.page.selectOption('select[name="level"]', 'higher');
    expect(await cardValue(browser.page, 'programme_points')).toBe(f.int(higher.points));
    expect(f.int(higher.points)).not.toBe(all);
    expect(browser.page.url()).toContain('level=higher');

    const bySupply = await rows<{ name_zh: string; supply: number; demand: number }>(db, `
      SELECT i.name_zh, coalesce(s.supply, 0) AS supply, i.demand FROM mart_industry i
      LEFT JOIN (SELECT industry_code, sum(supply) AS supply FROM mart_supply_slice WHERE year = ${year} AND ownership = 'private' GROUP BY ALL) s
        USING (industry_code)
      WHERE i.year = ${year} ORDER BY i.name_zh`);
    await visit(browser.page, server.url, '#/gaps?ownership=private');
    const table = (await chartTable(browser.page, 'supply-demand')).slice(1);
    expect(table.map((r) => [r[0], r[1], r[2]]).sort()).toEqual(bySupply.map((b) => [b.name_zh, f.int(b.supply), f.int(b.demand)]).sort());
  });

  it('restores a view from its URL, filters and language included', async () => {
    const { previous } = await one<{ previous: number }>(`SELECT ${year} - 1 AS previous`);
    const hash = `#/districts?year=${previous}&level=secondary&industry=low_altitude&lang=en`;
    const expected = await rows<{ district_name: string; supply: number; demand: number }>(db, `
      WITH s AS (SELECT district_code, sum(supply) AS supply FROM mart_supply_slice
                 WHERE year = ${previous} AND level = 'secondary' AND industry_code = 'low_altitude' GROUP BY ALL),
           d AS (SELECT district_code, sum(demand)::DOUBLE AS demand FROM mart_demand_slice
                 WHERE year = ${previous} AND level = 'secondary' AND industry_code = 'low_altitude' GROUP BY ALL)
      SELECT coalesce(x.district_name, '${en.cityWide}') AS district_name, coalesce(s.supply, 0) AS supply, coalesce(d.demand, 0) AS demand
      FROM s FULL JOIN d USING (district_code) LEFT JOIN dim_district x USING (district_code)`);
    await visit(browser.page, server.url, hash);
    expect(await browser.page.inputValue('select[name="year"]')).toBe(String(previous));
    expect(await browser.page.inputValue('select[name="level"]')).toBe('secondary');
    expect(await browser.page.inputValue('select[name="industry"]')).toBe('low_altitude');
    expect(await browser.page.textContent('nav a[aria-current="page"]')).toBe(en.routes.districts);
    const fe = formatFor('en');
    const table = (await chartTable(browser.page, 'by-district')).slice(1);
    expect(table.map((r) => [r[0], r[2], r[3]]).sort()).toEqual(expected.map((e) => [e.district_name, fe.int(e.supply), fe.int(e.demand)]).sort());
  });

  it('downloads exactly the table it shows as CSV, and the chart as SVG with its title', async () => {
    await visit(browser.page, server.url, '#/gaps');
    const svg = (await download(browser.page, 'fill-ratio', 'svg')).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain((await browser.page.textContent('figure[data-chart="fill-ratio"] h3'))!.replace(/&/g, '&amp;'));
    const png = await download(browser.page, 'fill-ratio', 'png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    for (const chart of ['supply-demand', 'demand-ratio']) {
      const shown = await chartTable(browser.page, chart);
      expect(csvRows(await download(browser.page, chart, 'csv')), chart).toEqual(shown);
    }
  });

  it('switches language: navigation, banner, document language and the URL', async () => {
    await visit(browser.page, server.url, '#/overview');
    await browser.page.click('[data-lang-switch]');
    await settle(browser.page);
    expect(await browser.page.textContent('nav a[data-route="gaps"]')).toBe(en.routes.gaps);
    expect(await browser.page.textContent('[data-banner="synthetic"]')).toBe(en.syntheticBanner);
    expect(await browser.page.getAttribute('html', 'lang')).toBe('en');
    expect(browser.page.url()).toContain('lang=en');
    await browser.page.screenshot({ path: join(SHOTS, 'overview-en.png'), fullPage: true });
    await browser.page.click('[data-lang-switch]');
    expect(await browser.page.textContent('nav a[data-route="gaps"]')).toBe(zh.routes.gaps);
  });

  it('reaches chart marks from the keyboard and shows their tooltips', async () => {
    await visit(browser.page, server.url, '#/gaps');
    const [, first, second] = await chartTable(browser.page, 'gap');
    await browser.page.click('figure[data-chart="gap"] .chart-tools button[aria-pressed]'); // back to the chart
    await browser.page.locator('figure[data-chart="gap"] svg.chart').focus();
    expect(await browser.page.textContent('figure[data-chart="gap"] .tooltip-head')).toBe(first[0]);
    await browser.page.keyboard.press('ArrowDown');
    expect(await browser.page.textContent('figure[data-chart="gap"] .tooltip-head')).toBe(second[0]);
    await browser.page.keyboard.press('Home');
    expect(await browser.page.textContent('figure[data-chart="gap"] .tooltip-head')).toBe(first[0]);
  });

  it('shows the data status: inputs with rows and rejects, model tests', async () => {
    const manifest = sampleManifest();
    await visit(browser.page, server.url, '#/data');
    const inputs = (await chartTable(browser.page, 'inputs')).slice(1);
    expect(inputs.map((r) => [r[0], r[2], r[3]])).toEqual(manifest.inputs.map((i) => [i.table, f.int(i.rows), f.int(i.rejected)]));
    const tests = (await chartTable(browser.page, 'model-tests')).slice(1);
    expect(tests.map((r) => r[0])).toEqual(manifest.model_tests.map((t) => t.name));
    expect(await browser.page.textContent('[data-fact="finished"]')).toBe(f.dateTime(manifest.finished_at));
  });

  it('finds a school by part of its name and shows its programmes', async () => {
    const school = await one<{ school_code: string; school_name: string; n: number }>(`
      SELECT school_code, any_value(school_name) AS school_name, count(*)::INTEGER AS n
      FROM mart_school_programme p JOIN mart_school USING (school_code) WHERE p.year = ${year}
      GROUP BY school_code ORDER BY n DESC, school_code LIMIT 1`);
    await visit(browser.page, server.url, `#/schools?q=${encodeURIComponent(school.school_name.slice(0, 4))}`);
    await browser.page.click(`a[data-school="${school.school_code}"]`);
    await settle(browser.page);
    expect(await browser.page.textContent('.school-name')).toBe(school.school_name);
    expect((await chartTable(browser.page, 'school-programmes')).length - 1).toBe(school.n);
    expect(await browser.page.locator('[data-placeholder="school-reports"]').count()).toBe(1);
    await browser.page.screenshot({ path: join(SHOTS, 'school.png'), fullPage: true });
  });

  describe('with a school named like markup', () => {
    let fixture: string;
    let xssServer: Awaited<ReturnType<typeof serve>>;

    beforeAll(async () => {
      fixture = mkdtempSync(join(tmpdir(), 'chanjiao-xss-'));
      cpSync(DEFAULTS.dataDir, join(fixture, 'data'), { recursive: true });
      const schools = join(fixture, 'data/schools.csv');
      const [header, first, ...rest] = readFileSync(schools, 'utf8').split('\n');
      const cells = first.split(',');
      cells[1] = XSS;
      writeFileSync(schools, [header, cells.join(','), ...rest].join('\n'));
      await refresh({ dataDir: join(fixture, 'data'), referenceDir: DEFAULTS.referenceDir, warehouseDir: join(fixture, 'wh') });
      xssServer = await serve(dist, join(fixture, 'wh'));
    });

    afterAll(async () => {
      await xssServer?.close();
      rmSync(fixture, { recursive: true, force: true });
    });

    it('renders the name as text everywhere, never as an element', async () => {
      const dialogs: string[] = [];
      browser.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      await visit(browser.page, xssServer.url, `#/schools?q=${encodeURIComponent('<img')}`);
      const link = browser.page.locator('table.school-list a[data-school]');
      expect(await link.count()).toBe(1);
      expect(await link.textContent()).toBe(XSS);
      await link.click();
      await settle(browser.page);
      expect(await browser.page.textContent('.school-name')).toBe(XSS);
      expect(await browser.page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      await browser.page.screenshot({ path: join(SHOTS, 'school-xss.png'), fullPage: true });
    });
  });
});
