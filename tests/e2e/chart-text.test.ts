/**
 * What a screen reader hears for a chart: chromium's own accessibility tree (CDP), not the markup.
 * Every chart is named by its title (the finding shown above it) and described by what it draws,
 * in the page's language.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { visit, withAllDrawn } from './page-helpers.ts';

/** Each chart's accessible name and description as chromium computes them, beside its frame's title and axis labels. */
async function chartsHeard(page: Page) {
  return withAllDrawn(page, async () => {
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Accessibility.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'figure[data-chart] svg.chart' });
      const heard = [];
      for (const nodeId of nodeIds) {
        // Laid out first: a chart far from the screen is skipped (content-visibility), and so is its accessibility node.
        await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const { node } = await cdp.send('DOM.describeNode', { nodeId });
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
        const ax = nodes[0];
        const { object } = await cdp.send('DOM.resolveNode', { nodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!, returnByValue: true,
          functionDeclaration: 'function () { const f = this.closest("figure"); return { chart: f.dataset.chart, title: f.querySelector("h3").textContent.trim(), axes: [...this.querySelectorAll("[data-axis-label]")].map((a) => a.textContent) }; }',
        });
        heard.push({ ...(result.value as { chart: string; title: string; axes: string[] }), role: ax.role?.value, name: String(ax.name?.value ?? ''), description: String(ax.description?.value ?? '') });
      }
      return heard;
    } finally {
      await cdp.detach();
    }
  });
}

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))("charts' text alternative", () => {
  const s = dashboardSession();

  it('names every chart by its title and describes what it draws, in Chinese and in English', async () => {
    const { code } = await s.one<{ code: string }>('SELECT school_code AS code FROM mart_school ORDER BY students DESC LIMIT 1');
    let seen = 0;
    for (const lang of ['zh', 'en'] as const) {
      for (const route of ['gaps', 'coverage', 'districts', `schools?school=${code}`]) {
        await visit(s.page, s.server.url, `#/${route}${lang === 'en' ? `${route.includes('?') ? '&' : '?'}lang=en` : ''}`);
        for (const chart of await chartsHeard(s.page)) {
          const where = `${route} ${lang} ${chart.chart}`;
          expect(chart.role, where).toBe('image');
          expect(chart.name, where).toBe(chart.title);
          expect(chart.description, where).not.toBe('');
          // What is plotted, in the page's language: the kind of chart and what its axes measure.
          expect(chart.description, where).toMatch(lang === 'zh' ? /^(条形图|折线图|矩阵图|地图)：/ : /^(Bar chart|Line chart|Matrix|Map): /);
          for (const axis of chart.axes.filter((a) => !a.endsWith('…'))) expect(chart.description, where).toContain(axis);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(s.errors).toEqual([]);
  }, 180_000);
});
