/**
 * The dashboard in a real browser over the sample warehouse. Every expected figure is read from
 * warehouse.duckdb here, then formatted with the dashboard's own formatter: the test checks that
 * what the analyst sees is what the warehouse holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { chromiumAvailable, serve } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { cardValue, chartTable, csvRows, dataRequests, download, settle, visit, screenshotPage, withAllDrawn } from './page-helpers.ts';
import { sampleManifest, sampleWarehouseDir } from '../support/warehouse.ts';
import { POSTINGS_STORE } from '../../pipeline/postings/load-postings.ts';
import { CURRENT } from '../../pipeline/refresh/snapshot.ts';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { formatFor } from '../../pipeline/shared/format.ts';
import { dashboardFormat } from '../../dashboard/src/lib/time.ts';
import { VOCABULARY } from '../../pipeline/shared/vocabulary.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';

const f = dashboardFormat('zh', zh.wording.timeZone);
const XSS = '<img src=x onerror=alert(1)>';

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('dashboard in chromium', () => {
  const s = dashboardSession();

  it('loads every view without a console error, with the synthetic-data banner, and saves screenshots', async () => {
    for (const route of ROUTES) {
      s.errors.length = 0;
      await visit(s.page, s.server.url, `#/${route}`);
      expect(await s.page.getAttribute('main', 'data-view')).toBe(route);
      expect(await s.page.textContent('[data-banner="synthetic"]')).toBe(zh.syntheticBanner);
      expect(await s.page.locator('[data-banner="failed-run"]').count(), route).toBe(0);
      await screenshotPage(s.page, join(SHOTS, `${route}.png`));
      expect(s.errors, route).toEqual([]);
    }
  });

  it('shows the headline figures the warehouse holds for the latest year', async () => {
    const t = await s.one<{ points: number; schools: number; match: number; graduates: number; digital: number }>(`
      SELECT sum(programme_points)::INTEGER AS points, sum(schools)::INTEGER AS schools,
             sum(matched_points) / sum(programme_points) AS match, sum(graduates) AS graduates,
             sum(digital_students) / sum(students) AS digital
      FROM mart_overview WHERE year = ${s.year}`);
    await visit(s.page, s.server.url, '#/overview');
    expect(await cardValue(s.page, 'programme_points')).toBe(f.int(t.points));
    expect(await cardValue(s.page, 'schools')).toBe(f.int(t.schools));
    expect(await cardValue(s.page, 'match_rate')).toBe(f.pct(t.match));
    expect(await cardValue(s.page, 'graduates')).toBe(f.int(t.graduates));
    expect(await cardValue(s.page, 'digital_share')).toBe(f.pct(t.digital));
  });

  it('recomputes every industry gap from the slices exactly as mart_industry has it', async () => {
    const industries = await s.all<{ name_zh: string; supply: number; supply_estimated: number; demand: number; gap: number; signal: keyof typeof zh.signals }>(
      `SELECT name_zh, supply, supply_estimated, demand, gap, signal FROM mart_industry WHERE year = ${s.year} ORDER BY gap DESC`);
    await visit(s.page, s.server.url, '#/gaps');
    expect((await chartTable(s.page, 'gap')).slice(1)).toEqual(industries.map((i) => [i.name_zh, f.int(i.gap), zh.signals[i.signal]]));
    // How much of each industry's supply rests on estimated graduates is shown beside it.
    expect(industries.some((i) => i.supply_estimated > 0)).toBe(true);
    const supplyDemand = await chartTable(s.page, 'supply-demand');
    expect(supplyDemand[0]).toContain(zh.gaps.supplyEstimated);
    expect(new Set(supplyDemand.slice(1))).toEqual(new Set(industries.map((i) =>
      [i.name_zh, f.int(i.supply), f.int(i.supply_estimated), f.int(i.demand), f.int(i.gap), zh.signals[i.signal]])));
    // The sample's calibrated shortages stand out (signal from the warehouse, not assumed here).
    const shortages = industries.filter((i) => i.signal === 'shortage').map((i) => i.name_zh);
    expect(await s.page.textContent('figure[data-chart="supply-demand"] h3')).toContain(shortages.join('、'));
  });

  it('shows coverage, concentration, lag and funding figures from their marts', async () => {
    const coverage = await s.all<{ name_zh: string; schools: number }>(`SELECT name_zh, schools FROM mart_industry WHERE year = ${s.year} ORDER BY name_zh`);
    await visit(s.page, s.server.url, '#/coverage');
    const schoolsTable = (await chartTable(s.page, 'schools-per-industry')).slice(1);
    expect(schoolsTable.map((r) => [r[0], r[1]]).sort()).toEqual(coverage.map((c) => [c.name_zh, f.int(c.schools)]).sort());

    const conc = await s.one<{ hhi: number; top: number }>(`SELECT hhi, top_n_share AS top FROM mart_concentration WHERE year = ${s.year}`);
    await visit(s.page, s.server.url, '#/concentration');
    expect(await cardValue(s.page, 'hhi')).toBe(f.int(conc.hhi));
    expect(await cardValue(s.page, 'top_n_share')).toBe(f.pct(conc.top));

    const lags = await s.all<{ name_zh: string; lag_years: number | null; strength: keyof typeof zh.strengths }>('SELECT name_zh, lag_years, strength FROM mart_lag ORDER BY name_zh');
    await visit(s.page, s.server.url, '#/lag');
    const lagTable = (await chartTable(s.page, 'lag-all')).slice(1);
    expect(lagTable.map((r) => [r[0], r[3]]).sort()).toEqual(lags.map((l) => [l.name_zh, zh.strengths[l.strength]]).sort());

    const funding = await s.one<{ total: number }>('SELECT sum(budget_impact) AS total FROM mart_funding');
    await visit(s.page, s.server.url, '#/funding');
    expect(await cardValue(s.page, 'budget_total')).toBe(f.money(funding.total));
  });

  it('recomputes the funding coefficients live when α changes', async () => {
    const p = sampleManifest().policy.funding as Record<string, number>;
    const alpha = 0.6;
    const { total } = await s.one<{ total: number }>(`
      SELECT sum(students * ${p.per_student_base} * (least(${p.band_high}, greatest(${p.band_low},
             ${p.base} * cost_factor * (1 + ${alpha} * urgency))) - 1)) AS total FROM mart_funding`);
    await visit(s.page, s.server.url, '#/funding');
    const before = await cardValue(s.page, 'budget_total');
    await s.page.fill('input[name="alpha"]', String(alpha));
    await s.page.press('input[name="alpha"]', 'Enter');
    await s.page.locator('input[name="alpha"]').blur();
    expect(await cardValue(s.page, 'budget_total')).toBe(f.money(total));
    expect(await cardValue(s.page, 'budget_total')).not.toBe(before);
    expect(s.page.url()).toContain(`alpha=${alpha}`);
  });

  it('changes the figures when a filter changes: level on the overview, ownership on supply only', async () => {
    const higher = await s.one<{ points: number }>(
      `SELECT sum(programme_points)::INTEGER AS points FROM mart_overview WHERE year = ${s.year} AND level = 'higher'`);
    await visit(s.page, s.server.url, '#/overview');
    const all = await cardValue(s.page, 'programme_points');
    await s.page.selectOption('select[name="level"]', 'higher');
    expect(await cardValue(s.page, 'programme_points')).toBe(f.int(higher.points));
    expect(f.int(higher.points)).not.toBe(all);
    expect(s.page.url()).toContain('level=higher');

    // Demand has no ownership: under an ownership filter only supply is charted, and no gap stated.
    const bySupply = await s.all<{ name_zh: string; supply: number }>(`
      SELECT i.name_zh, s.supply FROM mart_industry i
      JOIN (SELECT industry_code, sum(supply) AS supply FROM mart_supply_slice WHERE year = ${s.year} AND ownership = 'private' GROUP BY ALL) s
        USING (industry_code)
      WHERE i.year = ${s.year} AND s.supply > 0 ORDER BY s.supply DESC`);
    for (const route of ['gaps', 'overview']) {
      await visit(s.page, s.server.url, `#/${route}?ownership=private`);
      expect(await s.page.textContent('[data-supply-only]')).toBe(zh.gaps.supplyOnly);
      expect(await s.page.locator('figure[data-chart="supply-demand"], figure[data-chart="gap"], figure[data-chart="top-shortages"]').count()).toBe(0);
      expect(await s.page.textContent('main')).not.toMatch(/缺口最大|缺 [\d,]+ 人|供给不足：/);
      const table = (await chartTable(s.page, 'supply-by-industry')).slice(1);
      expect(table.map((r) => [r[0], r[1]])).toEqual(bySupply.map((b) => [b.name_zh, f.int(b.supply)]));
    }
  });

  it('restores a view from its URL, filters and language included', async () => {
    const { previous } = await s.one<{ previous: number }>(`SELECT ${s.year} - 1 AS previous`);
    const hash = `#/districts?year=${previous}&level=secondary&industry=low_altitude&lang=en`;
    const expected = await s.all<{ district_name: string; supply: number; demand: number }>(`
      WITH s AS (SELECT district_code, sum(supply) AS supply FROM mart_supply_slice
                 WHERE year = ${previous} AND level = 'secondary' AND industry_code = 'low_altitude' GROUP BY ALL),
           d AS (SELECT district_code, sum(demand)::DOUBLE AS demand FROM mart_demand_slice
                 WHERE year = ${previous} AND level = 'secondary' AND industry_code = 'low_altitude' GROUP BY ALL)
      SELECT coalesce(x.district_name, '${en.cityWide}') AS district_name, coalesce(s.supply, 0) AS supply, coalesce(d.demand, 0) AS demand
      FROM s FULL JOIN d USING (district_code) LEFT JOIN dim_district x USING (district_code)`);
    await visit(s.page, s.server.url, hash);
    expect(await s.page.inputValue('select[name="year"]')).toBe(String(previous));
    expect(await s.page.inputValue('select[name="level"]')).toBe('secondary');
    expect(await s.page.inputValue('select[name="industry"]')).toBe('low_altitude');
    expect(await s.page.textContent('nav a[aria-current="page"]')).toBe(en.routes.districts);
    const fe = formatFor('en');
    const table = (await chartTable(s.page, 'by-district')).slice(1);
    expect(table.map((r) => [r[0], r[2], r[3]]).sort()).toEqual(expected.map((e) => [e.district_name, fe.int(e.supply), fe.int(e.demand)]).sort());
  });

  it('labels the fill-ratio bars and names the lowest as precisely as its table', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    const frame = s.page.locator('figure[data-chart="fill-ratio"]');
    const labels = await withAllDrawn(s.page, () => frame.locator('svg g[data-row]')
      .evaluateAll((rows) => rows.map((g) => [...g.querySelectorAll('text')].at(-1)!.textContent!.trim())));
    const title = (await frame.locator('h3').textContent())!;
    const table = (await chartTable(s.page, 'fill-ratio')).slice(1);
    // Whole percents would show a 79.7 % shortage as 80 % and 3.5 % as 4 %.
    expect(labels).toEqual(table.map((r) => r[1]));
    expect(title).toContain(table[0][1]);
  });

  it('downloads exactly the table it shows as CSV, and the chart as SVG with its title', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    const svg = (await download(s.page, 'fill-ratio', 'svg')).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain((await s.page.textContent('figure[data-chart="fill-ratio"] h3'))!.replace(/&/g, '&amp;'));
    const png = await download(s.page, 'fill-ratio', 'png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    for (const chart of ['supply-demand', 'demand-ratio']) {
      const shown = await chartTable(s.page, chart);
      // the cells shown, numbers without digit grouping so that a spreadsheet reads them as numbers
      const plain = shown.map((row, i) => (i ? row.map((cell) => (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(cell) ? cell.replace(/,/g, '') : cell)) : row));
      // the sample's rows each say they are synthetic, as the file's name does
      const { column, note } = VOCABULARY.zh.synthetic;
      expect(csvRows(await download(s.page, chart, 'csv')), chart).toEqual(plain.map((row, i) => [...row, i ? note : column]));
      expect(plain.flat().some((cell) => /^\d{4,}$/.test(cell)), chart).toBe(true);
    }
  });

  it('switches language: navigation, banner, document language and the URL', async () => {
    await visit(s.page, s.server.url, '#/overview');
    await s.page.click('[data-lang-switch]');
    await settle(s.page);
    expect(await s.page.textContent('nav a[data-route="gaps"]')).toBe(en.routes.gaps);
    expect(await s.page.textContent('[data-banner="synthetic"]')).toBe(en.syntheticBanner);
    expect(await s.page.getAttribute('html', 'lang')).toBe('en');
    expect(s.page.url()).toContain('lang=en');
    await screenshotPage(s.page, join(SHOTS, 'overview-en.png'));
    await s.page.click('[data-lang-switch]');
    expect(await s.page.textContent('nav a[data-route="gaps"]')).toBe(zh.routes.gaps);
  });

  it('reaches chart marks from the keyboard and shows their tooltips', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    const [, first, second] = await chartTable(s.page, 'gap');
    await s.page.click('figure[data-chart="gap"] .chart-tools button[aria-pressed]'); // back to the chart
    await s.page.locator('figure[data-chart="gap"] svg.chart').focus();
    expect(await s.page.textContent('figure[data-chart="gap"] .tooltip-head')).toBe(first[0]);
    await s.page.keyboard.press('ArrowDown');
    expect(await s.page.textContent('figure[data-chart="gap"] .tooltip-head')).toBe(second[0]);
    await s.page.keyboard.press('Home');
    expect(await s.page.textContent('figure[data-chart="gap"] .tooltip-head')).toBe(first[0]);
  });

  it('draws the charts near the screen, all of them when printing, and no containment of an undrawn chart clips a tooltip', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    // Charts out of view are skipped (content-visibility), which contains their paint: the tooltip
    // of the last bar, below the chart's area, must not be inside what is contained.
    await s.page.locator('figure[data-chart="gap"] svg.chart').focus();
    await s.page.keyboard.press('End');
    const clippers = await s.page.locator('figure[data-chart="gap"] .tooltip').evaluate((tip) => {
      const found: string[] = [];
      for (let el = tip.parentElement; el && el.tagName !== 'FIGURE'; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.contentVisibility !== 'visible' || /paint|strict|content/.test(style.contain) || style.overflow !== 'visible') found.push(el.className);
      }
      return found;
    });
    expect(clippers).toEqual([]);
    const skipped = () => s.page.$$eval('.chart-area', (areas) => areas.filter((a) => getComputedStyle(a).contentVisibility !== 'visible').length);
    expect(await skipped()).toBeGreaterThan(0);
    // An undrawn chart takes the room it takes drawn: nothing below it moves when it is scrolled to.
    const heights = () => s.page.$$eval('.chart-area', (areas) => areas.map((a) => a.getBoundingClientRect().height));
    const undrawn = await heights();
    await s.page.addStyleTag({ content: '.chart-area { content-visibility: visible; }' });
    expect(await heights()).toEqual(undrawn);
    await s.page.reload();
    await settle(s.page);
    // Only the charts near the screen are drawn (marks beside the title and description every chart has); one scrolled to is drawn then.
    const drawn = () => s.page.$$eval('svg.chart', (svgs) => svgs.map((svg) => !!svg.querySelector(':scope > :not(title, desc)')));
    const onScreen = await drawn();
    expect(onScreen[0]).toBe(true);
    expect(onScreen.at(-1)).toBe(false);
    await s.page.locator('svg.chart').last().scrollIntoViewIfNeeded();
    await s.page.waitForFunction(() => !![...document.querySelectorAll('svg.chart')].at(-1)!.querySelector(':scope > :not(title, desc)'));
    await s.page.evaluate(() => scrollTo(0, 0));
    await s.page.emulateMedia({ media: 'print' });
    try {
      expect(await skipped()).toBe(0);
      // The charts draw on the print media change, a frame or two after it.
      await s.page.waitForFunction(() => [...document.querySelectorAll('svg.chart')].every((svg) => svg.querySelector(':scope > :not(title, desc)')), undefined, { timeout: 5000 })
        .catch(() => {});
      expect((await drawn()).every(Boolean)).toBe(true);
    } finally {
      await s.page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows the data status: inputs with rows and rejects, model tests', async () => {
    const manifest = sampleManifest();
    await visit(s.page, s.server.url, '#/data');
    const inputs = (await chartTable(s.page, 'inputs')).slice(1);
    expect(inputs.map((r) => [r[0], r[2], r[3]])).toEqual(manifest.inputs.map((i) => [(zh.inputTables as Record<string, string>)[i.table], f.int(i.rows), f.int(i.rejected)]));
    // rejected records counted as the inputs count them, not by their reasons
    expect(await s.page.textContent('figure[data-chart="rejects"] h3')).toBe(zh.data.rejectsTitle(f.int(manifest.inputs.reduce((n, i) => n + i.rejected, 0))));
    const tests = (await chartTable(s.page, 'model-tests')).slice(1);
    expect(tests.map((r) => r[0])).toEqual(manifest.model_tests.map((t) => t.name));
    expect(await s.page.textContent('[data-fact="finished"]')).toBe(f.dateTime(manifest.finished_at));
    // The test warehouse is built from scratch: a full rebuild, not a postings-only night.
    expect(manifest.mode).toBe('full');
    expect(await s.page.textContent('[data-fact="mode"]')).toBe(zh.data.modeFull);
  });

  it('finds a school by part of its name and shows its programmes', async () => {
    const school = await s.one<{ school_code: string; school_name: string; n: number }>(`
      SELECT school_code, any_value(school_name) AS school_name, count(*)::INTEGER AS n
      FROM mart_school_programme p JOIN mart_school USING (school_code) WHERE p.year = ${s.year}
      GROUP BY school_code ORDER BY n DESC, school_code LIMIT 1`);
    await visit(s.page, s.server.url, `#/schools?q=${encodeURIComponent(school.school_name.slice(0, 4))}`);
    await s.page.click(`a[data-school="${school.school_code}"]`);
    await settle(s.page);
    expect(await s.page.textContent('.school-name')).toBe(school.school_name);
    const table = await chartTable(s.page, 'school-programmes');
    expect(table.length - 1).toBe(school.n);
    // each programme says whether its graduates are estimated, as the warehouse flags them
    const estimate = table[0].indexOf(zh.schools.columns.estimate);
    const [{ estimated }] = await s.all<{ estimated: number }>(`SELECT count(*) FILTER (WHERE graduates_estimated)::INTEGER AS estimated
      FROM mart_school_programme WHERE year = ${s.year} AND school_code = '${school.school_code}'`);
    expect(estimated).toBeGreaterThan(0);
    expect(table.slice(1).filter((r) => r[estimate] === VOCABULARY.zh.estimates.graduates).length).toBe(estimated);
    expect(await s.page.locator('[data-reports="school"] a[data-report]').count()).toBe(4);
    await screenshotPage(s.page, join(SHOTS, 'school.png'));
  });

  /**
   * One refresh serves two checks: a school named like markup, and marts written as a national
   * refresh writes them (those above a row limit only cut per school and rolled up to provinces).
   */
  describe('with a school named like markup, in a snapshot whose large marts are written only cut', () => {
    let fixture: string;
    let cutServer: Awaited<ReturnType<typeof serve>>;
    const saved = process.env.CHANJIAO_WHOLE_MART_MAX_ROWS;

    beforeAll(async () => {
      fixture = mkdtempSync(join(tmpdir(), 'chanjiao-xss-'));
      cpSync(DEFAULTS.dataDir, join(fixture, 'data'), { recursive: true });
      const schools = join(fixture, 'data/schools.csv');
      const [header, first, ...rest] = readFileSync(schools, 'utf8').split('\n');
      const cells = first.split(',');
      cells[1] = XSS;
      writeFileSync(schools, [header, cells.join(','), ...rest].join('\n'));
      // The sample's converted postings: the same daily files need no second conversion.
      cpSync(join(sampleWarehouseDir(), POSTINGS_STORE), join(fixture, 'wh', POSTINGS_STORE), { recursive: true });
      // The supply slice, and so the county marts and the school detail, too large to be written whole.
      process.env.CHANJIAO_WHOLE_MART_MAX_ROWS = String(sampleManifest().marts.find((m) => m.name === 'mart_supply_slice')!.rows - 1);
      try {
        await refresh({ dataDir: join(fixture, 'data'), referenceDir: DEFAULTS.referenceDir, warehouseDir: join(fixture, 'wh') });
      } finally {
        if (saved === undefined) delete process.env.CHANJIAO_WHOLE_MART_MAX_ROWS;
        else process.env.CHANJIAO_WHOLE_MART_MAX_ROWS = saved;
      }
      cutServer = await serve(s.dist, join(fixture, 'wh'));
    });

    afterAll(async () => {
      await cutServer?.close();
      rmSync(fixture, { recursive: true, force: true });
    });

    it('renders the name as text everywhere, never as an element', async () => {
      const dialogs: string[] = [];
      s.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      await visit(s.page, cutServer.url, `#/schools?q=${encodeURIComponent('<img')}`);
      const link = s.page.locator('table.school-list a[data-school]');
      expect(await link.count()).toBe(1);
      expect(await link.textContent()).toBe(XSS);
      // Waited for, not only seen by the time the page settles: on a busy machine the file comes later.
      const detail = s.page.waitForResponse((r) => /^\/data\/marts\/schools\/[^/]+\.arrow$/.test(new URL(r.url()).pathname));
      await link.click();
      const response = await detail;
      await settle(s.page);
      expect(await s.page.textContent('.school-name')).toBe(XSS);
      expect(await s.page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      // Its programmes come from its own file: the school detail is not written whole here.
      const code = await s.page.getAttribute('[data-school-page]', 'data-school-page');
      expect([new URL(response.url()).pathname, response.status()]).toEqual([`/data/marts/schools/${code}.arrow`, 200]);
      await screenshotPage(s.page, join(SHOTS, 'school-xss.png'));
    });

    it('reads the province roll-ups when the county marts are not written whole, with the same city-wide figures', async () => {
      const t = await s.one<{ points: number; schools: number }>(`
        SELECT sum(programme_points)::INTEGER AS points, sum(schools)::INTEGER AS schools FROM mart_overview WHERE year = ${s.year}`);
      const gaps = await s.all<{ name_zh: string; gap: number }>(`SELECT name_zh, gap FROM mart_industry WHERE year = ${s.year} ORDER BY gap DESC`);
      const provinces = tableFromIPC(readFileSync(join(fixture, 'wh', CURRENT, 'marts/provinces/dim_province.arrow'))).toArray()
        .map((r) => ({ district_code: String(r.district_code), district_name: String(r.district_name) }));
      s.errors.length = 0;
      const requests = dataRequests(s.page);
      await visit(s.page, cutServer.url, '#/overview');
      expect(await cardValue(s.page, 'programme_points')).toBe(f.int(t.points));
      expect(await cardValue(s.page, 'schools')).toBe(f.int(t.schools));
      expect(await s.page.locator('select[name="district"] option:not([value=""])').allTextContents()).toEqual(provinces.map((p) => p.district_name));
      await visit(s.page, cutServer.url, '#/gaps');
      expect((await chartTable(s.page, 'gap')).slice(1).map((r) => [r[0], r[1]])).toEqual(gaps.map((g) => [g.name_zh, f.int(g.gap)]));
      // A list kept at county grain (schools), filtered by a province, keeps every school of it.
      const province = provinces[0];
      const { schools } = await s.one<{ schools: number }>(
        `SELECT count(*)::INTEGER AS schools FROM mart_school WHERE left(district_code, 2) = '${province.district_code.slice(0, 2)}'`);
      expect(schools).toBeGreaterThan(0);
      await visit(s.page, cutServer.url, `#/schools?district=${province.district_code}`);
      expect(await s.page.textContent('[data-results]')).toBe(zh.schools.results(schools));
      requests.stop();
      for (const mart of ['mart_overview', 'mart_supply_slice', 'mart_demand_slice', 'dim_province']) {
        expect(requests.seen).toContainEqual({ path: `marts/provinces/${mart}.arrow`, status: 200 });
      }
      expect(requests.paths().filter((p) => /^marts\/(mart_overview|mart_supply_slice|mart_demand_slice|dim_district)\.arrow$/.test(p))).toEqual([]);
      expect(s.errors).toEqual([]);
    });
  });
});
