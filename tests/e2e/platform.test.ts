/**
 * The shared platform in chromium: sign-in on the login page; a school sees only its own school
 * and is refused another's report; an analyst sees every school; a provider submits a broken file
 * (every reject shown in the page) and a valid one, an admin accepts it and starts a refresh, and
 * the accepted figure reaches the served warehouse; the admin then sets an input's delivery
 * interval and rolls back to the snapshot served before. A 备案 listing fails alone, its figures
 * submitted with it are checked with it, and accepting the figures accepts the pair. A school's own
 * rows of a year are checked as replacing its rows of that year, accepted, then withdrawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { currentSnapshot } from '../../pipeline/refresh/snapshot.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import type { ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { buildDashboardTo, chromiumAvailable, launchBrowser, type Browser } from './browser.ts';
import { chartTable, settle } from './page-helpers.ts';
import { dashboardFormat } from '../../dashboard/src/lib/time.ts';
import { sampleWarehouseDir } from '../support/warehouse.ts';
import { PASSWORD, platformServer, type Platform } from '../platform/helpers.ts';
import { DEFAULT_LOGIN_POLICY } from '../../pipeline/platform/login.ts';
import { MESSAGES } from '../../dashboard/src/platform/messages.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';

const run = chromiumAvailable('the platform end-to-end tests');

describe.runIf(run)('platform in the browser', () => {
  let dist: string;
  let warehouseDir: string;
  let platform: Platform;
  let browser: Browser;
  let own: string;
  let other: string;
  let schools: number;
  const errors: string[] = [];

  beforeAll(async () => {
    dist = await buildDashboardTo();
    warehouseDir = mkdtempSync(join(tmpdir(), 'platform-e2e-'));
    cpSync(sampleWarehouseDir(), warehouseDir, { recursive: true, verbatimSymlinks: true });
    const index = JSON.parse(readFileSync(join(warehouseDir, 'current/reports/index.json'), 'utf8')) as ReportIndex;
    [own, other] = [index.schools[0].code, index.schools[1].code];
    schools = index.schools.length;
    platform = await platformServer(warehouseDir, [
      { username: 'admin1', role: 'admin' },
      { username: 'analyst1', role: 'analyst' },
      { username: 'school1', role: 'school', schools: [own], inputs: ['programmes'] },
      { username: 'rensheju', role: 'provider', inputs: ['demand'], display_name: '市人社局' },
      { username: 'jiaowei', role: 'provider', inputs: ['programme_listing', 'programme_figures'], display_name: '市教委' },
    ], {
      refresh: async () => (await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir, acceptDrift: true })).manifest.snapshot,
      // These tests sign in more often in a minute than people do (the throttle has tests of its own).
      loginPolicy: { ...DEFAULT_LOGIN_POLICY, perAddressPerMinute: 100 },
    }, dist);
    browser = await launchBrowser();
    browser.page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function signIn(username: string) {
    const { page } = browser;
    await browser.context.clearCookies();
    await page.goto(platform.url);
    await page.waitForURL(/\/login$/);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-user-menu]');
  }

  const fetchStatus = (path: string) => browser.page.evaluate(async (p) => (await fetch(p)).status, path);

  it('shows a school only its own school and refuses another school’s report', async () => {
    await signIn('school1');
    const { page } = browser;
    expect(await page.textContent('[data-user-menu]')).toContain('学校');
    await page.goto(`${platform.url}#/schools`);
    await settle(page);
    const listed = await page.$$eval('[data-school]', (links) => links.map((a) => a.getAttribute('data-school')));
    expect(listed).toEqual([own]);
    expect(await fetchStatus(`data/reports/schools/${other}.html`)).toBe(403);
    expect(await fetchStatus(`data/reports/schools/${own}.html`)).toBe(200);
    expect(await fetchStatus(`data/marts/schools/${other}.arrow`)).toBe(403);
    // its part of the plan, which it is not offered to re-solve as if it were the city's
    await page.goto(`${platform.url}#/plan`);
    await page.waitForSelector('[data-plan-partial]');
    expect(await page.textContent('[data-plan-partial]')).toBe(zh.plan.schoolPart);
    expect(await page.locator('[data-action="solve"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('takes a user whose session ended back to the login page, saying why, and then to the view that was open', async () => {
    await signIn('analyst1');
    const { page } = browser;
    await page.goto(`${platform.url}#/schools`);
    await settle(page);
    await browser.context.clearCookies(); // the session is gone, as when it expires
    await page.goto(`${platform.url}#/postings`);
    await page.waitForURL(/\/login\?expired=1/);
    expect(await page.textContent('[data-session-ended]')).toBe(MESSAGES.zh.sessionEnded);
    await page.fill('input[name="username"]', 'analyst1');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-user-menu]');
    expect(new URL(page.url()).hash).toBe('#/postings');
    expect(await page.getAttribute('main', 'data-view')).toBe('postings');
  });

  it('shows an analyst every school', async () => {
    await signIn('analyst1');
    const { page } = browser;
    await page.goto(`${platform.url}#/plan`);
    await page.waitForSelector('[data-action="solve"]');
    expect(await page.locator('[data-plan-partial]').count()).toBe(0);
    await page.goto(`${platform.url}#/schools`);
    await settle(page);
    const listed = await page.$$eval('[data-school]', (links) => links.length);
    expect(listed).toBe(Math.min(50, schools));
    expect(await fetchStatus(`data/reports/schools/${other}.html`)).toBe(200);
  });

  it('takes a provider’s file through check, acceptance and refresh into the warehouse', async () => {
    const demand = readFileSync(join(DEFAULTS.dataDir, 'demand.csv'), 'utf8');
    const [header, first, second, ...rest] = demand.trimEnd().split('\n');
    const dir = mkdtempSync(join(tmpdir(), 'platform-e2e-files-'));
    writeFileSync(join(dir, 'broken.csv'), [header, first.replace(/,(\d+),(\d+)$/, ',many,$2'), second, ...rest].join('\n'));
    // its last row rejected (openings "x"), so the snapshot's rejects name the upload too
    writeFileSync(join(dir, 'demand.csv'), [header, first.replace(/,(\d+),(\d+)$/, ',54321,$2'), second, ...rest.slice(0, -1),
      rest.at(-1)!.replace(/,(\d+),(\d+)$/, ',x,$2')].join('\n'));

    await signIn('rensheju');
    const { page } = browser;
    await page.goto(`${platform.url}platform#upload`);
    // the provider's one input is chosen from the start
    await page.waitForSelector('select[name="input"]');
    expect(await page.$eval('select[name="input"]', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(MESSAGES.zh.inputName('demand'));
    await page.setInputFiles('input[name="file"]', join(dir, 'broken.csv'));
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-rejects]');
    expect(await page.textContent('[data-rejects]')).toContain('broken.csv:2:openings: many — 不是整数');
    // a file refused outright leaves no verdict of the file before on the page
    writeFileSync(join(dir, 'notes.txt'), 'not a table');
    await page.setInputFiles('input[name="file"]', join(dir, 'notes.txt'));
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[role="alert"]');
    expect(await page.locator('[data-rejects], h3[data-result]').count()).toBe(0);
    await page.setInputFiles('input[name="file"]', join(dir, 'demand.csv'));
    await page.click('form button[type="submit"]');
    await page.waitForSelector('h3[data-result="checked"]:has-text("demand.csv")');
    expect(await page.$('[data-accept]')).toBeNull();

    await signIn('admin1');
    const before = JSON.parse(readFileSync(join(warehouseDir, 'current/manifest.json'), 'utf8')).snapshot;
    await page.goto(`${platform.url}platform#review`);
    await page.waitForSelector('[data-accept]');
    const id = await page.$eval('tr:has(td:text-is("demand.csv")) ', (tr) => tr.getAttribute('data-upload'));
    await page.click(`tr[data-upload="${id}"] [data-accept]`);
    await page.waitForSelector(`tr[data-upload="${id}"]:has-text("已采用")`);
    await page.click('button:has-text("立即刷新")');
    await page.waitForSelector('[role="status"]');
    // The refresh runs in the server; wait until it has switched the snapshot.
    await expect.poll(() => JSON.parse(readFileSync(join(warehouseDir, 'current/manifest.json'), 'utf8')).snapshot, { timeout: 240_000, interval: 1000 }).not.toBe(before);
    const db = await DuckDBInstance.create(join(warehouseDir, 'current/warehouse.duckdb'), { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    const [year, district, industry, level] = first.split(',');
    const rows = (await conn.runAndReadAll(`SELECT openings FROM raw_demand WHERE year = ${year} AND district_code = '${district}' AND industry_code = '${industry}' AND level = '${level}'`)).getRowsJS();
    conn.closeSync();
    db.closeSync();
    expect(rows).toEqual([[54321]]);
    // the snapshot says where the file came from: the submission, its name as sent, the sender
    const manifest = JSON.parse(readFileSync(join(warehouseDir, 'current/manifest.json'), 'utf8'));
    const input = manifest.inputs.find((i: { table: string }) => i.table === 'demand');
    expect(input.upload).toMatchObject({ upload: Number(id), name: 'demand.csv', by: 'rensheju' });
    await page.goto(`${platform.url}#/data`);
    await page.waitForSelector('figure[data-chart="inputs"]');
    const inputs = await chartTable(page, 'inputs');
    const sent = zh.data.uploaded('demand.csv', Number(id), 'rensheju', dashboardFormat('zh', zh.wording.timeZone).dateTime(input.upload.at));
    expect(inputs.find((r) => r[0] === zh.inputTables.demand)?.[1]).toBe(sent);
    // a reject of the upload names it as sent, not by the server's stored file
    const [, ...rejected] = await chartTable(page, 'rejects');
    expect(rejected.map((r) => [r[0], r[1], r[3]])).toEqual([[sent, String(rest.length + 3), 'x']]);
    await page.goto(`${platform.url}platform#audit`);
    await page.waitForSelector('[data-tab="audit"] td');
    const actions = await page.$$eval('[data-tab="audit"] tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent));
    expect(actions).toEqual(expect.arrayContaining(['upload', 'upload_accepted', 'refresh', 'login']));
    // The log sorts like every table: its header's button, aria-sort, the column's text in order.
    const operation = page.locator('[data-tab="audit"] th').nth(2);
    expect(await operation.getAttribute('aria-sort')).toBe('none');
    await operation.locator('button.sort').click();
    expect(await operation.getAttribute('aria-sort')).toBe('ascending');
    const sorted = await page.$$eval('[data-tab="audit"] tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent));
    expect(sorted).toEqual([...actions].sort(new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true, sensitivity: 'base' }).compare));
    expect(errors).toEqual([]);
  }, 300_000);

  it('lets an admin set an input’s delivery interval, and serve again the snapshot the refresh above replaced', async () => {
    await signIn('admin1');
    const { page } = browser;
    await page.goto(`${platform.url}platform#deliveries`);
    await page.waitForSelector('[data-schedule] option[value="demand"]', { state: 'attached' });
    // The form names an input from the start, the one it would set.
    // Inputs are named in words with their code: 产业需求（demand）.
    expect(await page.textContent('[data-tab="deliveries"] tbody tr td')).toContain(`（${await page.inputValue('[data-schedule] select')}）`);
    await page.selectOption('[data-schedule] select', 'demand');
    await page.fill('[data-schedule] input', '7');
    await page.click('[data-schedule] button[type="submit"]');
    await page.waitForSelector('[role="status"]');
    expect(await page.textContent('[data-tab="deliveries"] tr:has(td:text-is("产业需求（demand）"))')).toContain('每 7 天');

    const served = currentSnapshot(warehouseDir)!;
    await page.goto(`${platform.url}platform#snapshots`);
    await page.waitForSelector(`tr[data-snapshot="${served}"][data-current]`);
    const earlier = (await page.$$eval('tr[data-snapshot]', (trs) => trs.map((tr) => tr.getAttribute('data-snapshot')!))).filter((id) => id < served).at(-1)!;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click(`tr[data-snapshot="${earlier}"] button`);
    await page.waitForSelector(`tr[data-snapshot="${earlier}"][data-current]`);
    expect(currentSnapshot(warehouseDir)).toBe(earlier);
    await page.goto(`${platform.url}platform#audit`);
    await page.waitForSelector('[data-tab="audit"] td');
    const actions = await page.$$eval('[data-tab="audit"] tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent));
    expect(actions).toEqual(expect.arrayContaining(['schedule_set', 'rollback']));
    expect(errors).toEqual([]);
  });

  it('checks figures with the pending 备案 listing chosen for them, and accepts the two together', async () => {
    const programmes = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n');
    const dir = mkdtempSync(join(tmpdir(), 'platform-e2e-listing-'));
    writeFileSync(join(dir, '备案结果.csv'), ['年份,学校代码,专业代码', ...programmes.slice(1).map((l) => l.split(',').slice(0, 3).join(','))].join('\n'));
    writeFileSync(join(dir, '招生数据.csv'), programmes.join('\n'));

    await signIn('jiaowei');
    const { page } = browser;
    await page.goto(`${platform.url}platform#upload`);
    await page.waitForSelector('select[name="input"] option[value="programme_listing"]', { state: 'attached' });
    await page.selectOption('select[name="input"]', 'programme_listing');
    await page.setInputFiles('input[name="file"]', join(dir, '备案结果.csv'));
    await page.click('form button[type="submit"]');
    await page.waitForSelector('h3[data-result="failed"]:has-text("备案结果.csv")');
    expect(await page.textContent('[data-tab="upload"] p.error')).toContain('缺少招生与在校生数据');
    const listing = await page.$eval('tr:has(td:text-is("备案结果.csv"))', (tr) => tr.getAttribute('data-upload'));

    await page.selectOption('select[name="input"]', 'programme_figures');
    await page.selectOption('select[name="listing"]', listing!);
    await page.setInputFiles('input[name="file"]', join(dir, '招生数据.csv'));
    await page.click('form button[type="submit"]');
    await page.waitForSelector('h3[data-result="checked"]:has-text("招生数据.csv")');
    const figures = await page.$eval('tr:has(td:text-is("招生数据.csv"))', (tr) => tr.getAttribute('data-upload'));
    expect(await page.textContent(`tr[data-upload="${figures}"]`)).toContain(`随备案名单 #${listing}`);

    await signIn('admin1');
    await page.goto(`${platform.url}platform#review`);
    await page.waitForSelector(`tr[data-upload="${figures}"] [data-accept]`);
    await page.click(`tr[data-upload="${figures}"] [data-accept]`);
    await page.waitForSelector(`tr[data-upload="${listing}"]:has-text("已采用")`);
    expect(await page.textContent(`tr[data-upload="${figures}"]`)).toContain('已采用');
    expect(errors).toEqual([]);
  }, 120_000);

  it('takes a school\'s own rows of a year as replacing only its rows of that year, and lets an admin withdraw them', async () => {
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n');
    const year = Math.max(...rows.map((r) => Number(r.split(',')[0])));
    const mine = rows.filter((r) => r.split(',')[1] === own && Number(r.split(',')[0]) === year);
    const dir = mkdtempSync(join(tmpdir(), 'platform-e2e-school-'));
    writeFileSync(join(dir, '本校专业点.csv'), [head, mine[0].replace(/^(\d+,\w+,\w+),\d+,/, '$1,777,'), ...mine.slice(1)].join('\n'));

    await signIn('school1');
    const { page } = browser;
    await page.goto(`${platform.url}platform#upload`);
    await page.waitForSelector('select[name="input"] option[value="programmes"]', { state: 'attached' });
    await page.selectOption('select[name="input"]', 'programmes');
    await page.setInputFiles('input[name="file"]', join(dir, '本校专业点.csv'));
    await page.click('form button[type="submit"]');
    await page.waitForSelector('h3[data-result="checked"]:has-text("本校专业点.csv")');
    expect(await page.textContent('[data-replaces]')).toBe(MESSAGES.zh.replaces([own], [year], mine.length, mine.length));
    const id = await page.$eval('tr:has(td:text-is("本校专业点.csv"))', (tr) => tr.getAttribute('data-upload'));

    await signIn('admin1');
    await page.goto(`${platform.url}platform#review`);
    await page.click(`tr[data-upload="${id}"] [data-accept]`);
    await page.waitForSelector(`tr[data-upload="${id}"]:has-text("已采用")`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click(`tr[data-upload="${id}"] [data-withdraw]`);
    await page.waitForSelector(`tr[data-upload="${id}"]:has-text("已撤回")`);
    expect(errors).toEqual([]);
  }, 120_000);
});
