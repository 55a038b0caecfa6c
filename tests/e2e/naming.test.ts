/**
 * What the dashboard calls things an analyst takes away or reads: the names of the files it saves
 * (what, whose, which year, which filters, in the page's language), and words instead of the
 * repository's paths, rule ids and server paths; times in Beijing time, saying so, on a browser
 * whose clock is elsewhere. Names and figures come from
 * the warehouse and the dashboard's own words, never written here.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { chartTable, visit } from './page-helpers.ts';
import { sampleManifest } from '../support/warehouse.ts';
import { dashboardFormat } from '../../dashboard/src/lib/time.ts';
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

  it('cites the crosswalk by name, not by a path of the repository, in every source line', async () => {
    for (const route of ['overview', 'gaps', 'coverage', 'loop']) {
      await visit(s.page, s.server.url, `#/${route}`);
      const sources = await s.page.locator('main figure .source').allTextContents();
      expect(sources.length, route).toBeGreaterThan(0);
      for (const line of sources) expect(line, route).not.toMatch(/docs\/|\.md\b/);
    }
    expect((await s.page.locator('main figure .source').allTextContents()).join('')).toContain('《专业—产业对照表编制说明》');
  });

  it('shows a posting rule as what it looks at and its keyword, with the table it comes from, not its id', async () => {
    const employer = await s.one<{ keyword: string }>(`SELECT keyword FROM mart_posting_rules WHERE rule_id LIKE 'employer:%' ORDER BY keyword LIMIT 1`);
    const file = await s.one<{ rule_id: string; keyword: string }>(`SELECT rule_id, keyword FROM mart_posting_rules WHERE field = 'title' AND rule_id NOT LIKE 'employer:%' ORDER BY rule_id LIMIT 1`);
    await visit(s.page, s.server.url, '#/postings');
    const [header, ...rows] = await chartTable(s.page, 'posting-rules');
    const rule = header.indexOf(zh.postings.columns.rule);
    const from = header.indexOf(zh.wording.ruleFrom);
    expect(rows.flat().join('\n')).not.toContain('employer:');
    expect(rows).toContainEqual(expect.arrayContaining([`${zh.postings.fields.employer}：${employer.keyword}`, zh.inputTables.posting_employers]));
    const own = rows.find((r) => r[rule] === `${zh.postings.fields.title}：${file.keyword}` && r[from].endsWith(file.rule_id));
    expect(own?.[from]).toBe(`${zh.inputTables.posting_rules} ${file.rule_id}`);
  });

  it("names the loop view's plan input in words and by its file name only", async () => {
    const { file } = sampleManifest().proposals!;
    expect(file).toContain('/');
    await visit(s.page, s.server.url, '#/loop');
    await s.page.waitForSelector('[data-plan-tracking] [data-card="plan_proposals"]');
    const text = (await s.page.textContent('main'))!;
    expect(text).not.toContain(file);
    expect(text).toContain(`${zh.inputTables.plan_proposals}，文件 ${file.split('/').pop()}`);
  });

  it('shows every time in Beijing time, saying so, on a browser whose clock is UTC', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await (await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })).newPage();
      const { finished_at } = sampleManifest();
      const beijing = dashboardFormat('zh', zh.wording.timeZone).dateTime(finished_at);
      expect(beijing).toContain('（北京时间）');
      await visit(page, s.server.url, '#/data');
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
      expect(await page.textContent('[data-fact="finished"]')).toBe(beijing);
      expect(await page.textContent('[data-print-date]')).toContain(beijing);
      expect(await page.textContent('figure[data-chart="inputs"] .source')).toContain(beijing);
      await visit(page, s.server.url, '#/gaps?lang=en');
      expect(await page.textContent('figure[data-chart="gap"] .source')).toContain(dashboardFormat('en', en.wording.timeZone).dateTime(finished_at));
    } finally {
      await browser.close();
    }
  });
});
