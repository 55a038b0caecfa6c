/**
 * The dashboard as an analyst reads it: a filter that matches nothing says so, figures on one side
 * of a comparison are never set against an unfiltered other side, and the controls refuse inputs
 * that make no sense. Expected figures come from warehouse.duckdb.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { cardValue, chartTable, csvRows, visit } from './page-helpers.ts';
import ExcelJS from 'exceljs';
import { formatFor } from '../../pipeline/shared/format.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { ROUTES, type Route } from '../../dashboard/src/lib/url-state.ts';

const f = formatFor('zh', 'Asia/Shanghai');

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('the dashboard as an analyst uses it', () => {
  const s = dashboardSession();

  it('shows an empty state, never an endless spinner, on every view for a filter that matches nothing', async () => {
    // A district with no private school: asserted here, not assumed.
    const { district } = await s.one<{ district: string }>(`
      SELECT d.district_code AS district FROM dim_district d
      WHERE NOT EXISTS (SELECT 1 FROM mart_school m WHERE m.district_code = d.district_code AND m.ownership = 'private')
      ORDER BY d.district_code LIMIT 1`);
    const none = `district=${district}&ownership=private`;
    const { industry } = await s.one<{ industry: string }>(`
      SELECT i.industry_code AS industry FROM dim_industry i WHERE NOT EXISTS (SELECT 1 FROM mart_supply_slice s
        WHERE s.industry_code = i.industry_code AND s.year = ${s.year} AND s.level = 'bachelor' AND s.ownership = 'private')
      ORDER BY 1 LIMIT 1`);
    // Per view, a filter that matches nothing there; views whose filters cannot come up empty
    // (the data status, the funding policy) must still settle on their content.
    const empty: Record<Route, string | null> = {
      overview: none, gaps: none, coverage: none, concentration: none, lag: none, schools: none,
      districts: `level=bachelor&ownership=private&industry=${industry}`,
      loop: null, postings: null, funding: null, data: null, outlook: null, plan: null, definitions: null,
    };
    for (const route of ROUTES) {
      const query = empty[route];
      await s.page.goto('about:blank');
      await s.page.goto(`${s.server.url}#/${route}${query ? `?${query}` : ''}`);
      await s.page.waitForFunction(() => document.querySelector('main[data-view]') && !document.querySelector('.loading')
        && document.querySelector('main figure[data-chart], main [data-results], main [data-empty], main .error'))
        .catch(() => { throw new Error(`#/${route}?${query}: still loading or blank`); });
      if (query) expect(await s.page.locator('main [data-empty]').count(), route).toBe(1);
      expect(await s.page.locator('main .error').count(), route).toBe(0);
    }
  });

  it('offers in the postings year menu only the years the postings cover, and falls back to the latest of them', async () => {
    const covered = (await s.all<{ year: number }>('SELECT DISTINCT year FROM mart_industry_postings ORDER BY year DESC')).map((r) => String(r.year));
    const { postingless } = await s.one<{ postingless: number }>(`
      SELECT max(year) AS postingless FROM mart_overview WHERE year NOT IN (SELECT year FROM mart_industry_postings)`);
    expect(postingless).not.toBeNull();
    await visit(s.page, s.server.url, `#/postings?year=${postingless}`);
    expect(await s.page.locator('select[name="year"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(covered);
    expect(await s.page.inputValue('select[name="year"]')).toBe(covered[0]);
    expect(await s.page.locator('[data-card="postings_total"]').count()).toBe(1);
  });

  it("tells one story about a school's advice: headline, table, candidacies, HTML, XLSX and CSV agree", async () => {
    // The school listed most often to expand a shortage industry: where candidacies and labels could disagree.
    const { code } = await s.one<{ code: string }>(`
      SELECT school_code AS code FROM mart_recommendation WHERE year = ${s.year} AND action = 'expand'
      GROUP BY school_code ORDER BY count(*) DESC, school_code LIMIT 1`);
    await visit(s.page, s.server.url, `#/schools?school=${code}`);
    const [header, ...rows] = await chartTable(s.page, 'school-labels');
    const c = zh.schools.columns;
    const at = (name: string) => header.indexOf(name);
    const label = new Map(rows.map((r) => [r[at(c.major)], r[at(c.label)]]));
    const count = (l: keyof typeof zh.labels) => rows.filter((r) => r[at(c.label)] === zh.labels[l]).length;
    expect(await s.page.textContent('figure[data-chart="school-labels"] h3'))
      .toBe(zh.schools.labelsTitle(count('expand'), count('open'), count('review'), count('keep')));
    expect(rows.filter((r) => r[at(c.signal)] === zh.signals.balanced && r[at(c.label)] === zh.labels.review)).toEqual([]);

    const [candHeader, ...candidacies] = await chartTable(s.page, 'school-candidacies');
    const expanded = candidacies.filter((r) => r[candHeader.indexOf(c.action)] === zh.labels.expand)
      .flatMap((r) => r[candHeader.indexOf(c.suggested)].split(zh.sep));
    expect(expanded.length).toBeGreaterThan(0);
    for (const major of expanded) expect(label.get(major), major).toBe(zh.labels.expand);

    const file = async (ext: string) => Buffer.from(await (await fetch(new URL(`data/reports/schools/${code}.${ext}`, s.server.url))).arrayBuffer());
    const [csvHeader, ...csvAll] = csvRows(await file('csv'));
    // Rows without advice are programmes the enrolment plan opens, listed for their plan columns.
    const csv = csvAll.filter((r) => r[csvHeader.indexOf('建议')] !== '');
    for (const r of csvAll.filter((r) => !csv.includes(r))) expect(r[csvHeader.indexOf('建议招生计划调整')]).toMatch(/^[1-9]\d*$/);
    expect(new Map(csv.map((r) => [r[csvHeader.indexOf('专业名称')], r[csvHeader.indexOf('建议')]]))).toEqual(label);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file('xlsx') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('专业点')!;
    const names = sheet.getRow(1).values as string[];
    const offered = new Map([...label].filter(([, l]) => l !== zh.labels.open));
    const inBook = new Map<string, string>();
    sheet.eachRow((row, n) => { if (n > 1) inBook.set(String(row.getCell(names.indexOf('专业名称')).value), String(row.getCell(names.indexOf('建议')).value)); });
    expect(inBook).toEqual(offered);
    const summary = new Map<string, unknown>();
    book.getWorksheet('概要')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('建议扩大招生')).toBe(count('expand'));
    expect(summary.get('建议论证调减')).toBe(count('review'));

    const html = (await file('html')).toString('utf8');
    const cells = (tr: string) => [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    const programmeTable = html.slice(html.indexOf('<th>专业代码</th>'), html.indexOf('</table>', html.indexOf('<th>专业代码</th>')));
    const inHtml = new Map([...programmeTable.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => cells(m[1])).filter((r) => r.length).map((r) => [r[1], r.at(-1)]));
    expect(inHtml).toEqual(offered);
  });

  it('shows loop cards that add up: every recommendation acted on, reduced instead or not acted on', async () => {
    const years = await s.all<{ year: number; n: number; acted: number; reduced: number; not_acted: number }>(`
      SELECT year, sum(recommendations)::INTEGER AS n, sum(acted)::INTEGER AS acted, sum(reduced)::INTEGER AS reduced,
             sum(not_acted)::INTEGER AS not_acted FROM mart_loop GROUP BY year ORDER BY reduced DESC, year DESC`);
    // the year with the most reduced recommendations: where a card for them was missing
    const t = years[0];
    expect(t.reduced).toBeGreaterThan(0);
    await visit(s.page, s.server.url, `#/loop?recommended=${t.year}`);
    const card = async (id: string) => Number((await cardValue(s.page, id)).replace(/,/g, ''));
    expect(await card('loop_recommendations')).toBe(t.n);
    expect(await card('loop_reduced')).toBe(t.reduced);
    expect(await card('loop_acted') + await card('loop_reduced') + await card('loop_not_acted')).toBe(await card('loop_recommendations'));
  });

  it('refuses funding parameters that make no sense, and words a cut as a cut', async () => {
    await visit(s.page, s.server.url, '#/funding');
    const total = await cardValue(s.page, 'budget_total');
    const high = await s.page.inputValue('input[name="band_high"]');
    await s.page.fill('input[name="band_low"]', String(Number(high) + 0.5));
    await s.page.locator('input[name="band_low"]').blur();
    expect(await s.page.textContent('[data-funding-error]')).toContain(zh.funding.problems.band);
    expect(await cardValue(s.page, 'budget_total')).toBe(total);
    expect(s.page.url()).not.toContain('band_low');

    await s.page.fill('input[name="alpha"]', '-0.5');
    await s.page.locator('input[name="alpha"]').blur();
    expect(await s.page.textContent('[data-funding-error]')).toContain(zh.funding.problems.alpha);
    expect(s.page.url()).not.toContain('alpha');

    // A link with a reversed band is not applied either.
    await visit(s.page, s.server.url, '#/funding?band_low=2&band_high=1');
    expect(await s.page.textContent('[data-funding-error]')).toContain(zh.funding.problems.band);
    expect(await cardValue(s.page, 'budget_total')).toBe(total);

    // No urgency weight and a base below 1: every coefficient falls, and the title says so.
    await visit(s.page, s.server.url, '#/funding?alpha=0&base=0.5');
    const title = await s.page.textContent('figure[data-chart="budget-impact"] h3');
    expect(title).toContain('预算减少');
    expect(title).toContain('减幅最大');
    expect(title).not.toContain('增幅');
  });

  it('words changes and tooltips as a Chinese reader expects: 持平 for no change, full-width colons', async () => {
    await visit(s.page, s.server.url, '#/overview');
    const changes = await s.page.locator('.card-change').allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    for (const text of changes) expect(text).toMatch(/^(比 \d{4} 年(增加|减少|提高|下降) [\d,.]+( 个百分点)?|与 \d{4} 年持平|无上年数据)$/);

    await visit(s.page, s.server.url, '#/gaps');
    await s.page.locator('figure[data-chart="gap"] svg.chart').focus();
    const lines = await s.page.locator('figure[data-chart="gap"] .tooltip div:not(.tooltip-head)').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^[^:：]+：/);
  });
});
