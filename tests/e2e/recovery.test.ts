/**
 * What the reader sees when something is wrong: a view whose data cannot be read says so in its
 * place (in words, the detail beside, with a retry) while the rest of the app stays usable, and a
 * link whose parameters name nothing the data has is corrected, visibly, to what is shown.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { settle, visit } from './page-helpers.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { sampleManifest } from '../support/warehouse.ts';

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('failures and stale links in chromium', () => {
  const s = dashboardSession();
  const hash = () => s.page.evaluate(() => decodeURIComponent(location.hash));
  const historyLength = () => s.page.evaluate(() => history.length);
  const notices = () => s.page.locator('[data-link-notice]').allTextContents();
  const go = async (to: string) => { await s.page.evaluate((h) => { location.hash = h; }, to); await settle(s.page); };

  it('keeps navigation and other views when a view cannot reach the server, retries, and recovers on coming back', async () => {
    const postings = '**/data/marts/mart_industry_postings.arrow';
    await s.page.route(postings, (route) => route.abort('internetdisconnected'));
    try {
      await visit(s.page, s.server.url, '#/gaps');
      await go('#/postings');
      const failed = s.page.locator('main [data-load-failed]');
      expect(await failed.getAttribute('data-load-failed')).toBe('network');
      expect((await failed.locator('[data-load-message]').textContent())!.trim()).toBe(zh.notices.network);
      expect(await failed.locator('[data-load-detail]').textContent()).toContain('mart_industry_postings.arrow');
      expect(await s.page.locator('nav.views a[data-route]').count()).toBeGreaterThan(1);
      expect(await s.page.locator('.filter-bar').count()).toBe(1);

      // Still unreachable: the retry fails again, and says so again.
      await s.page.click('main [data-retry]');
      await s.page.waitForSelector('main [data-load-failed="network"]');

      // Another view works meanwhile, and Back returns to the postings, still failing.
      await go('#/gaps');
      expect(await s.page.locator('main [data-load-failed]').count()).toBe(0);
      expect(await s.page.locator('main figure[data-chart]').count()).toBeGreaterThan(0);
      await s.page.goBack();
      await s.page.waitForSelector('main [data-load-failed="network"]');
    } finally {
      await s.page.unroute(postings);
    }
    // The server is back: the retry button loads the view.
    await s.page.click('main [data-retry]');
    await settle(s.page);
    expect(await s.page.locator('main [data-load-failed]').count()).toBe(0);
    expect(await s.page.locator('main[data-view="postings"] figure[data-chart]').count()).toBeGreaterThan(0);
  });

  it('says why the district map could not be read in the words of every other view, and 重试 draws it', async () => {
    const map = '**/chongqing-districts*.json';
    await s.page.route(map, (route) => route.abort('internetdisconnected'));
    try {
      await visit(s.page, s.server.url, '#/districts');
      const failed = s.page.locator('main [data-load-failed]');
      expect(await failed.getAttribute('data-load-failed')).toBe('network');
      expect((await failed.locator('[data-load-message]').textContent())!.trim()).toBe(zh.notices.network);
      expect(await failed.locator('[data-retry]').textContent()).toBe(zh.notices.retry);
      // the rest of the view is drawn meanwhile
      expect(await s.page.locator('main figure[data-chart="by-district"]').count()).toBe(1);
    } finally {
      await s.page.unroute(map);
    }
    await s.page.click('main [data-retry]');
    await s.page.waitForSelector('main figure[data-chart="district-map"]');
    expect(await s.page.locator('main [data-load-failed]').count()).toBe(0);
  });

  it('clears a view\'s failure on leaving it and coming back once the data loads', async () => {
    const lag = '**/data/marts/mart_lag.arrow';
    await s.page.route(lag, (route) => route.abort('internetdisconnected'));
    await visit(s.page, s.server.url, '#/lag');
    await s.page.waitForSelector('main [data-load-failed="network"]');
    await go('#/overview');
    await s.page.unroute(lag);
    await s.page.goBack();
    await settle(s.page);
    expect(await s.page.locator('main [data-load-failed]').count()).toBe(0);
    expect(await s.page.locator('main[data-view="lag"] figure[data-chart]').count()).toBeGreaterThan(0);
  });

  it('names a missing file in words, with the technical detail and a retry', async () => {
    const lag = '**/data/marts/mart_lag.arrow';
    await s.page.route(lag, (route) => route.fulfill({ status: 404, body: 'not found' }));
    try {
      await visit(s.page, s.server.url, '#/lag');
      const failed = s.page.locator('main [data-load-failed]');
      expect(await failed.getAttribute('data-load-failed')).toBe('missing');
      expect((await failed.locator('[data-load-message]').textContent())!.trim())
        .toBe(zh.notices.missing(zh.notices.files.mart_lag, 'marts/mart_lag.arrow'));
      expect(await failed.locator('[data-load-detail]').textContent()).toContain('HTTP 404');
      expect(await failed.locator('[data-retry]').count()).toBe(1);
    } finally {
      await s.page.unroute(lag);
    }
  });

  it('corrects a year without data, an unknown level and district to what is shown, in place, and says so', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    const before = await historyLength();
    await go('#/gaps?year=1999&level=foo&district=999999');
    const after = await historyLength();
    expect(after).toBe(before + 1); // the hash change itself; the correction adds no entry
    expect(await s.page.inputValue('select[name=year]')).toBe(String(s.year));
    expect(await s.page.inputValue('select[name=level]')).toBe('');
    expect(await s.page.inputValue('select[name=district]')).toBe('');
    expect(await hash()).toBe(`#/gaps?year=${s.year}`);
    const f = zh.filters;
    expect(await notices()).toEqual([
      zh.notices.link(f.year, '1999', zh.notices.year(String(s.year)), 'noData'),
      zh.notices.link(f.level, 'foo', zh.notices.allOf(f.level), 'missing'),
      zh.notices.link(f.district, '999999', zh.notices.allOf(f.district), 'missing'),
    ]);
    expect(await s.page.textContent('[data-print-filters]')).not.toContain('999999');
    // Back goes to the page before the stale link, not to the stale link again.
    await s.page.goBack();
    await settle(s.page);
    expect(await hash()).toBe('#/gaps');
    expect(await notices()).toEqual([]);
  });

  it('corrects an unknown view, industry, metric and funding value', async () => {
    await visit(s.page, s.server.url, '#/nosuchview?year=abc');
    expect(await hash()).toBe(`#/overview?year=${s.year}`);
    expect(await notices()).toEqual([
      zh.notices.link(zh.notices.params.route, 'nosuchview', zh.routes.overview, 'missing'),
      zh.notices.link(zh.filters.year, 'abc', zh.notices.year(String(s.year)), 'noData'),
    ]);

    const codes = (await s.all<{ industry_code: string }>('SELECT industry_code FROM mart_lag')).map((r) => r.industry_code);
    await visit(s.page, s.server.url, '#/lag?industry=xyz');
    const shown = /industry=([^&]+)/.exec(await hash())?.[1];
    expect(codes).toContain(shown);
    expect((await notices())[0]).toMatch(/^链接中的产业 xyz 不存在，已显示/);

    await visit(s.page, s.server.url, '#/districts?metric=bogus');
    expect(await hash()).toBe('#/districts?metric=gap');
    expect(await notices()).toEqual([zh.notices.link(zh.notices.params.metric, 'bogus', zh.districts.columns.gap, 'missing')]);

    await visit(s.page, s.server.url, '#/gaps?drill=nonexistent');
    expect(await hash()).toBe('#/gaps');
    expect(await notices()).toHaveLength(1);

    await visit(s.page, s.server.url, '#/funding?alpha=abc');
    expect(await hash()).toBe('#/funding');
    const { alpha } = sampleManifest().policy.funding;
    expect(await notices()).toEqual([zh.notices.link(zh.funding.alpha, 'abc', String(alpha), 'invalid')]);
  });

  it('corrects a stale trend, candidates, major, recommendation year, plan year and school in place, and says so', async () => {
    const n = zh.notices;
    const corrected = async (link: string, expected: string) => {
      await visit(s.page, s.server.url, link);
      // some views check their parameters once their own data has loaded
      await s.page.waitForFunction((h) => decodeURIComponent(location.hash) === h, expected).catch(() => {});
      expect(await hash(), link).toBe(expected);
    };
    const name = async (code: string) => (await s.one<{ name: string }>(`SELECT name_zh AS name FROM dim_industry WHERE industry_code = '${code}'`)).name;

    await corrected('#/gaps?trend=xyz', '#/gaps');
    expect(await notices()).toEqual([n.link(n.params.trend, 'xyz', zh.trend.top(5, s.year), 'missing')]);

    await visit(s.page, s.server.url, '#/gaps?candidates=xyz');
    await s.page.waitForFunction(() => !location.hash.includes('candidates=xyz')).catch(() => {});
    const first = /^#\/gaps\?candidates=([^&]+)$/.exec(await hash())?.[1] ?? '';
    expect(first).not.toBe('');
    expect(first).not.toBe('xyz');
    expect(await s.page.getAttribute('[data-candidates]', 'data-candidates')).toBe(first);
    expect(await notices()).toEqual([n.link(n.params.candidates, 'xyz', await name(first), 'noData')]);

    const { drill } = await s.one<{ drill: string }>(`SELECT industry_code AS drill FROM mart_industry_supply WHERE year = ${s.year} GROUP BY 1 ORDER BY sum(supply) DESC LIMIT 1`);
    await corrected(`#/gaps?drill=${drill}&major=999999`, `#/gaps?drill=${drill}`);
    expect(await notices()).toEqual([n.link(n.params.major, '999999', zh.drill.schoolsAll, 'missing')]);

    const { checked } = await s.one<{ checked: number }>('SELECT max(year)::INTEGER AS checked FROM mart_loop');
    await corrected('#/loop?recommended=1990', `#/loop?recommended=${checked}`);
    expect(await s.page.inputValue('select[name=recommended]')).toBe(String(checked));
    expect(await notices()).toEqual([n.link(n.params.recommended, '1990', n.year(String(checked)), 'noData')]);

    const { tracked } = await s.one<{ tracked: number | null }>('SELECT max(plan_year)::INTEGER AS tracked FROM mart_plan_tracking_city');
    await corrected('#/loop?planYear=1990', tracked === null ? '#/loop' : `#/loop?planYear=${tracked}`);
    expect(await notices()).toEqual([n.link(n.params.planYear, '1990', tracked === null ? zh.chart.none : n.year(String(tracked)), 'noData')]);

    await corrected('#/schools?school=9999999', '#/schools');
    expect(await notices()).toEqual([n.link(n.params.school, '9999999', n.schoolList, 'missing')]);
    expect(await s.page.locator('main [data-results]').count()).toBe(1);
  });
});
