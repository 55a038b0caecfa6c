/**
 * The dashboard as an analyst reads it: a filter that matches nothing says so, figures on one side
 * of a comparison are never set against an unfiltered other side, and the controls refuse inputs
 * that make no sense. Expected figures come from warehouse.duckdb.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { chartTable, visit } from './page-helpers.ts';
import { formatFor } from '../../dashboard/src/lib/format.ts';
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
      loop: 'recommended=1990', postings: null, funding: null, data: null,
    };
    for (const route of ROUTES) {
      const query = empty[route];
      await s.page.goto('about:blank');
      await s.page.goto(`${s.server.url}#/${route}${query ? `?${query}` : ''}`);
      await s.page.waitForFunction(() => document.querySelector('main[data-view]') && !document.querySelector('.loading')
        && document.querySelector('main figure[data-chart], main [data-results], main [data-empty], main .error'), null, { timeout: 10_000 })
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
});
