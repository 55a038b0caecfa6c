/**
 * Single sign-on by OpenID Connect (openid-client): `/auth/sso` sends the browser to the identity
 * provider with a PKCE challenge, a state and a nonce kept on the server under a short-lived
 * cookie; `/auth/callback` exchanges the code once (the pending entry is taken, so a replayed
 * callback finds nothing), checks state and nonce, maps the claims to a role and schools
 * (sso-claims.ts), finds the account linked to that identity or creates it, and starts a session.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oidc from 'openid-client';
import type { AppDb } from './app-db.ts';
import { findUser, updateUser, userById, type User } from './accounts.ts';
import { audit } from './audit.ts';
import { parseCookies, serializeCookie } from './http.ts';
import { randomToken } from './sessions.ts';
import { mapClaims, type SsoAccount, type SsoSettings } from './sso-claims.ts';

export const SSO_COOKIE = 'cj_sso';
const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 10_000;

interface Pending { verifier: string; state: string; nonce: string; expires: number }

export type SsoResult = { ok: true; user: User } | { ok: false; status: number; reason: string; message: string };

/** The linked account, updated to what the claims say now; or created; or why not. */
export function ssoUser(db: AppDb, issuer: string, account: SsoAccount): SsoResult {
  const linked = db.prepare('SELECT user_id FROM sso_identities WHERE issuer = ? AND subject = ?').pluck().get(issuer, account.subject) as number | undefined;
  const change = { role: account.role, schools: account.schools, inputs: account.inputs, ...(account.display_name ? { display_name: account.display_name } : {}) };
  if (linked !== undefined) {
    const user = userById(db, linked)!;
    if (user.disabled) return { ok: false, status: 403, reason: 'disabled', message: '此账号已被管理员停用 — this account is disabled' };
    // The provider is the source of truth for roles: a moved teacher loses the old school at the next login.
    return { ok: true, user: updateUser(db, user.username, change) };
  }
  if (findUser(db, account.username)) {
    // Never take over a local account by name: an admin links it by renaming one of them.
    return {
      ok: false, status: 409, reason: 'taken',
      message: `用户名“${account.username}”已被本系统的其他账号使用，请联系管理员 — the user name ${account.username} belongs to another account here`,
    };
  }
  const created = db.transaction(() => {
    const now = new Date().toISOString();
    const id = db.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)`,
    ).run(account.username, account.display_name, account.role, now, now).lastInsertRowid;
    db.prepare('INSERT INTO sso_identities (issuer, subject, user_id) VALUES (?, ?, ?)').run(issuer, account.subject, Number(id));
    return updateUser(db, account.username, change);
  })();
  return { ok: true, user: created };
}

export interface SsoDeps {
  db: AppDb;
  /** Starts the session on the response (api.ts startSession). */
  startSession(req: IncomingMessage, res: ServerResponse, user: User): void;
  address(req: IncomingMessage): string;
  secure(req: IncomingMessage): boolean;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal the browser shows: the reason in Chinese — English, and the way back. */
function sendRefusal(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>统一身份认证登录失败 Single sign-on failed</title>
<main style="font-family:sans-serif;max-width:40rem;margin:4rem auto"><h1>统一身份认证登录失败</h1>
<p role="alert" data-sso-error>${escapeHtml(message)}</p><p><a href="/login">返回登录页 Back to sign-in</a></p></main></html>`);
}

export function createSso(settings: SsoSettings, deps: SsoDeps) {
  const pending = new Map<string, Pending>();
  let config: Promise<oidc.Configuration> | null = null;
  const issuer = settings.issuer.href;

  /** Discovered on first use, so the server starts while the provider is down; a failure is retried next time. */
  function configuration(): Promise<oidc.Configuration> {
    config ??= oidc.discovery(settings.issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret),
      settings.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: Error) => {
        config = null;
        throw error;
      });
    return config;
  }

  function take(req: IncomingMessage): Pending | null {
    const key = parseCookies(req.headers.cookie).get(SSO_COOKIE);
    const entry = key ? pending.get(key) : undefined;
    if (key) pending.delete(key);
    return entry && entry.expires > Date.now() ? entry : null;
  }

  function fail(req: IncomingMessage, res: ServerResponse, status: number, reason: string, message: string, actor = ''): void {
    audit(deps.db, { actor, action: 'login_failed', detail: `sso: ${reason}`, ip: deps.address(req) });
    res.setHeader('set-cookie', serializeCookie(SSO_COOKIE, '', { secure: deps.secure(req), sameSite: 'Lax', path: '/auth', maxAgeS: 0 }));
    sendRefusal(res, status, message);
  }

  async function start(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let cfg: oidc.Configuration;
    try {
      cfg = await configuration();
    } catch (error) {
      return fail(req, res, 502, 'discovery', `无法连接统一身份认证服务，请稍后再试或使用账号密码登录 — the identity provider cannot be reached (${(error as Error).message})`);
    }
    const now = Date.now();
    if (pending.size >= MAX_PENDING) for (const [key, p] of pending) if (p.expires <= now) pending.delete(key);
    if (pending.size >= MAX_PENDING) return fail(req, res, 503, 'busy', '登录请求过多，请稍后再试 — too many sign-ins in progress, try again shortly');
    const entry: Pending = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), expires: now + PENDING_MS };
    const key = randomToken();
    pending.set(key, entry);
    const target = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: settings.redirectUrl.href, scope: settings.scope, response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(entry.verifier), code_challenge_method: 'S256',
      state: entry.state, nonce: entry.nonce,
    });
    // Lax: the provider's redirect back is a top-level GET from its site, which Lax lets the cookie ride.
    res.writeHead(302, {
      location: target.href, 'cache-control': 'no-store',
      'set-cookie': serializeCookie(SSO_COOKIE, key, { secure: deps.secure(req), sameSite: 'Lax', path: '/auth', maxAgeS: PENDING_MS / 1000 }),
    }).end();
  }

  async function callback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const entry = take(req);
    if (!entry) {
      return fail(req, res, 400, 'no_pending', '登录请求已过期或已使用，请重新登录 — this sign-in has expired or was already used; sign in again');
    }
    const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
    const currentUrl = new URL(settings.redirectUrl.pathname + query, settings.redirectUrl);
    let claims: Record<string, unknown>;
    try {
      const cfg = await configuration();
      const tokens = await oidc.authorizationCodeGrant(cfg, currentUrl, {
        pkceCodeVerifier: entry.verifier, expectedState: entry.state, expectedNonce: entry.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Scoped claims (role, schools) often come only from the userinfo endpoint.
      const info = await oidc.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    } catch (error) {
      // openid-client says "invalid response encountered"; the check that failed (state, nonce, code) is its cause.
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const detail = (error instanceof Error ? error.message : String(error)) + cause;
      return fail(req, res, 400, `rejected: ${detail}`.slice(0, 200), `统一身份认证未通过：${detail} — single sign-on was refused; sign in again`);
    }
    const mapped = mapClaims(settings, claims);
    if (!mapped.ok) return fail(req, res, 403, mapped.reason, mapped.message, String(claims[settings.usernameClaim] ?? '').slice(0, 64));
    const found = ssoUser(deps.db, issuer, mapped.account);
    if (!found.ok) return fail(req, res, found.status, found.reason, found.message, mapped.account.username);
    deps.startSession(req, res, found.user);
    res.appendHeader('set-cookie', serializeCookie(SSO_COOKIE, '', { secure: deps.secure(req), sameSite: 'Lax', path: '/auth', maxAgeS: 0 }));
    audit(deps.db, { actor: found.user.username, action: 'login', detail: `sso ${found.user.role} ${found.user.schools.join(',')}`.trim(), ip: deps.address(req) });
    res.writeHead(302, { location: '/', 'cache-control': 'no-store' }).end();
  }

  return { start, callback };
}

export type Sso = ReturnType<typeof createSso>;
