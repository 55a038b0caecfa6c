/** Login: wrong password, throttling, lockout, CSRF, session fixation, expiry, cookie flags, password change and reset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDb } from '../../pipeline/platform/app-db.ts';
import { addUser } from '../../pipeline/platform/accounts.ts';
import { createSession, readSession } from '../../pipeline/platform/sessions.ts';
import { sampleWarehouseDir } from '../support/warehouse.ts';
import { Client, PASSWORD, platformServer, raw, type Platform } from './helpers.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await platformServer(sampleWarehouseDir(), [
    { username: 'admin1', role: 'admin' },
    { username: 'analyst1', role: 'analyst' },
    { username: 'locky', role: 'analyst' },
    { username: 'fixme', role: 'analyst' },
  ], { loginPolicy: { maxFailures: 3, lockMs: 60_000, perAddressPerMinute: 1000 }, limits: { idleMs: 60_000, absoluteMs: 3_600_000 } });
});
afterAll(() => platform?.close());

const sessionCookie = (c: Client) => c.cookies.get('cj_session');

describe('password login', () => {
  it('signs in with the right password and sets an HttpOnly SameSite cookie, Secure only behind TLS', async () => {
    const client = new Client(platform.url);
    const reply = await client.login('analyst1');
    expect(reply.status).toBe(200);
    expect(reply.json().user).toMatchObject({ username: 'analyst1', role: 'analyst' });
    const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('cj_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get('/data/manifest.json')).status).toBe(200);
    // A proxy's header is ignored unless the proxy is trusted.
    const spoof = new Client(platform.url);
    await spoof.get('/api/session');
    const spoofed = await spoof.send('POST', '/api/login', { username: 'analyst1', password: PASSWORD }, { 'x-forwarded-proto': 'https', 'x-csrf-token': spoof.cookies.get('cj_pre')! });
    expect(([] as string[]).concat(spoofed.headers['set-cookie'] ?? []).join()).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure behind a trusted TLS proxy', async () => {
    const proxied = await platformServer(sampleWarehouseDir(), [{ username: 'analyst1', role: 'analyst' }], { trustProxy: true });
    try {
      const client = new Client(proxied.url);
      const reply = await client.send('GET', '/api/session', undefined, { 'x-forwarded-proto': 'https' });
      client.csrf = reply.json().csrf;
      const login = await client.send('POST', '/api/login', { username: 'analyst1', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      expect(login.status).toBe(200);
      expect(([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('cj_session='))).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await new Client(platform.url).login('analyst1', 'not the password');
    const unknown = await new Client(platform.url).login('nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json().error).toBe(unknown.json().error);
    expect(wrong.json().error).toContain('用户名或密码错误');
  });

  it('locks an account after repeated wrong passwords, until an admin resets it', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await new Client(platform.url).login('locky', 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 423]);
    const right = await new Client(platform.url).login('locky');
    expect(right.status).toBe(423);
    expect(right.json().error).toContain('锁定');
    const admin = new Client(platform.url);
    await admin.login('admin1');
    expect((await admin.send('POST', '/api/users/locky/reset', { password: 'temporary pass 4711' })).status).toBe(200);
    const after = new Client(platform.url);
    expect((await after.login('locky', 'temporary pass 4711')).status).toBe(200);
    // A reset password must be changed before anything else.
    expect((await after.get('/data/manifest.json')).json().code).toBe('password_change_required');
    expect((await after.send('POST', '/api/password', { current: 'temporary pass 4711', next: 'mine and only mine' })).status).toBe(200);
    expect((await after.get('/data/manifest.json')).status).toBe(200);
    const log = (await admin.get('/api/audit')).json<{ action: string; actor: string; target: string }[]>();
    expect(log.filter((e) => e.actor === 'locky').map((e) => e.action)).toEqual(
      expect.arrayContaining(['login_failed', 'login', 'password_changed']));
    expect(log.some((e) => e.action === 'password_reset' && e.target === 'locky')).toBe(true);
  });

  it('throttles many attempts from one address', async () => {
    const throttled = await platformServer(sampleWarehouseDir(), [{ username: 'analyst1', role: 'analyst' }],
      { loginPolicy: { maxFailures: 100, lockMs: 1000, perAddressPerMinute: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await new Client(throttled.url).login('analyst1', 'wrong password')).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await throttled.close();
    }
  });

  it('refuses a change without the CSRF token, from another origin, or a login without its pre-login cookie', async () => {
    const client = new Client(platform.url);
    await client.login('analyst1');
    const token = client.csrf;
    client.csrf = '';
    expect((await client.send('POST', '/api/logout')).json().code).toBe('csrf');
    client.csrf = 'forged';
    expect((await client.send('POST', '/api/logout')).status).toBe(403);
    client.csrf = token;
    expect((await client.send('POST', '/api/logout', undefined, { origin: 'https://evil.example' })).json().code).toBe('csrf');
    expect((await client.get('/data/manifest.json')).status).toBe(200);
    // A login form on another site has neither the cookie nor the token.
    const forged = await raw(platform.url, 'POST', '/api/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'analyst1', password: PASSWORD }));
    expect(forged.status).toBe(403);
    expect((await client.send('POST', '/api/logout')).status).toBe(200);
    expect((await client.get('/data/manifest.json')).status).toBe(401);
  });

  it('issues a fresh session at login whatever cookie the browser brought (no fixation)', async () => {
    const victim = new Client(platform.url);
    victim.cookies.set('cj_session', 'chosen-by-an-attacker');
    await victim.login('fixme');
    expect(sessionCookie(victim)).not.toBe('chosen-by-an-attacker');
    const attacker = new Client(platform.url);
    attacker.cookies.set('cj_session', 'chosen-by-an-attacker');
    expect((await attacker.get('/data/manifest.json')).status).toBe(401);
    // A session the attacker did get (its own login) ends when the same browser signs in again.
    const first = sessionCookie(victim)!;
    await victim.login('fixme');
    const stale = new Client(platform.url);
    stale.cookies.set('cj_session', first);
    expect((await stale.get('/data/manifest.json')).status).toBe(401);
    expect((await victim.get('/data/manifest.json')).status).toBe(200);
  });
});

describe('session expiry', () => {
  it('ends a session after its idle limit and after its absolute lifetime', async () => {
    const db = openAppDb(':memory:');
    const user = await addUser(db, { username: 'someone', role: 'analyst', password: PASSWORD });
    const limits = { idleMs: 1000, absoluteMs: 5000 };
    const idle = createSession(db, user.id, limits, 0);
    expect(readSession(db, idle.token, limits, 900)?.user.username).toBe('someone');
    expect(readSession(db, idle.token, limits, 1900)).toBeNull();
    const busy = createSession(db, user.id, limits, 0);
    for (let t = 0; t < 5000; t += 500) expect(readSession(db, busy.token, limits, t), `at ${t}`).not.toBeNull();
    expect(readSession(db, busy.token, limits, 5000)).toBeNull();
  });

  it('has the browser ask again for every page, so a signed-out browser never shows a cached dashboard', async () => {
    const client = new Client(platform.url);
    await client.login('analyst1');
    for (const page of ['/', '/platform', '/login']) expect((await client.get(page)).headers['cache-control'], page).toBe('no-cache');
  });

  it('answers 401 to an expired session cookie over HTTP', async () => {
    const short = await platformServer(sampleWarehouseDir(), [{ username: 'analyst1', role: 'analyst' }], { limits: { idleMs: 300, absoluteMs: 60_000 } });
    try {
      const client = new Client(short.url);
      await client.login('analyst1');
      expect((await client.get('/data/manifest.json')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
      expect((await client.get('/data/manifest.json')).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
