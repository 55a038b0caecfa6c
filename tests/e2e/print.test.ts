/**
 * What a printed view looks like on paper (page.pdf, read back with pdf.js, and the page laid out
 * for print at the width of the paper): wide tables readable, their header repeated with its text on
 * every page, no row cut across two pages, no empty frame. Expected rows come from the page itself.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { visit, withAllDrawn } from './page-helpers.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';

/** Each page's text (whitespace taken out) and its width in points. */
async function printed(page: Page): Promise<{ text: string; width: number }[]> {
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const text = (await p.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, '');
    pages.push({ text, width: p.view[2] - p.view[0] });
  }
  await doc.destroy();
  return pages;
}

const squeeze = (t: string) => t.replace(/\s+/g, '');
/** The print's page margins (app.css: 10 mm left and right), in CSS pixels. */
const contentPx = (widthPt: number) => Math.floor(((widthPt / 72) * 25.4 - 20) / 25.4 * 96);

/** A table's header labels and each row's cells, as the screen shows them. */
function tableCells(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((table) => ({
    heads: [...table.querySelectorAll('thead th')].map((th) => (th.querySelector('.sort') ?? th).textContent!.trim()),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent!.trim())),
  }));
}

/** Each column's width in characters of its own font, laid out for print at `width` pixels. */
async function columnWidths(page: Page, selector: string, width: number): Promise<{ head: string; chars: number }[]> {
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.locator(selector).first().evaluate((table) => [...table.querySelectorAll('thead th')].map((th) => {
      const style = getComputedStyle(th);
      const inner = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { head: th.textContent!.trim(), chars: Math.round((inner / parseFloat(style.fontSize)) * 10) / 10 };
    }));
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

/**
 * Checks a printed table: every column at least four characters wide on the paper it prints on, each
 * row whole on one page (its longest cell found whole there), and on every page a row is printed
 * on, every header label printed too.
 */
async function checkPrintedTable(page: Page, pages: { text: string; width: number }[], selector: string) {
  const { heads, rows } = await tableCells(page, selector);
  expect(rows.length).toBeGreaterThan(3);
  const rowPages = rows.map((cells) => {
    const longest = squeeze(cells.reduce((a, b) => (b.length > a.length ? b : a)));
    return pages.findIndex((p) => p.text.includes(longest));
  });
  // No row split: the longest cell of each is whole on a page.
  expect(rowPages.filter((p) => p < 0), `rows cut across pages in ${selector}`).toEqual([]);
  const onPages = [...new Set(rowPages)];
  expect(onPages.length, `${selector} fits one page: the header repetition is not tested`).toBeGreaterThan(1);
  for (const p of onPages) {
    for (const head of heads.filter(Boolean)) expect(pages[p].text, `header "${head}" on page ${p + 1}`).toContain(squeeze(head));
  }
  const narrow = (await columnWidths(page, selector, contentPx(pages[onPages[0]].width))).filter((c) => c.chars < 4);
  expect(narrow, `columns of ${selector} under 4 characters wide`).toEqual([]);
  return onPages;
}

/** Elements drawn as a box (a border all round) with nothing in them, in print. */
async function emptyFrames(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => {
      const s = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const bordered = ['Top', 'Right', 'Bottom', 'Left'].every((side) => parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0
        && s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none');
      return bordered && box.width > 0 && box.height > 0 && !(el as HTMLElement).innerText.trim() && !el.querySelector('svg, img');
    }).map((el) => el.outerHTML.slice(0, 120)));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('printing wide tables', () => {
  const s = dashboardSession();

  it("prints a school's advice readable: columns wide enough, header on every page, rows whole, the table from page 1, no empty frame", async () => {
    const { code } = await s.one<{ code: string }>(`
      SELECT school_code AS code FROM mart_school_report GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    await visit(s.page, s.server.url, `#/schools?school=${code}`);
    await s.page.waitForSelector('figure[data-chart="school-labels"] table');
    await s.page.emulateMedia({ media: 'print' });
    const pages = await printed(s.page).finally(() => s.page.emulateMedia({ media: 'screen' }));
    const onPages = await checkPrintedTable(s.page, pages, 'figure[data-chart="school-labels"] table');
    // The advice starts on the first page, under the school's figures: no page left two-thirds empty before it.
    expect(onPages[0]).toBe(0);
    expect(await emptyFrames(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it("prints the gaps view's candidate schools readable, right under the shortage list", async () => {
    await visit(s.page, s.server.url, `#/gaps?year=${s.year - 1}&level=higher`);
    await s.page.waitForSelector('figure[data-chart="industry-candidates"] table');
    await s.page.emulateMedia({ media: 'print' });
    const pages = await printed(s.page).finally(() => s.page.emulateMedia({ media: 'screen' }));
    const onPages = await checkPrintedTable(s.page, pages, 'figure[data-chart="industry-candidates"] table');
    // The shortage list is printed on the page the candidates start on, not left alone on one of its own.
    const { rows: shortages } = await tableCells(s.page, 'table.shortage-list');
    for (const row of shortages) expect(pages[onPages[0]].text).toContain(squeeze(row[3]));
    expect(await emptyFrames(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it("prints the trend's choice of industries in words, and titles the trend charts by the lines they draw", async () => {
    const trend = async () => {
      const frames = [];
      for (const chart of ['gap-trend', 'fill-trend']) {
        const frame = s.page.locator(`figure[data-chart="${chart}"]`);
        const lines = await withAllDrawn(s.page, () => frame.locator('[data-legend-item]').allTextContents());
        frames.push({ title: (await frame.locator('h3').textContent())!.trim(), lines: lines.map((l) => l.trim()) });
      }
      await s.page.emulateMedia({ media: 'print' });
      const pages = await printed(s.page).finally(() => s.page.emulateMedia({ media: 'screen' }));
      return { frames, text: pages.map((p) => p.text).join('') };
    };
    await visit(s.page, s.server.url, `#/gaps?year=${s.year}`);
    const top = await trend();
    expect(top.text).toContain(squeeze(`${zh.trend.heading}${zh.trend.pick}${zh.trend.top(5, s.year)}`));
    for (const { title, lines } of top.frames) {
      // Five lines drawn: the title is about the five, not about the first of them alone.
      expect(lines.length).toBe(5);
      expect(title).toContain(`${s.year} 年缺口最大的 5 个产业`);
      expect(title.startsWith(lines[0])).toBe(false);
    }
    const { code, name } = await s.one<{ code: string; name: string }>(`
      SELECT industry_code AS code, name_zh AS name FROM dim_industry ORDER BY industry_code LIMIT 1`);
    await visit(s.page, s.server.url, `#/gaps?year=${s.year}&trend=${code}`);
    const one = await trend();
    expect(one.text).toContain(squeeze(`${zh.trend.heading}${zh.trend.pick}${name}`));
    for (const { title, lines } of one.frames) {
      expect(lines.length).toBeLessThanOrEqual(1);
      expect(title.startsWith(`${name}的`)).toBe(true);
    }
    expect(s.errors).toEqual([]);
  });
});
