/**
 * What the dashboard calls things an analyst takes away or reads: the names of the files it saves
 * (what, whose, which year, which filters, in the page's language). Names and figures come from
 * the warehouse and the dashboard's own words, never written here.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { visit } from './page-helpers.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

/** Clicks a download button and returns the file's suggested name. */
async function savedAs(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return file.suggestedFilename();
}

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('names in chromium', () => {
  const s = dashboardSession();

  it('names a chart file after the chart, the year and the filters in words, in the page language', async () => {
    const district = await s.one<{ district_code: string; district_name: string }>(`
      SELECT district_code, any_value(district_name) AS district_name FROM mart_school WHERE level = 'higher'
      GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT 1`);
    await visit(s.page, s.server.url, `#/gaps?year=${s.year}&level=higher&district=${district.district_code}`);
    const base = `${zh.wording.files.gap}_${s.year}年_${zh.levels.higher}_${district.district_name}_示例数据`;
    expect(await savedAs(s.page, 'figure[data-chart="gap"] [data-download="csv"]')).toBe(`${base}.csv`);
    expect(await savedAs(s.page, 'figure[data-chart="gap"] [data-download="png"]')).toBe(`${base}.png`);

    await visit(s.page, s.server.url, `#/gaps?year=${s.year}&ownership=private&lang=en`);
    expect(await savedAs(s.page, 'figure[data-chart="supply-by-industry"] [data-download="svg"]'))
      .toBe(`${en.wording.files['supply-by-industry']}_${s.year}_${en.ownerships.private}_synthetic.svg`);
  });

  it("names a school page's files after the school, so two schools' files differ", async () => {
    const schools = await s.all<{ school_code: string; school_name: string }>(`
      SELECT DISTINCT school_code, school_name FROM mart_school_report ORDER BY school_code LIMIT 2`);
    const { year } = await s.one<{ year: number }>('SELECT max(year)::INTEGER AS year FROM mart_school_report');
    const names = [];
    for (const school of schools) {
      await visit(s.page, s.server.url, `#/schools?school=${school.school_code}`);
      const name = await savedAs(s.page, 'figure[data-chart="school-labels"] [data-download="csv"]');
      expect(name).toBe(`${school.school_name.replace(/[\\/:*?"<>|]/g, '')}_${zh.wording.files['school-labels']}_${year}年_示例数据.csv`);
      names.push(name);
      expect(await savedAs(s.page, 'figure[data-chart="school-programmes"] [data-download="csv"]'))
        .toBe(`${school.school_name.replace(/[\\/:*?"<>|]/g, '')}_${zh.wording.files['school-programmes']}_${s.year}年_示例数据.csv`);
    }
    expect(names[0]).not.toBe(names[1]);
  });

  it('names the candidate schools after their industry, without the city-wide list narrowed by filters', async () => {
    const top = await s.one<{ name_zh: string; industry_code: string }>(`
      SELECT i.name_zh, r.industry_code FROM mart_recommendation r JOIN dim_industry i USING (industry_code)
      WHERE r.year = ${s.year} GROUP BY ALL ORDER BY r.industry_code LIMIT 1`);
    await visit(s.page, s.server.url, `#/gaps?year=${s.year}&level=higher&candidates=${top.industry_code}`);
    await s.page.locator('figure[data-chart="industry-candidates"]').scrollIntoViewIfNeeded();
    expect(await savedAs(s.page, 'figure[data-chart="industry-candidates"] [data-download="csv"]'))
      .toBe(`${top.name_zh}_${zh.wording.files['industry-candidates']}_${s.year}年_示例数据.csv`);
  });
});
