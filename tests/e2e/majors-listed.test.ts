/**
 * Majors as the views list them: every duplicated major the 专业结构 title counts is in its chart,
 * table and CSV, its legend names what the bars' colour marks, and the trend's CSV is named by its
 * years; an industry's drill-down tells apart majors of one name at different levels, by level in
 * the page and by code in the CSV.
 */
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './session.ts';
import { chromiumAvailable } from './browser.ts';
import { chartTable, csvRows, download, settle, visit } from './page-helpers.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';

describe.runIf(chromiumAvailable('the majors end-to-end tests'))('majors listed', () => {
  const s = dashboardSession();

  it('lists every duplicated major the title counts, and says what its colour marks', async () => {
    const duplicated = await s.all<{ code: string }>(`SELECT major_code AS code FROM mart_major WHERE year = ${s.year} AND duplicated ORDER BY 1`);
    const { above } = await s.one<{ above: number }>(`SELECT min(schools)::INTEGER - 1 AS above FROM mart_major WHERE year = ${s.year} AND duplicated`);
    expect(duplicated.length).toBeGreaterThan(20);
    await visit(s.page, s.server.url, '#/concentration');
    await settle(s.page);
    const frame = s.page.locator('figure[data-chart="most-offered-majors"]');
    expect(await frame.locator('h3').textContent()).toContain(`${duplicated.length} 个专业被超过`);
    const bars = await frame.locator('g[data-row]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-row')!));
    expect(bars).toEqual(expect.arrayContaining(duplicated.map((d) => d.code)));
    const legend = await frame.locator('[data-legend]').first().textContent();
    expect(legend).not.toContain('专业数');
    expect(legend).toContain(zh.concentration.duplicatedLegend(above).slice(0, 6));
    const table = await chartTable(s.page, 'most-offered-majors');
    const codeAt = table[0].indexOf(zh.concentration.columns.code);
    expect(table.slice(1).map((r) => r[codeAt])).toEqual(expect.arrayContaining(duplicated.map((d) => d.code)));
    const csv = csvRows(await download(s.page, 'most-offered-majors', 'csv'));
    expect(csv.slice(1).map((r) => r[codeAt])).toEqual(expect.arrayContaining(duplicated.map((d) => d.code)));
  });

  it("names the concentration trend's file by the years it holds", async () => {
    const { first, last } = await s.one<{ first: number; last: number }>('SELECT min(year)::INTEGER AS first, max(year)::INTEGER AS last FROM mart_concentration');
    await visit(s.page, s.server.url, '#/concentration');
    await settle(s.page);
    const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.click('figure[data-chart="concentration-trend"] [data-download="csv"]')]);
    expect(file.suggestedFilename()).toContain(zh.wording.fileYear(`${first}–${last}`));
  });

  it('tells apart the majors of one name at different levels, by level on the page and by code in the file', async () => {
    const { industry, name } = await s.one<{ industry: string; name: string }>(`
      SELECT industry_code AS industry, major_name AS name FROM mart_industry_supply WHERE year = ${s.year}
      GROUP BY ALL HAVING count(DISTINCT level) > 1 ORDER BY sum(supply) DESC LIMIT 1`);
    const levels = await s.all<{ code: string; level: 'secondary' | 'higher' | 'bachelor' }>(`
      SELECT DISTINCT major_code AS code, level FROM mart_industry_supply WHERE year = ${s.year} AND industry_code = '${industry}' AND major_name = '${name}' ORDER BY 1`);
    await visit(s.page, s.server.url, `#/gaps?drill=${industry}`);
    await s.page.locator('figure[data-chart="drill-majors"]').waitFor();
    const table = await chartTable(s.page, 'drill-majors');
    const [majorAt, codeAt] = [table[0].indexOf(zh.drill.columns.major), table[0].indexOf(zh.drill.columns.code)];
    const rows = table.slice(1).filter((r) => r[majorAt].startsWith(name));
    expect(rows.map((r) => [r[codeAt], r[majorAt]]).sort()).toEqual(levels.map((l) => [l.code, `${name}（${zh.levels[l.level]}）`]).sort());
    const csv = csvRows(await download(s.page, 'drill-majors', 'csv'));
    expect(csv[0]).toContain(zh.drill.columns.code);
    expect(csv.slice(1).filter((r) => r[majorAt].startsWith(name)).map((r) => r[codeAt]).sort()).toEqual(levels.map((l) => l.code).sort());
  });
});
