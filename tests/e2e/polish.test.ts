/**
 * Details an analyst meets on a 1366×768 laptop: wide tables show every column, their horizontal
 * scrollbar on screen; the Chinese page in Chinese words; titles that agree with their charts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { chartTable, visit, withAllDrawn } from './page-helpers.ts';
import { PASSWORD, platformServer } from '../platform/helpers.ts';
import { sampleManifest, sampleWarehouseDir } from '../support/warehouse.ts';

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

/** Runs of English words (two or more, or one of four letters or more), file names taken out. */
const english = (text: string) => text.replace(/[\w./-]+\.(csv|xlsx|json)\b/g, '').match(/[A-Za-z]{4,}|[A-Za-z]+(?: [A-Za-z]+)+/g) ?? [];

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('the Chinese page in Chinese, the English page in English', () => {
  const s = dashboardSession();

  it('names the data set and heads each refresh warning in Chinese, its English detail set apart; in English, English', async () => {
    const manifest = sampleManifest() as ReturnType<typeof sampleManifest> & { title: string; warnings: string[] };
    expect(manifest.warnings.length).toBeGreaterThan(0);
    await visit(s.page, s.server.url, '#/data');
    const label = (await s.page.textContent('[data-fact="label"]'))!;
    expect(english(label)).toEqual([]);
    expect(label).toContain(manifest.title.split(/\s*\/\s+/)[0]);
    const warnings = await s.page.locator('section.warnings li').evaluateAll((items) => items.map((li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang="en"]').forEach((el) => el.remove());
      return { headline: copy.textContent!.trim(), whole: li.textContent! };
    }));
    expect(warnings.length).toBe(manifest.warnings.length);
    for (const [i, w] of warnings.entries()) {
      expect(english(w.headline)).toEqual([]);
      // the English detail is still there, nothing of the warning lost
      const detail = manifest.warnings[i].split(/\s*—\s+/).slice(1).join(' — ');
      if (detail) expect(w.whole).toContain(detail);
    }
    // the data set's identifier is kept for operators in the technical detail
    expect(await s.page.locator('details.technical').textContent()).toContain(manifest.data_label);

    await visit(s.page, s.server.url, '#/data?lang=en');
    const labelEn = (await s.page.textContent('[data-fact="label"]'))!;
    expect(labelEn).toContain(manifest.title.split(/\s*\/\s+/)[1]);
    for (const li of await s.page.locator('section.warnings li').allTextContents()) expect(li).not.toMatch(/[\u4e00-\u9fff]{2}.*—/);
    expect(s.errors).toEqual([]);
  });

  it("says a wrong password in the page's language", async () => {
    const platform = await platformServer(sampleWarehouseDir(), [{ username: 'analyst1', role: 'analyst' }], {}, s.dist);
    try {
      for (const [lang, expected] of [['', '用户名或密码错误'], ['?lang=en', 'Wrong user name or password']]) {
        await s.page.goto(`${platform.url}login${lang}`);
        await s.page.fill('input[name="username"]', 'analyst1');
        await s.page.fill('input[name="password"]', `${PASSWORD}x`);
        await s.page.click('button[type="submit"]');
        const error = (await s.page.locator('[role="alert"]').textContent())!.trim();
        expect(error).toBe(expected);
      }
    } finally {
      await platform.close();
    }
  });
});

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('titles that agree with their charts', () => {
  const s = dashboardSession();
  const number = (text: string) => Number(text.replace(/[,+\s]/g, '').replace('−', '-'));

  it("adds the plan tracking's seat bars up to the seats its title states, proposals without an industry a bar of their own", async () => {
    const city = await s.one<{ proposed: number; changed: number }>(`
      SELECT seats_proposed::INTEGER AS proposed, seats_changed::INTEGER AS changed FROM mart_plan_tracking_city ORDER BY plan_year DESC LIMIT 1`);
    const { none } = await s.one<{ none: number }>(`
      SELECT count(*)::INTEGER AS none FROM mart_plan_tracking_detail
      WHERE industry_code IS NULL AND plan_year = (SELECT max(plan_year) FROM mart_plan_tracking_city)`);
    expect(none).toBeGreaterThan(0);
    await visit(s.page, s.server.url, '#/loop');
    await s.page.waitForSelector('figure[data-chart="plan-tracking-seats"]');
    const rows = (await chartTable(s.page, 'plan-tracking-seats')).slice(1);
    expect(rows.reduce((sum, r) => sum + number(r[1]), 0)).toBe(city.proposed);
    expect(rows.reduce((sum, r) => sum + number(r[2]), 0)).toBe(city.changed);
    expect(s.errors).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('money on the funding chart', () => {
  const s = dashboardSession();

  it('labels every bar with one decimal in the unit of its axis, in Chinese and English', async () => {
    for (const [lang, unit] of [['', /^-?[\d,]+\.\d(万元|亿元|元)$/], ['?lang=en', /^CN¥-?[\d,]+\.\d[KMB]?$/]] as const) {
      await visit(s.page, s.server.url, `#/funding${lang}`);
      const frame = s.page.locator('figure[data-chart="budget-impact"]');
      await frame.locator('svg rect').first().waitFor();
      const labels = await withAllDrawn(s.page, () => frame.locator('svg text[text-anchor="start"], svg text[text-anchor="end"]').allTextContents());
      const values = labels.filter((t) => /\d/.test(t) && /[元¥]/.test(t) && !/^0/.test(t));
      expect(values.length).toBeGreaterThan(5);
      expect(values.filter((t) => !unit.test(t))).toEqual([]);
    }
    expect(s.errors).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('file names', () => {
  const s = dashboardSession();

  it("names a school's proposed plan by the year it plans, as its report does, not by a graduation year", async () => {
    const { code } = await s.one<{ code: string }>('SELECT school_code AS code FROM mart_plan GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
    const { latest } = await s.one<{ latest: number }>('SELECT max(year)::INTEGER AS latest FROM mart_school');
    await visit(s.page, s.server.url, `#/schools?school=${code}`);
    await s.page.waitForSelector('figure[data-chart="school-plan"] [data-download="csv"]');
    const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.click('figure[data-chart="school-plan"] [data-download="csv"]')]);
    expect(file.suggestedFilename()).toContain(`_建议招生计划_${latest + 1}年_`);
    const report = await (await fetch(new URL(`data/reports/schools/${code}.html`, s.server.url))).text();
    expect(report).toContain(`${latest + 1}年建议招生计划`);
    expect(s.errors).toEqual([]);
  });
});
