/**
 * Following a figure up: the district map, the drill-down from an industry to the majors and
 * schools behind its supply, each industry's balance over the years, and screenshots of every
 * view in both languages at desktop and phone width. Expected figures come from warehouse.duckdb.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { chartTable, csvRows, download, visit, screenshotPage } from './page-helpers.ts';
import { ROOT } from '../../pipeline/config/paths.ts';
import { formatFor } from '../../pipeline/shared/format.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';

const f = formatFor('zh', 'Asia/Shanghai');
const num = (text: string) => Number(text.replace(/,/g, ''));

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('following a figure up', () => {
  const s = dashboardSession();

  it('maps the 38 real districts by name and code, coloured by the metric picked, with its table, CSV and images', async () => {
    const reference = (parse(readFileSync(join(ROOT, 'data/reference/districts.csv')), { columns: true }) as { district_code: string; district_name: string }[])
      .map((d) => [d.district_code, d.district_name]).sort();
    await visit(s.page, s.server.url, '#/districts');
    const map = s.page.locator('figure[data-chart="district-map"]');
    const areas = await map.locator('path[data-area]').evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-area')!, p.querySelector('title')!.textContent!, p.getAttribute('fill')!, p.getAttribute('d')!]));
    expect(areas.map(([code, name]) => [code, name]).sort()).toEqual(reference);
    expect(areas.every(([, , , d]) => d.length > 20)).toBe(true);

    const expected = await s.all<{ code: string; gap: number }>(`
      WITH s AS (SELECT district_code, sum(supply) AS supply FROM mart_supply_slice WHERE year = ${s.year} GROUP BY 1),
           d AS (SELECT district_code, sum(demand) AS demand FROM mart_demand_slice WHERE year = ${s.year} GROUP BY 1)
      SELECT dim.district_code AS code, coalesce(d.demand, 0) - coalesce(s.supply, 0) AS gap
      FROM dim_district dim LEFT JOIN s USING (district_code) LEFT JOIN d USING (district_code) ORDER BY gap DESC, code`);
    // People are shown whole: each shown gap is the warehouse's, rounded.
    const sameGaps = (shown: [string, number][]) => {
      expect(shown.map(([code]) => code).sort()).toEqual(expected.map((e) => e.code).sort());
      for (const [code, gap] of shown) expect(Math.abs(gap - expected.find((e) => e.code === code)!.gap), code).toBeLessThanOrEqual(0.5 + 1e-9);
    };
    const table = await chartTable(s.page, 'district-map');
    const gapAt = table[0].indexOf('缺口（人）');
    sameGaps(table.slice(1).map((r) => [r[0], num(r[gapAt])]));
    expect(await map.locator('h3').textContent()).toContain(table[1][1]);
    const csv = csvRows(await download(s.page, 'district-map', 'csv'));
    expect(csv).toHaveLength(39);
    sameGaps(csv.slice(1).map((r) => [r[0], Number(r[gapAt])]));
    await map.locator('.chart-tools button[aria-pressed]').click();

    // The largest gap and the largest surplus are coloured from opposite ends.
    const fill = (code: string) => areas.find(([c]) => c === code)![2];
    expect(fill(expected[0].code)).not.toBe(fill(expected.at(-1)!.code));
    const svg = (await download(s.page, 'district-map', 'svg')).toString('utf8');
    expect(svg.match(/<path[^>]*data-area/g)).toHaveLength(38);
    expect((await download(s.page, 'district-map', 'png')).subarray(1, 4).toString()).toBe('PNG');

    // Keyboard: Tab to the map, an arrow key, the tooltip of an area.
    await map.locator('svg.chart').focus();
    await s.page.keyboard.press('ArrowRight');
    expect(await map.locator('.tooltip').textContent()).toContain('缺口（人）：');

    // Another metric: supply, the district with most graduates first.
    await s.page.selectOption('select[name="metric"]', 'supply');
    const { name } = await s.one<{ name: string }>(`
      SELECT dim.district_name AS name FROM mart_supply_slice m JOIN dim_district dim USING (district_code)
      WHERE year = ${s.year} GROUP BY 1 ORDER BY sum(supply) DESC LIMIT 1`);
    expect(await map.locator('h3').textContent()).toContain(`各区县供给（人）：${name}最高`);
    await screenshotPage(s.page, join(SHOTS, 'district-map.png'));
    expect(s.errors).toEqual([]);
  });

  it('goes from the largest gap to the schools behind it in two clicks, every school a link to its page', async () => {
    const top = await s.one<{ code: string; name: string; supply: number; demand: number }>(`
      SELECT i.industry_code AS code, d.name_zh AS name, i.supply, i.demand FROM mart_industry i JOIN dim_industry d USING (industry_code)
      WHERE year = ${s.year} ORDER BY i.gap DESC LIMIT 1`);
    await visit(s.page, s.server.url, '#/gaps');
    expect(await s.page.textContent('figure[data-chart="gap"] h3')).toContain(`缺口最大的是${top.name}`);
    // Click 1: the industry's bar.
    await s.page.locator(`figure[data-chart="gap"] g[data-row="${top.code}"] text`).first().click();
    const drill = s.page.locator(`section[data-drill="${top.code}"]`);
    await drill.locator('figure[data-chart="drill-schools"]').waitFor();
    expect(await drill.locator('[data-drill-summary]').textContent()).toContain(`供给 ${Math.round(top.supply).toLocaleString('en')} 人`);
    expect(await drill.locator('[data-drill-summary]').textContent()).toContain(`需求 ${Math.round(top.demand).toLocaleString('en')} 人`);

    // The majors add up to the industry's supply, each as the programme points of the major make it.
    const majors = await chartTable(s.page, 'drill-majors');
    const supplyAt = majors[0].indexOf('计入供给（人）');
    expect(Math.abs(majors.slice(1).reduce((sum, r) => sum + num(r[supplyAt]), 0) - top.supply)).toBeLessThanOrEqual(majors.length / 2);
    const topMajor = await drill.locator('figure[data-chart="drill-majors"] a[data-major]').first().getAttribute('data-major');
    const offering = await s.all<{ school: string }>(`
      SELECT DISTINCT school_code AS school FROM mart_school_programme WHERE year = ${s.year} AND major_code = '${topMajor}' ORDER BY 1`);
    expect(num(majors[1][majors[0].indexOf(zh.drill.columns.schools)])).toBe(offering.length);

    // Click 2: the major; its schools are those offering it, each linking to the school's page.
    await drill.locator('figure[data-chart="drill-majors"] a[data-major]').first().click();
    await s.page.waitForFunction(() => document.querySelector('[data-all-majors]'));
    const schools = await drill.locator('figure[data-chart="drill-schools"] a[data-school]').evaluateAll((as) => as.map((a) => a.getAttribute('data-school')!));
    expect([...new Set(schools)].sort()).toEqual(offering.map((o) => o.school));
    // Each point whose graduates are estimated says so, as the mart flags it.
    const shown = await chartTable(s.page, 'drill-schools');
    const { estimated } = await s.one<{ estimated: number }>(`SELECT count(*) FILTER (WHERE graduates_estimated)::INTEGER AS estimated
      FROM mart_industry_supply WHERE year = ${s.year} AND industry_code = '${top.code}' AND major_code = '${topMajor}'`);
    expect(shown.slice(1).filter((r) => r[shown[0].indexOf('估算项')] === '毕业生').length).toBe(estimated);
    await screenshotPage(s.page, join(SHOTS, 'drill-down.png'));
    await drill.locator('figure[data-chart="drill-schools"] a[data-school]').first().click();
    await s.page.locator(`[data-school-page="${schools[0]}"]`).waitFor();

    // The candidate schools link to their pages too.
    await visit(s.page, s.server.url, '#/gaps');
    expect(await s.page.locator('figure[data-chart="industry-candidates"] a[data-school]').count()).toBeGreaterThan(0);
    expect(s.errors).toEqual([]);
  }, 120_000);

  it("shows each industry's gap and fill ratio over the years, as the warehouse has them, with table and CSV", async () => {
    const history = await s.all<{ code: string; name: string; year: number; gap: number; fill: number | null }>(`
      SELECT i.industry_code AS code, d.name_zh AS name, i.year, i.gap, i.fill_ratio AS fill
      FROM mart_industry i JOIN dim_industry d USING (industry_code) ORDER BY i.year`);
    const years = [...new Set(history.map((h) => h.year))];
    expect(years.length).toBeGreaterThan(1);
    const top = history.filter((h) => h.year === s.year).sort((a, b) => b.gap - a.gap).slice(0, 5);
    await visit(s.page, s.server.url, '#/gaps');
    const shown = await chartTable(s.page, 'gap-trend');
    expect(shown[0]).toEqual(['产业', '年份', '供给（人）', '需求（人）', '缺口（人）', '供需比', '信号']);
    expect(shown.slice(1).map((r) => r[0])).toEqual(top.flatMap((t) => years.map(() => t.name)));
    for (const [name, year, , , gap, fill] of shown.slice(1)) {
      const h = history.find((x) => x.name === name && x.year === Number(year))!;
      expect(Math.abs(num(gap) - h.gap), `${name} ${year}`).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(fill, `${name} ${year}`).toBe(f.pct(h.fill));
    }
    expect(csvRows(await download(s.page, 'gap-trend', 'csv'))).toHaveLength(shown.length);

    // One industry picked: its line alone, the title stating its first and last year.
    const last = history.filter((h) => h.code === top.at(-1)!.code);
    await s.page.selectOption('select[name="trend"]', top.at(-1)!.code);
    const one = await chartTable(s.page, 'fill-trend');
    expect(one.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(last.map((h) => [h.name, h.year]));
    expect(await s.page.textContent('figure[data-chart="gap-trend"] h3')).toContain(`${last[0].name}的缺口：${years[0]} 年`);
    await s.page.locator('section.industry-trend').screenshot({ path: join(SHOTS, 'gap-trend.png') });
    expect(s.errors).toEqual([]);
  });

  it('screenshots every view in Chinese and English at desktop and phone width, none wider than the screen', async () => {
    mkdirSync(join(SHOTS, 'views'), { recursive: true });
    const wide: string[] = [];
    for (const width of [1440, 390]) {
      await s.page.setViewportSize({ width, height: 900 });
      for (const lang of ['zh', 'en'] as const) {
        for (const route of ROUTES) {
          await visit(s.page, s.server.url, `#/${route}${lang === 'en' ? '?lang=en' : ''}`);
          await screenshotPage(s.page, join(SHOTS, 'views', `${route}-${lang}-${width}.png`));
          // A page wider than the screen scrolls sideways as a whole: wide tables and charts must scroll in their own box.
          const scroll = await s.page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) wide.push(`${route} ${lang} ${width}: ${scroll}px`);
        }
      }
    }
    await s.page.setViewportSize({ width: 1280, height: 800 });
    expect(wide).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 600_000);
});
