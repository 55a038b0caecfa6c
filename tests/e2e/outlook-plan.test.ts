/**
 * The 研判 and 招生计划方案 views in chromium over the sample warehouse: every figure shown is read
 * from warehouse.duckdb here; the plan re-solved in the page with the policy file's settings is the
 * plan the refresh wrote (same model, same data); wrong settings are refused with their reasons and
 * an infeasible set of constraints is reported with the constraints in conflict.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession } from './session.ts';
import { chartTable, visit } from './page-helpers.ts';
import { formatFor } from '../../pipeline/shared/format.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';

const f = formatFor('zh', 'Asia/Shanghai');
const SOLVE_TIMEOUT = 240_000;

describe.skipIf(!chromiumAvailable('the outlook and plan end-to-end tests'))('研判 and 招生计划方案 in chromium', () => {
  const s = dashboardSession();

  it('draws the outlook fan, the back-test beside the baseline, and the future gap from their marts', async () => {
    const { industry, name } = await s.one<{ industry: string; name: string }>(`
      SELECT g.industry_code AS industry, i.name_zh AS name FROM mart_future_gap g JOIN dim_industry i USING (industry_code)
      WHERE g.future_gap IS NOT NULL ORDER BY g.future_gap DESC LIMIT 1`);
    await visit(s.page, s.server.url, `#/outlook?industry=${industry}`);
    expect(s.errors).toEqual([]);
    const outlook = await s.all<{ year: number; openings: number; lo80: number | null; hi95: number | null }>(`
      SELECT year, openings, openings_lo80 AS lo80, openings_hi95 AS hi95 FROM mart_outlook WHERE industry_code = '${industry}' ORDER BY year`);
    expect(await s.page.locator('figure[data-chart="outlook-fan"] svg path[data-band]').count()).toBe(2);
    const fan = (await chartTable(s.page, 'outlook-fan')).slice(1);
    expect(fan.map((r) => [r[0], r[2], r[3], r[6]])).toEqual(outlook.map((o) => [String(o.year), f.int(o.openings), o.lo80 === null ? '' : f.int(o.lo80), o.hi95 === null ? '' : f.int(o.hi95)]));

    const scores = await s.all<{ industry_code: string; method: string; mape: number | null; baseline_mape: number | null; origins: number }>(`
      SELECT a.industry_code, a.method, a.mape, a.baseline_mape, a.origins FROM mart_outlook_accuracy a
      JOIN dim_industry i USING (industry_code) WHERE a.chosen ORDER BY a.industry_code`);
    const accuracy = (await chartTable(s.page, 'outlook-accuracy')).slice(1);
    expect(accuracy.map((r) => [r[2], r[3], r[7]])).toEqual(scores.map((a) => [
      a.mape === null ? zh.chart.none : f.pct(a.mape), a.baseline_mape === null ? zh.chart.none : f.pct(a.baseline_mape),
      a.origins === 0 || a.mape === null ? zh.outlook.columns.untested
        : a.method !== 'naive' && a.mape < a.baseline_mape! ? zh.outlook.columns.beats : zh.outlook.columns.notBeats,
    ]));
    // Where the baseline is used, the outlook says so in words.
    const chosen = scores.find((a) => a.industry_code === industry)!;
    const note = await s.page.textContent('figure[data-chart="outlook-fan"] figcaption .note');
    if (chosen.method === 'naive') expect(note).toContain('没有模型优于基线');
    else expect(note).toContain(zh.outlook.methods[chosen.method]);

    const gaps = await s.all<{ year: number; gap: number; estimated: number }>(`
      SELECT year, future_gap AS gap, supply_estimated AS estimated FROM mart_future_gap WHERE industry_code = '${industry}' AND future_gap IS NOT NULL ORDER BY year`);
    const [header, ...rows] = await chartTable(s.page, 'future-gap');
    const [gapAt, estimatedAt] = [header.indexOf(zh.outlook.columns.gap), header.indexOf(zh.outlook.columns.estimated)];
    expect(rows.map((r) => [r[0], r[gapAt], r[estimatedAt]])).toEqual(gaps.map((g) => [String(g.year), f.int(g.gap), f.int(g.estimated)]));
    expect(await s.page.textContent('figure[data-chart="future-gap"] h3')).toContain(name);
  });

  it('shows the served plan, re-solves it in the page to the same plan, and downloads it as a workbook', async () => {
    const status = await s.one<{ status: string; changes: number; message_zh: string }>('SELECT status, changes, message_zh FROM mart_plan_status');
    const plan = await s.all<{ school_code: string; major_code: string; change: number; reason_zh: string }>(
      'SELECT school_code, major_code, change, reason_zh FROM mart_plan ORDER BY school_code, major_code');
    await visit(s.page, s.server.url, '#/plan');
    expect(await s.page.getAttribute('[data-plan-status]', 'data-plan-status')).toBe(status.status);
    expect(await s.page.textContent('[data-plan-message]')).toBe(status.message_zh);
    const changes = (await chartTable(s.page, 'plan-changes')).slice(1);
    expect(changes.map((r) => [r[1], r[3], r[6], r[9]])).toEqual(plan.map((p) => [p.school_code, p.major_code, `${p.change > 0 ? '+' : ''}${f.int(p.change)}`, p.reason_zh]));

    // the gap table sums each industry's years, and its headings say so (the workbook's sheet gives them year by year)
    const years = await s.one<{ first: number; last: number }>('SELECT min(year)::INTEGER AS first, max(year)::INTEGER AS last FROM mart_plan_gap');
    const [gapHeader, ...gapRows] = await chartTable(s.page, 'plan-gap');
    expect(gapHeader.slice(1)).toEqual([zh.plan.columns.gapBeforeSum(years.first, years.last), zh.plan.columns.gapAfterSum(years.first, years.last)]);
    const sums = await s.all<{ before: number }>('SELECT sum(gap_before) AS before FROM mart_plan_gap GROUP BY industry_code ORDER BY before DESC');
    expect(gapRows.map((r) => r[1])).toEqual(sums.map((g) => f.int(g.before)));

    await s.page.click('[data-action="solve"]');
    await s.page.waitForSelector('figure[data-chart="plan-compare"]', { timeout: SOLVE_TIMEOUT });
    expect(await s.page.textContent('figure[data-chart="plan-compare"] h3')).toContain(zh.plan.differ(0));
    expect(s.errors).toEqual([]);

    const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-download="plan-xlsx"]')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const schools = [...new Set(plan.map((p) => p.school_code))];
    expect(book.worksheets.length).toBe(3 + schools.length);
    const first = book.worksheets[3];
    expect(first.name.startsWith(schools[0])).toBe(true);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = plan.filter((p) => p.school_code === schools[0]);
    expect(first.getColumn(5).values.slice(2)).toEqual(rows.map((p) => p.change));
    expect(first.getColumn(9).values.slice(2)).toEqual(rows.map((p) => p.reason_zh));
  }, SOLVE_TIMEOUT + 60_000);

  it('re-solves beside the page, which goes on answering and counting the seconds, and can be cancelled', async () => {
    const served = await s.one<{ status: string }>('SELECT status FROM mart_plan_status');
    await visit(s.page, s.server.url, '#/plan');
    // An infeasible set whose constraints in conflict take many seconds to find.
    await s.page.fill('input[name="city_change_min"]', '0.2');
    await s.page.fill('input[name="city_change_max"]', '0.3');
    await s.page.evaluate(() => {
      const w = window as unknown as { longest: number };
      let last = performance.now();
      w.longest = 0;
      setInterval(() => { const now = performance.now(); w.longest = Math.max(w.longest, now - last); last = now; }, 50);
    });
    await s.page.click('[data-action="solve"]');
    await s.page.waitForFunction((text) => document.querySelector('[data-action="solve"]')?.textContent === text, zh.plan.solving(2), { timeout: 30_000 });
    // The page's thread was never held for long: the solver runs in its own.
    expect(await s.page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(1000);
    await s.page.click('[data-action="cancel-solve"]');
    await s.page.waitForFunction((text) => document.querySelector('[data-action="solve"]')?.textContent === text, zh.plan.solve);
    expect(await s.page.getAttribute('[data-plan-status]', 'data-plan-status')).toBe(served.status);
    expect(await s.page.locator('figure[data-chart="plan-compare"]').count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('refuses wrong settings with their reasons, and reports an infeasible set with the constraints in conflict', async () => {
    await visit(s.page, s.server.url, '#/plan');
    await s.page.fill('input[name="change_cap"]', '1.5');
    await s.page.fill('input[name="lock_schools"]', 'NOSUCHSCHOOL');
    await s.page.click('[data-action="solve"]');
    const errors = await s.page.locator('[data-plan-errors] li').allTextContents();
    expect(errors).toEqual([zh.plan.errors.share(zh.plan.settings.change_cap), zh.plan.errors.unknown(zh.plan.columns.school, 'NOSUCHSCHOOL')]);
    expect(await s.page.locator('figure[data-chart="plan-compare"]').count()).toBe(0);

    // Every school may move by at most 10 % (and the budget is capped), so the city total cannot rise by half.
    await s.page.click('[data-action="reset"]');
    await s.page.fill('input[name="city_change_min"]', '0.5');
    await s.page.fill('input[name="city_change_max"]', '0.6');
    await s.page.click('[data-action="solve"]');
    await s.page.waitForSelector('[data-plan-status="infeasible"]', { timeout: SOLVE_TIMEOUT });
    const conflict = await s.page.locator('[data-plan-conflict] li').allTextContents();
    expect(conflict.some((c) => c.startsWith('全市招生计划总量变动'))).toBe(true);
    expect(conflict.length).toBeGreaterThan(1);
    expect(await s.page.textContent('[data-plan-status]')).toContain('约束相互矛盾，不存在可行方案');
    expect((await chartTable(s.page, 'plan-changes')).slice(1)).toEqual([]);
    expect(s.errors).toEqual([]);
  }, SOLVE_TIMEOUT + 60_000);
});
