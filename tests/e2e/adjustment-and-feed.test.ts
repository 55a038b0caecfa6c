/**
 * The programme-adjustment and postings parts of the dashboard in chromium over the sample
 * warehouse: report downloads, candidate schools, loop tracking, postings beside aggregated
 * demand, the run history's failed-refresh banner and the per-school files. Expected figures are
 * read from warehouse.duckdb (and the snapshot's report index), never written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumAvailable, serve } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { cardValue, chartTable, dataRequests, settle, visit, screenshotPage } from './page-helpers.ts';
import { sampleManifest, sampleWarehouseDir, servedSampleCopy } from '../support/warehouse.ts';
import { HISTORY_FILE, type RunRecord } from '../../pipeline/refresh/history.ts';
import { CURRENT } from '../../pipeline/refresh/snapshot.ts';
import type { ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { dashboardFormat } from '../../dashboard/src/lib/time.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';
import { adviceThresholds } from '../../dashboard/src/lib/recommend.ts';
import { schoolAdviceReason, type SchoolAdviceFacts } from '../../pipeline/shared/advice.ts';
import { estimateOf, VOCABULARY } from '../../pipeline/shared/vocabulary.ts';

const f = dashboardFormat('zh', zh.wording.timeZone);
const XLSX_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const reportIndex = (): ReportIndex => JSON.parse(readFileSync(join(sampleWarehouseDir(), CURRENT, 'reports/index.json'), 'utf8'));

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('programme adjustment and postings in chromium', () => {
  const s = dashboardSession();

  it("offers a school's three reports, downloads them under their Chinese names, and fetches only that school's file", async () => {
    const school = await s.one<{ school_code: string; school_name: string }>(`
      SELECT school_code, school_name FROM mart_recommendation WHERE year = ${s.year} ORDER BY rank, industry_code, school_code LIMIT 1`);
    const entry = reportIndex().schools.find((e) => e.code === school.school_code)!;
    const first = await s.one<{ major_name: string; recommendation_id: string }>(`
      SELECT major_name, recommendation_id FROM mart_school_report WHERE school_code = '${school.school_code}' ORDER BY position LIMIT 1`);
    const requests = dataRequests(s.page);
    await visit(s.page, s.server.url, `#/schools?school=${school.school_code}`);
    requests.stop();
    expect(requests.seen).toContainEqual({ path: `marts/schools/${school.school_code}.arrow`, status: 200 });
    expect(requests.paths()).not.toContain('marts/mart_school_programme.arrow');

    const links = s.page.locator('[data-reports="school"]');
    for (const format of ['xlsx', 'csv'] as const) {
      const [download] = await Promise.all([s.page.waitForEvent('download'), links.locator(`a[data-report="${format}"]`).click()]);
      // The server's Chinese name, kept by the bare download attribute.
      expect(download.suggestedFilename()).toBe(entry.download_names[format]);
      expect(download.suggestedFilename()).toContain(school.school_name);
      const bytes = readFileSync((await download.path())!);
      if (format === 'xlsx') expect(bytes.subarray(0, 4)).toEqual(XLSX_MAGIC);
      else {
        expect(bytes.subarray(0, 3)).toEqual(BOM);
        // The CSV holds the school's advice rows, first the one the page lists first.
        expect(bytes.toString('utf8')).toContain(`${first.major_name},`);
        expect(bytes.toString('utf8')).toContain(first.recommendation_id);
      }
    }
    const [tab] = await Promise.all([s.browser.context.waitForEvent('page'), links.locator('a[data-report="html"]').click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/data/reports/${entry.files.html}`);
    expect(await tab.textContent('body')).toContain(school.school_name);
    await tab.close();
    expect(await links.locator('a[data-report="html-download"]').getAttribute('href')).toBe(`data/reports/${entry.files.html}?download`);
    await screenshotPage(s.page, join(SHOTS, 'school-reports.png'));
  });

  it("shows the school's programme advice in the mart's order and the industries it is a candidate for", async () => {
    const school = await s.one<{ school_code: string }>(`
      SELECT school_code FROM mart_recommendation WHERE year = ${s.year} ORDER BY rank, industry_code, school_code LIMIT 1`);
    const advice = await s.all<SchoolAdviceFacts & { major_name: string; figures_estimated: boolean | null; graduates_estimated: boolean | null }>(`
      SELECT * FROM mart_school_report WHERE school_code = '${school.school_code}' ORDER BY position`);
    const thresholds = adviceThresholds(sampleManifest().policy as unknown as Parameters<typeof adviceThresholds>[0]);
    const listed = await s.all<{ name_zh: string; rank: number; suggested_majors: string }>(`
      SELECT i.name_zh, r.rank, r.suggested_majors FROM mart_recommendation r JOIN dim_industry i USING (industry_code)
      WHERE r.year = ${s.year} AND r.school_code = '${school.school_code}' ORDER BY r.gap DESC, r.industry_code`);
    await visit(s.page, s.server.url, `#/schools?school=${school.school_code}`);
    const table = await chartTable(s.page, 'school-labels');
    const labels = table.slice(1);
    expect(labels.map((r) => [r[0], r[1], r[2]])).toEqual(advice.map((a) => [zh.labels[a.label], a.major_name, schoolAdviceReason(a, thresholds, 'zh')]));
    // each programme whose figures are estimates says which, as the mart flags them
    const estimateAt = table[0].indexOf('估算项');
    expect(labels.map((r) => r[estimateAt])).toEqual(advice.map((a) => { const e = estimateOf(a); return e ? VOCABULARY.zh.estimates[e] : ''; }));
    const candidacies = (await chartTable(s.page, 'school-candidacies')).slice(1);
    expect(candidacies.map((r) => [r[0], r[1], r[3]])).toEqual(listed.map((l) => [l.name_zh, String(l.rank), l.suggested_majors]));
  });

  it('links the reports of 先进材料 and 低空经济 and lists their candidate schools as mart_recommendation has them', async () => {
    const index = reportIndex();
    for (const name of ['先进材料', '低空经济']) {
      const { industry_code } = await s.one<{ industry_code: string }>(`SELECT industry_code FROM dim_industry WHERE name_zh = '${name}'`);
      const candidates = await s.all<{ rank: number; school_name: string; action: 'expand' | 'open'; suggested_majors: string }>(`
        SELECT rank, school_name, action, suggested_majors FROM mart_recommendation
        WHERE year = ${s.year} AND industry_code = '${industry_code}' ORDER BY rank`);
      expect(candidates.length, name).toBeGreaterThan(0);
      await visit(s.page, s.server.url, `#/gaps?candidates=${industry_code}`);
      const row = s.page.locator(`.shortage-list tr[data-industry="${industry_code}"]`);
      const files = index.industries.find((e) => e.code === industry_code)!.files;
      for (const format of ['html', 'xlsx', 'csv'] as const) {
        const href = await row.locator(`a[data-report="${format}"]`).getAttribute('href');
        expect(href).toBe(`data/reports/${files[format]}`);
        const response = await s.page.request.get(new URL(href!, s.server.url).href);
        expect(response.status(), `${name} ${format}`).toBe(200);
      }
      const table = (await chartTable(s.page, 'industry-candidates')).slice(1);
      expect(table.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(candidates.map((c) => [String(c.rank), c.school_name, zh.labels[c.action], c.suggested_majors]));
      expect(await s.page.textContent('figure[data-chart="industry-candidates"] h3')).toContain(name);
    }
    await screenshotPage(s.page, join(SHOTS, 'gaps-candidates.png'));
    await s.page.goto(`${s.server.url}#/gaps`);
    await settle(s.page);
    await s.page.screenshot({ path: join(SHOTS, 'gaps-1280x800.png') });
  });

  it('shows loop tracking as mart_loop has it, for the latest year that can be checked and for another', async () => {
    const years = (await s.all<{ year: number }>('SELECT DISTINCT year FROM mart_loop ORDER BY year DESC')).map((r) => r.year);
    expect(years.length).toBeGreaterThan(1);
    for (const [i, year] of [years[0], years.at(-1)!].entries()) {
      const rows = await s.all<{ name_zh: string; recommendations: number; acted: number; share_acted: number; plan_added: number; gap_before: number; gap_after: number }>(`
        SELECT name_zh, recommendations, acted, share_acted, plan_added, gap_before, gap_after FROM mart_loop WHERE year = ${year}`);
      const t = await s.one<{ n: number; acted: number; plan: number }>(`
        SELECT sum(recommendations)::INTEGER AS n, sum(acted)::INTEGER AS acted, sum(plan_added)::INTEGER AS plan FROM mart_loop WHERE year = ${year}`);
      const details = await s.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM mart_loop_detail WHERE year = ${year}`);
      if (i === 0) await visit(s.page, s.server.url, '#/loop');
      else await s.page.selectOption('select[name="recommended"]', String(year));
      expect(await s.page.inputValue('select[name="recommended"]')).toBe(String(year));
      expect(await cardValue(s.page, 'loop_recommendations')).toBe(f.int(t.n));
      expect(await cardValue(s.page, 'loop_acted')).toBe(f.int(t.acted));
      expect(await cardValue(s.page, 'loop_plan_added')).toBe(f.signedInt(t.plan));
      const acted = (await chartTable(s.page, 'loop-acted')).slice(1);
      expect(acted.map((r) => [r[0], r[1], r[2], r[7], r[8]]).sort()).toEqual(rows.map((r) =>
        [r.name_zh, f.int(r.recommendations), f.int(r.acted), f.pct(r.share_acted), f.signedInt(r.plan_added)]).sort());
      const gaps = (await chartTable(s.page, 'loop-gap')).slice(1);
      expect(gaps.map((r) => [r[0], r[1], r[2]]).sort()).toEqual(rows.map((r) => [r.name_zh, f.int(r.gap_before), f.int(r.gap_after)]).sort());
      expect((await chartTable(s.page, 'loop-detail')).length - 1).toBe(details.n);
    }
    await screenshotPage(s.page, join(SHOTS, 'loop-earliest.png'));
  });

  it('shows demand from postings beside aggregated demand with the confidence of the classification, the occupations, the unclassified titles and employers, and every rule', async () => {
    const { year } = await s.one<{ year: number }>('SELECT max(year)::INTEGER AS year FROM mart_industry_postings');
    const industries = await s.all<{ name_zh: string; demand: number; postings: number; posting_openings: number; vocational_posting_openings: number; posting_share_of_demand: number }>(`
      SELECT name_zh, demand, postings, posting_openings, vocational_posting_openings, posting_share_of_demand
      FROM mart_industry_postings WHERE year = ${year}`);
    const share = await s.one<{ share: number; outside: number; total: number }>(`
      SELECT any_value(share_unclassified) AS share, any_value(share_outside) AS outside,
        (sum(postings) + any_value(unclassified_postings) + any_value(outside_postings))::INTEGER AS total
      FROM mart_industry_postings WHERE year = ${year}`);
    const employers = await s.all<{ employer: string; postings: number }>(
      `SELECT value AS employer, postings FROM mart_posting_unclassified WHERE year = ${year} AND field = 'employer' ORDER BY rank LIMIT 20`);
    const occupations = await s.all<{ postings: number }>(`SELECT sum(postings)::INTEGER AS postings FROM mart_posting_occupations
      WHERE year = ${year} GROUP BY major_group, occupation ORDER BY postings DESC LIMIT 20`);
    const confidence = await s.all<{ name_zh: string; high: number; medium: number; low: number }>(`
      SELECT i.name_zh, sum(o.postings) FILTER (WHERE confidence = 'high')::INTEGER AS high,
        coalesce(sum(o.postings) FILTER (WHERE confidence = 'medium'), 0)::INTEGER AS medium,
        coalesce(sum(o.postings) FILTER (WHERE confidence = 'low'), 0)::INTEGER AS low
      FROM mart_posting_occupations AS o JOIN dim_industry AS i USING (industry_code)
      WHERE o.year = ${year} AND o.scope = 'key' GROUP BY i.name_zh`);
    const titles = await s.all<{ title: string; postings: number }>(
      `SELECT value AS title, postings FROM mart_posting_unclassified WHERE year = ${year} AND field = 'title' ORDER BY rank LIMIT 20`);
    const { rules } = await s.one<{ rules: number }>('SELECT count(*)::INTEGER AS rules FROM mart_posting_rules');
    await visit(s.page, s.server.url, `#/postings?year=${year}`);
    const table = (await chartTable(s.page, 'postings-vs-demand')).slice(1);
    expect(table.map((r) => r.slice(0, 6)).sort()).toEqual(industries.map((i) => [i.name_zh, f.int(i.demand), f.int(i.postings),
      f.int(i.posting_openings), f.int(i.vocational_posting_openings), f.pct(i.posting_share_of_demand)]).sort());
    expect(await cardValue(s.page, 'postings_unclassified')).toBe(f.pct(share.share));
    expect(await cardValue(s.page, 'postings_total')).toBe(f.int(share.total));
    expect(await cardValue(s.page, 'postings_outside')).toBe(f.pct(share.outside));
    // The headcount beside the count of every posting is every posting's, and so are the months.
    const { openings } = await s.one<{ openings: number }>(`SELECT sum(posting_openings)::INTEGER AS openings FROM mart_posting_occupations WHERE year = ${year}`);
    expect(await cardValue(s.page, 'postings_openings')).toBe(f.int(openings));
    const months = (await chartTable(s.page, 'postings-monthly')).slice(1);
    expect(f.int(months.reduce((n, r) => n + Number(r[1].replace(/,/g, '')), 0))).toBe(f.int(share.total));
    expect(table.map((r) => [r[0], ...r.slice(6, 9)]).sort()).toEqual(confidence.map((c) => [c.name_zh, f.int(c.high ?? 0), f.int(c.medium), f.int(c.low)]).sort());
    expect((await chartTable(s.page, 'postings-occupations')).slice(1).map((r) => r[1])).toEqual(occupations.map((o) => f.int(o.postings)));
    // Titles naming no occupation are listed, but the headline names the most posted occupation.
    const top = await s.one<{ occupation: string; postings: number }>(`SELECT occupation, sum(postings)::INTEGER AS postings
      FROM mart_posting_occupations WHERE year = ${year} AND occupation <> '' GROUP BY major_group, occupation ORDER BY postings DESC LIMIT 1`);
    const headline = (await s.page.textContent('figure[data-chart="postings-occupations"] h3'))!;
    expect(headline).not.toContain(zh.postings.noOccupation);
    expect(headline).toContain(`${top.occupation}`);
    expect(headline).toContain(f.int(top.postings));
    expect((await chartTable(s.page, 'unclassified-titles')).slice(1).map((r) => [r[0], r[1]])).toEqual(titles.map((t) => [t.title, f.int(t.postings)]));
    expect((await chartTable(s.page, 'unclassified-employers')).slice(1).map((r) => [r[0], r[1]])).toEqual(employers.map((e) => [e.employer, f.int(e.postings)]));
    expect((await chartTable(s.page, 'posting-rules')).length - 1).toBe(rules);
  });

  describe('after a failed scheduled refresh', () => {
    let warehouse: string;
    let server: Awaited<ReturnType<typeof serve>>;
    const failed: RunRecord = {
      started_at: new Date().toISOString(), finished_at: new Date().toISOString(), outcome: 'failed', trigger: 'schedule',
      snapshot: null, stages: { load: 412 }, rows: 0, rejected: 0, drift: [], error: '模型测试未通过 model tests failed: contract_mart_industry (3 rows)',
    };

    // The same snapshot, with a history of its own that ends in a failed night.
    beforeAll(async () => {
      warehouse = mkdtempSync(join(tmpdir(), 'chanjiao-failed-run-'));
      await servedSampleCopy(warehouse);
      const history = readFileSync(join(sampleWarehouseDir(), HISTORY_FILE), 'utf8');
      writeFileSync(join(warehouse, HISTORY_FILE), `${history}${JSON.stringify(failed)}\n`);
      server = await serve(s.dist, warehouse);
    });

    afterAll(async () => {
      await server?.close();
      rmSync(warehouse, { recursive: true, force: true });
    });

    it('says so in red on every page, with the time of the data shown, and lists the run first in the data view', async () => {
      const expected = zh.failedRunBanner(f.dateTime(sampleManifest().finished_at));
      for (const route of ROUTES) {
        await visit(s.page, server.url, `#/${route}`);
        expect(await s.page.textContent('[data-banner="failed-run"] [data-banner-text]'), route).toBe(expected);
      }
      await visit(s.page, server.url, '#/data');
      const [head, ...runs] = await chartTable(s.page, 'run-history');
      const cell = (label: string) => runs[0][head.indexOf(label)];
      expect([cell(zh.data.columns.outcome), cell(zh.data.columns.trigger)]).toEqual([`✗ ${zh.data.outcomes.failed}`, zh.data.triggers.schedule]);
      expect(cell(zh.data.columns.error)).toBe(failed.error);
      // seconds as a number under a heading with the unit, so the download sums in a spreadsheet
      expect(cell(zh.data.columns.duration)).toMatch(/^[\d,]+\.\d$/);
      await s.page.screenshot({ path: join(SHOTS, 'failed-run-banner.png') });
    });
  });
});
