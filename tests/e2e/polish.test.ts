/**
 * Details an analyst meets on a 1366×768 laptop: wide tables show every column, their horizontal
 * scrollbar on screen; the Chinese page in Chinese words; titles that agree with their charts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { visit } from './page-helpers.ts';

/** Where a table's columns end against its scrolling frame, and the frame against the window. */
function tableFit(page: Page, chart: string) {
  return page.locator(`figure[data-chart="${chart}"] .table-scroll`).first().evaluate((scroll) => {
    const frame = scroll.getBoundingClientRect();
    const heads = [...scroll.querySelectorAll('thead th')].map((th) => ({ label: th.textContent!.trim(), right: Math.round(th.getBoundingClientRect().right) }));
    // cells cut short with an ellipsis, and whether each says its whole text on hover
    const clipped = [...scroll.querySelectorAll('td')].filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => ({ text: td.textContent!.trim(), title: td.getAttribute('title') }));
    return {
      hidden: heads.filter((h) => h.right > Math.round(frame.right) + 1).map((h) => h.label),
      frameHeight: Math.round(frame.height),
      windowHeight: innerHeight,
      untitled: clipped.filter((c) => c.title !== c.text).map((c) => c.text),
    };
  });
}

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('on a 1366×768 screen', () => {
  const s = dashboardSession();

  it('shows every column of the wide tables, long cells cut short with their whole text on hover, the frame within the window', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    try {
      const { code } = await s.one<{ code: string }>(`
        SELECT school_code AS code FROM mart_school_report GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
      for (const [hash, chart] of [['#/postings', 'posting-rules'], [`#/schools?school=${code}`, 'school-labels'],
        [`#/gaps?year=${s.year}`, 'industry-candidates']]) {
        await visit(s.page, s.server.url, hash);
        await s.page.waitForSelector(`figure[data-chart="${chart}"] table`);
        const fit = await tableFit(s.page, chart);
        expect({ chart, hidden: fit.hidden, untitled: fit.untitled }).toEqual({ chart, hidden: [], untitled: [] });
        // the frame's own scrollbars are on screen with it
        expect(fit.frameHeight).toBeLessThan(fit.windowHeight - 100);
      }
      expect(s.errors).toEqual([]);
    } finally {
      await s.page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
