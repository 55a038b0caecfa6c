/**
 * Single sign-on end to end: a real OpenID Connect provider (oidc-provider) on a free port, the
 * dashboard served with SSO configured, and chromium going through the provider's own login and
 * consent pages. A school account lands on the dashboard seeing only its school; an analyst sees
 * every school; an unmapped role, a tampered state and a replayed callback are refused in Chinese
 * and open no session; every outcome is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { listAudit } from '../../pipeline/platform/audit.ts';
import { findUser } from '../../pipeline/platform/accounts.ts';
import { ssoSettings } from '../../pipeline/platform/sso-claims.ts';
import { buildDashboardTo, chromiumAvailable, launchBrowser, type Browser } from './browser.ts';
import { settle } from './page-helpers.ts';
import { sampleWarehouseDir } from '../support/warehouse.ts';
import { freePort, startTestProvider, TEST_SCOPE, type TestProvider } from '../support/oidc-provider.ts';
import { platformServer, type Platform } from '../platform/helpers.ts';

const run = chromiumAvailable('the single sign-on end-to-end tests');

describe.runIf(run)('single sign-on through a local OpenID Connect provider', () => {
  let dist: string;
  let idp: TestProvider;
  let platform: Platform;
  let browser: Browser;
  let own: string;
  let schools: number;

  beforeAll(async () => {
    dist = await buildDashboardTo();
    const index = JSON.parse(readFileSync(join(sampleWarehouseDir(), 'current/reports/index.json'), 'utf8')) as ReportIndex;
    own = index.schools[0].code;
    schools = index.schools.length;
    const port = await freePort();
    const redirect = `http://127.0.0.1:${port}/auth/callback`;
    idp = await startTestProvider(redirect, {
      teacher1: { preferred_username: 'teacher1', name: '张老师', chanjiao_role: 'school_staff', school_codes: [own] },
      planner1: { preferred_username: 'planner1', name: '李分析', chanjiao_role: ['employee', 'edu_bureau'] },
      student1: { preferred_username: 'student1', name: '王同学', chanjiao_role: 'student' },
    });
    const sso = ssoSettings({
      CHANJIAO_OIDC_ISSUER: idp.issuer, CHANJIAO_OIDC_CLIENT_ID: idp.clientId, CHANJIAO_OIDC_CLIENT_SECRET: idp.clientSecret,
      CHANJIAO_OIDC_REDIRECT_URL: redirect, CHANJIAO_OIDC_SCOPE: TEST_SCOPE, CHANJIAO_OIDC_ROLE_CLAIM: 'chanjiao_role',
      CHANJIAO_OIDC_ROLES: 'school_staff=school,edu_bureau=analyst', CHANJIAO_OIDC_SCHOOL_CLAIM: 'school_codes',
    });
    // A password admin exists too: SSO comes beside accounts, not instead of them.
    platform = await platformServer(sampleWarehouseDir(), [{ username: 'admin1', role: 'admin' }], { sso }, dist, port);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    await idp?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** Cleared cookies, then the login page's single sign-on button: the browser is at the provider's login page. */
  async function toProvider(): Promise<void> {
    const { page } = browser;
    // Left first, then signed out from outside the page: a dashboard that saw its session end would send
    // itself to its login page (login?expired=1), racing whatever this page is asked to do next.
    await page.goto('about:blank');
    const api = browser.context.request;
    const session = await (await api.get(`${platform.url}api/session`)).json();
    // Signed out on the server too, so no cookie the browser still holds can open the dashboard.
    if (session.user) await api.post(`${platform.url}api/logout`, { headers: { 'x-csrf-token': session.csrf } });
    await browser.context.clearCookies();
    await page.goto(`${platform.url}login`);
    await page.waitForSelector('[data-sso]');
    await page.click('[data-sso]:has-text("统一身份认证登录")');
    await page.waitForSelector('input[name="login"]');
    expect(new URL(page.url()).origin).toBe(idp.issuer);
  }

  /** Through the provider's own login and consent pages back to this server; returns the callback URL the browser was sent to. */
  async function viaProvider(login: string): Promise<string> {
    const { page } = browser;
    await toProvider();
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    await page.waitForSelector('button:has-text("Continue")');
    const back = page.waitForRequest((request) => request.url().startsWith(`${platform.url}auth/callback?`));
    await page.click('button:has-text("Continue")');
    const callback = (await back).url();
    await page.waitForURL((url) => url.href.startsWith(platform.url));
    return callback;
  }

  const sessionUser = () => browser.page.evaluate(async () => (await (await fetch('/api/session')).json()).user);
  const fetchStatus = (path: string) => browser.page.evaluate(async (p) => (await fetch(p)).status, path);

  it('signs a school user in through the provider onto the dashboard, seeing only its own school', async () => {
    const callback = await viaProvider('teacher1');
    const { page } = browser;
    await page.waitForSelector('[data-user-menu]');
    expect(await page.textContent('[data-user-menu]')).toContain('学校');
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    await page.goto(`${platform.url}#/schools`);
    await settle(page);
    expect(await page.$$eval('[data-school]', (links) => links.map((a) => a.getAttribute('data-school')))).toEqual([own]);
    const other = JSON.parse(readFileSync(join(sampleWarehouseDir(), 'current/reports/index.json'), 'utf8')).schools[1].code;
    expect(await fetchStatus(`data/reports/schools/${other}.html`)).toBe(403);
    expect(await fetchStatus(`data/reports/schools/${own}.html`)).toBe(200);
    const user = findUser(platform.db, 'teacher1')!;
    expect(user).toMatchObject({ role: 'school', schools: [own], display_name: '张老师' });
    expect(listAudit(platform.db, { actor: 'teacher1', action: 'login' })[0].detail).toBe(`sso school ${own}`);
  });

  it('matches the same identity at the next login instead of creating another account', async () => {
    const before = platform.db.prepare('SELECT count(*) FROM users').pluck().get();
    await viaProvider('teacher1');
    await browser.page.waitForSelector('[data-user-menu]');
    expect(platform.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(before);
    expect(listAudit(platform.db, { actor: 'teacher1', action: 'login' })).toHaveLength(2);
  });

  it('signs an analyst in, who sees every school', async () => {
    await viaProvider('planner1');
    const { page } = browser;
    await page.waitForSelector('[data-user-menu]');
    expect(await page.textContent('[data-user-menu]')).toContain('分析员');
    await page.goto(`${platform.url}#/schools`);
    await settle(page);
    expect(await page.$$eval('[data-school]', (links) => links.length)).toBe(Math.min(50, schools));
  });

  it('refuses a role claim that maps to no role, in Chinese, with no session', async () => {
    await viaProvider('student1');
    const { page } = browser;
    await page.waitForSelector('[data-sso-error]');
    expect(await page.textContent('[data-sso-error]')).toContain('统一身份认证的角色 “student”（声明 chanjiao_role）未获授权使用本系统');
    expect(await sessionUser()).toBeNull();
    expect(findUser(platform.db, 'student1')).toBeUndefined();
    expect(listAudit(platform.db, { actor: 'student1', action: 'login_failed' })[0].detail).toBe('sso: role');
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    // Another sign-in's callback (a real code) delivered to a browser that started its own: a login-injection attempt.
    const foreign = await viaProvider('teacher1');
    await toProvider();
    const { page } = browser;
    await page.goto(foreign);
    await page.waitForSelector('[data-sso-error]');
    expect(await page.textContent('[data-sso-error]')).toContain('统一身份认证未通过');
    expect(await sessionUser()).toBeNull();
    expect(listAudit(platform.db, { action: 'login_failed' })[0].detail).toMatch(/^sso: rejected: .*state/);
  });

  it('refuses a replayed callback: its code opens no second session', async () => {
    const callback = await viaProvider('teacher1');
    const { page } = browser;
    await page.waitForSelector('[data-user-menu]');
    await browser.context.clearCookies();
    await page.goto(callback);
    await page.waitForSelector('[data-sso-error]');
    expect(await page.textContent('[data-sso-error]')).toContain('登录请求已过期或已使用');
    expect(await sessionUser()).toBeNull();
    expect(listAudit(platform.db, { action: 'login_failed' })[0].detail).toBe('sso: no_pending');
  });
});
