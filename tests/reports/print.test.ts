/**
 * The print view of a school report: chromium prints the HTML to an A4 PDF of at least one page
 * with a Chinese font embedded (so the glyphs are there, not tofu boxes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, type Browser } from '../e2e/browser.ts';
import { loadReportData } from '../../pipeline/reports/load-report-data.ts';
import { buildSchoolReport } from '../../pipeline/reports/school-report.ts';
import { renderHtml } from '../../pipeline/reports/render-html.ts';
import { setPolicyVariables } from '../../pipeline/config/policy.ts';
import { sampleConnection, sampleManifest } from '../support/warehouse.ts';

const enabled = chromiumAvailable('report printing tests');
let browser: Browser;
let html: string;

beforeAll(async () => {
  if (!enabled) return;
  const conn = await sampleConnection();
  const manifest = sampleManifest();
  await setPolicyVariables(conn, manifest.policy);
  const data = await loadReportData(conn);
  const school = data.schools.find((s) => (data.school.rows.get(String(s.school_code)) ?? []).length > 10)!;
  html = renderHtml(buildSchoolReport(data, school), { ...manifest, title: manifest.title });
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.skipIf(!enabled)('printing a school report', () => {
  it('prints to an A4 PDF with a Chinese font embedded', async () => {
    await browser.page.setContent(html, { waitUntil: 'load' });
    const pdf = (await browser.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.slice(0, 5)).toBe('%PDF-');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    // A4 is 595.28 × 841.89 points; chromium rounds the page to whole CSS pixels, so allow a point or two
    const [width, height] = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/)!.slice(1).map(Number);
    expect(Math.abs(width - 595.28)).toBeLessThan(2);
    expect(Math.abs(height - 841.89)).toBeLessThan(2);
    expect([...new Set(pdf.match(/\/BaseFont\s*\/[\w+-]+/g))].join(' ')).toMatch(/WenQuanYi|Noto|SourceHan/i);
  });
});
