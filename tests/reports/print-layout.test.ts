/**
 * A school report's tables laid out legibly: on paper every table fits the width of the page it
 * prints on (a wide table on an A4 landscape page) and no cell is squeezed to one character a line;
 * on screen no table spills past its section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromiumAvailable, launchBrowser, type Browser } from '../e2e/browser.ts';
import { loadReportData } from '../../pipeline/reports/load-report-data.ts';
import { buildSchoolReport } from '../../pipeline/reports/school-report.ts';
import { renderHtml } from '../../pipeline/reports/render-html.ts';
import { setPolicyVariables } from '../../pipeline/config/policy.ts';
import { sampleConnection, sampleManifest } from '../support/warehouse.ts';

const enabled = chromiumAvailable('report layout tests');
let browser: Browser;
let html: string;

const MM = 96 / 25.4;

beforeAll(async () => {
  if (!enabled) return;
  const conn = await sampleConnection();
  const manifest = sampleManifest();
  await setPolicyVariables(conn, manifest.policy);
  const data = await loadReportData(conn);
  // the school with the most programmes: the longest main table
  const school = [...data.schools].sort((a, b) =>
    (data.school.rows.get(String(b.school_code)) ?? []).length - (data.school.rows.get(String(a.school_code)) ?? []).length)[0];
  html = renderHtml(buildSchoolReport(data, school), { ...manifest, title: manifest.title });
  browser = await launchBrowser();
}, 120_000);
afterAll(() => browser?.close());

/** Cells of more than one character laid out one character a line, and tables wider than their section. */
function squeezed(page: Browser['page'], selector: string) {
  return page.evaluate((selector) => {
    const cells: string[] = [];
    const spills: string[] = [];
    const tables = [...document.querySelectorAll(selector)];
    for (const table of tables) {
      const section = table.closest('section')!;
      if (table.getBoundingClientRect().width > section.getBoundingClientRect().width + 1) {
        spills.push(`${section.querySelector('h2')?.textContent}: ${Math.round(table.getBoundingClientRect().width)} > ${Math.round(section.getBoundingClientRect().width)}`);
      }
      for (const cell of table.querySelectorAll('th, td')) {
        const text = cell.textContent!.replace(/\s+/g, '');
        if ([...text].length < 2) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size >= [...text].length) cells.push(text);
      }
    }
    return { tables: tables.length, cells: [...new Set(cells)], spills };
  }, selector);
}

describe.skipIf(!enabled)('laying out a school report', () => {
  it('prints every table within its page, wide ones on landscape pages, every page text inside the paper', async () => {
    await browser.page.setContent(html, { waitUntil: 'load' });
    const bytes = await browser.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
    let landscape = 0;
    const outside: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view;
      if (width > height) landscape++;
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const right = item.transform[4] + item.width;
        // the right margin is 12 mm (34 pt); text past the paper's edge less 5 mm is cut or cramped
        if (right > width - 14) outside.push(`page ${i}: ${item.str}`);
      }
    }
    await doc.destroy();
    expect(outside).toEqual([]);
    // the 14-column programme table is printed on landscape pages, the report's first page is portrait
    expect(landscape).toBeGreaterThan(0);
    expect(landscape).toBeLessThan(doc.numPages);
  });

  it('lays out no cell one character a line, on paper (landscape and portrait pages) or on a 1366 px screen', async () => {
    await browser.page.setContent(html, { waitUntil: 'load' });
    // the content's width on paper: A4 landscape or portrait less the 12 mm margins
    const layouts = [
      { media: 'screen', width: 1366, selector: 'table' },
      { media: 'print', width: Math.floor((297 - 24) * MM), selector: 'section.wide table' },
      { media: 'print', width: Math.floor((210 - 24) * MM), selector: 'section:not(.wide) table' },
    ] as const;
    for (const { media, width, selector } of layouts) {
      await browser.page.emulateMedia({ media });
      await browser.page.setViewportSize({ width, height: 800 });
      const { tables, ...result } = await squeezed(browser.page, selector);
      expect(tables).toBeGreaterThan(0);
      expect({ media, width, ...result }).toEqual({ media, width, cells: [], spills: [] });
    }
    await browser.page.emulateMedia({ media: 'screen' });
    await browser.page.setViewportSize({ width: 1280, height: 800 });
  });
});
