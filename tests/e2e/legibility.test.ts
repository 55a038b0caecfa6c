/**
 * What a reader on a phone or a desk can read and trust: chart legends inside their chart and the
 * screen at 390 and 1440 px in both languages, the shortage list sorting like every other table,
 * and every source line naming the years of its data. Expected years come from warehouse.duckdb.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { visit, withAllDrawn } from './page-helpers.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';
import { formatFor } from '../../pipeline/shared/format.ts';

const f = formatFor('zh', 'Asia/Shanghai');
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('legibility', () => {
  const s = dashboardSession();

  it('keeps every legend entry inside its chart and the screen at 390 and 1440 px, and every axis label whole at 1440 px, in Chinese and English', async () => {
    const { industry } = await s.one<{ industry: string }>(`SELECT industry_code AS industry FROM mart_industry WHERE year = ${s.year} ORDER BY gap DESC LIMIT 1`);
    // Every route, and the settings that draw other legends: the map's other metrics, supply only, a drill-down.
    const pages = [...ROUTES.map((r) => `#/${r}`), '#/districts?metric=supply', '#/districts?metric=demand', '#/gaps?ownership=private', `#/gaps?drill=${industry}`];
    const outside: string[] = [];
    const axes: string[] = [];
    let seen = 0;
    for (const width of [390, 1440]) {
      await s.page.setViewportSize({ width, height: 844 });
      for (const lang of ['zh', 'en'] as const) {
        for (const page of pages) {
          await visit(s.page, s.server.url, `${page}${lang === 'en' ? `${page.includes('?') ? '&' : '?'}lang=en` : ''}`);
          const items = await withAllDrawn(s.page, () => s.page.evaluate(() => [...document.querySelectorAll('[data-legend-item]')].map((item) => {
            const box = item.getBoundingClientRect();
            const svg = item.closest('svg')!.getBoundingClientRect();
            return { text: item.textContent!.trim(), left: box.left, right: box.right, svgLeft: svg.left, svgRight: svg.right, chart: item.closest('figure')?.getAttribute('data-chart') };
          })));
          seen += items.length;
          // at a desk's width no axis says its unit cut short
          if (width === 1440) {
            const cut = await withAllDrawn(s.page, () => s.page.evaluate(() => [...document.querySelectorAll('[data-axis-label]')]
              .map((label) => ({ text: label.textContent!, chart: label.closest('figure')?.getAttribute('data-chart') })).filter((l) => l.text.endsWith('…'))));
            axes.push(...cut.map((c) => `${page} ${lang} ${c.chart} "${c.text}"`));
          }
          for (const i of items) {
            if (i.left < i.svgLeft - 0.5 || i.right > i.svgRight + 0.5 || i.right > width) {
              outside.push(`${page} ${lang} ${width} ${i.chart} "${i.text}": ${Math.round(i.left)}–${Math.round(i.right)} in ${Math.round(i.svgLeft)}–${Math.round(i.svgRight)}`);
            }
          }
        }
      }
    }
    await s.page.setViewportSize({ width: 1280, height: 800 });
    expect(seen).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(axes).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 600_000);

  it("sorts the gaps view's shortage list from its headers, gaps as numbers and industries by pinyin", async () => {
    const shortages = await s.all<{ name: string; gap: number }>(`
      SELECT d.name_zh AS name, any_value(r.gap) AS gap FROM mart_recommendation r JOIN dim_industry d USING (industry_code)
      WHERE r.year = ${s.year} GROUP BY 1`);
    expect(shortages.length).toBeGreaterThan(1);
    await visit(s.page, s.server.url, '#/gaps');
    const table = s.page.locator('table.shortage-list');
    const column = async (i: number) => (await table.locator('tbody tr').evaluateAll((trs, c) => trs.map((tr) => tr.children[c].textContent!.trim()), i));
    const gapHeader = table.locator('th').nth(1);
    expect(await gapHeader.getAttribute('aria-sort')).toBe('none');
    await gapHeader.locator('button.sort').click();
    expect(await gapHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await column(1)).toEqual([...shortages].sort((a, b) => b.gap - a.gap).map((r) => f.int(r.gap)));
    await gapHeader.locator('button.sort').click();
    expect(await gapHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await column(1)).toEqual([...shortages].sort((a, b) => a.gap - b.gap).map((r) => f.int(r.gap)));
    const nameHeader = table.locator('th').nth(0);
    await nameHeader.locator('button.sort').click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await column(0)).map((cell) => cell.replace(/\s*\(.*\)$/, ''))).toEqual(shortages.map((r) => r.name).sort(pinyin.compare));
    // Sorted or not, each row keeps its links: the industry picks its candidates, the reports open.
    expect(await table.locator('tbody tr').first().locator('a[data-report="html"]').count()).toBe(1);
    const first = await table.locator('tbody tr').first().getAttribute('data-industry');
    await table.locator('tbody tr').first().locator('td').first().locator('a').click();
    await table.locator(`tr[data-industry="${first}"] a[aria-current="true"]`).waitFor();
    expect(await s.page.getAttribute('[data-candidates]', 'data-candidates')).toBe(first);
    expect(s.errors).toEqual([]);
  });

  it('names the years of the data on every source line, as the filters and the view choose them', async () => {
    const years = (await s.all<{ year: number }>('SELECT DISTINCT year::INTEGER AS year FROM mart_concentration ORDER BY 1')).map((r) => r.year);
    const span = `${years[0]}–${years.at(-1)}`;
    const zhYears = /数据年份：(\d{4})(–\d{4})? 年；/;
    const enYears = /; data of (\d{4})(–\d{4})?; refreshed /;
    for (const lang of ['zh', 'en'] as const) {
      for (const route of ROUTES) {
        await visit(s.page, s.server.url, `#/${route}${lang === 'en' ? '?lang=en' : ''}`);
        const lines = await s.page.locator('main .source').allTextContents();
        for (const line of lines) expect(line, `${route} ${lang}`).toMatch(lang === 'zh' ? zhYears : enYears);
      }
    }
    // The year picked, on a view that follows the year filter; the whole span on one over the years.
    await visit(s.page, s.server.url, `#/gaps?year=${years[0]}`);
    expect(await s.page.textContent('figure[data-chart="gap"] .source')).toContain(`数据年份：${years[0]} 年`);
    expect(await s.page.textContent('figure[data-chart="gap-trend"] .source')).toContain(`数据年份：${span} 年`);
    await visit(s.page, s.server.url, `#/lag?year=${years[0]}`);
    expect(await s.page.textContent('figure[data-chart="lag-all"] .source')).toContain(`数据年份：${span} 年`);
    await visit(s.page, s.server.url, '#/funding?lang=en');
    expect(await s.page.textContent('figure[data-chart="funding-all"] .source')).toContain(`; data of ${years.at(-1)}; `);
    expect(s.errors).toEqual([]);
  });
});
