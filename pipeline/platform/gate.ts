/**
 * Every request passes here: its path is checked and matched to a route (access.ts), the caller
 * identified (session cookie, upload token, or the local single-analyst mode), the route's rule
 * applied, and only then is it served — a file as is, a file cut to the caller's schools, or an
 * API answer. Nothing reaches the disk that the table does not name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { canonicalPath, matchRoute, type Match, type Who } from './access.ts';
import type { AppDb } from './app-db.ts';
import { userByToken, type User } from './accounts.ts';
import { readSession, DEFAULT_LIMITS, type Session, type SessionLimits } from './sessions.ts';
import { AddressThrottle, DEFAULT_LOGIN_POLICY, type LoginPolicy } from './login.ts';
import { HttpError, parseCookies, sendError } from './http.ts';
import { CutCache, cutHistory } from './school-rows.ts';
import type { RunRecord } from '../refresh/history.ts';
import { audit } from './audit.ts';
import { handleApi, startSession } from './api.ts';
import { recoverInterruptedChecks, type UploadSettings } from './uploads.ts';
import { noteRuns } from './refresh-audit.ts';
import type { SsoSettings } from './sso-claims.ts';
import { createSso, type Sso } from './sso.ts';

/** Files the gate hands to the server's static handlers, by what they are. */
export interface Serve {
  /** The dashboard build: req.url is set to the file's path in it. */
  app(req: IncomingMessage, res: ServerResponse): void;
  /** A file of the current snapshot: req.url is set to `/data/…`. */
  data(req: IncomingMessage, res: ServerResponse): void;
  /** Absolute path of a snapshot file (`/data/…` → file), for cutting. */
  dataFile(path: string): string;
  /** The run history (outside any snapshot), for cutting. */
  history(): RunRecord[];
}

export interface GateOptions {
  /** null: the local single-analyst mode (no accounts; only on a loopback address). */
  db: AppDb | null;
  /** Where uploads go and how they are checked; needed with accounts. */
  uploads?: UploadSettings;
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-For / -Proto. */
  trustProxy: boolean;
  limits?: SessionLimits;
  loginPolicy?: LoginPolicy;
  /** Starts a refresh now (the admin's button); resolves with the published snapshot id. */
  refresh?: () => Promise<string>;
  /** Single sign-on through an OpenID Connect provider; without it, passwords only. */
  sso?: SsoSettings | null;
}

export interface Caller {
  who: Who;
  user: User | null;
  session: Session | null;
  /** How the caller proved who it is: a cookie session needs a CSRF token on every change. */
  via: 'session' | 'token' | 'open' | 'none';
}

export interface GateContext extends Required<Omit<GateOptions, 'refresh' | 'db' | 'uploads' | 'sso'>> {
  db: AppDb;
  uploads: UploadSettings;
  refresh?: () => Promise<string>;
  throttle: AddressThrottle;
  sso: Sso | null;
}

export const SESSION_COOKIE = 'cj_session';
export const PRE_COOKIE = 'cj_pre';

/** The analyst of the local single-analyst mode. */
const LOCAL_USER: User = { id: 0, username: 'local', display_name: '本机分析员', role: 'analyst', disabled: false, must_change_password: false, schools: [], inputs: [] };

/** The client's address: the socket's, or behind a trusted proxy the one the proxy appended. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
  return forwarded || req.socket.remoteAddress || '';
}

/** Whether the browser reached us over TLS (directly, or at a trusted proxy). */
export function isSecure(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https';
}

export const sameToken = (a: string, b: string) => a.length === b.length && a.length > 0 && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes a user who must change a reset password may still use. */
const BEFORE_PASSWORD_CHANGE = new Set(['session', 'logout', 'password', 'login page', 'platform page', 'assets', 'login', 'sso start', 'sso callback']);

/** Refuses a cross-site change: the Origin, when sent, must be this server's own. */
function sameOrigin(req: IncomingMessage, trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const scheme = isSecure(req, trustProxy) ? 'https' : 'http';
  const host = (trustProxy && String(req.headers['x-forwarded-host'] ?? '').split(',')[0].trim()) || req.headers.host;
  return origin === `${scheme}://${host}`;
}

export function createGate(options: GateOptions) {
  if (options.db && !options.uploads) throw new Error('accounts need upload settings');
  const ctx: GateContext | null = options.db && {
    db: options.db, uploads: options.uploads!, trustProxy: options.trustProxy,
    limits: options.limits ?? DEFAULT_LIMITS, loginPolicy: options.loginPolicy ?? DEFAULT_LOGIN_POLICY,
    refresh: options.refresh,
    throttle: new AddressThrottle((options.loginPolicy ?? DEFAULT_LOGIN_POLICY).perAddressPerMinute),
    sso: null,
  };
  if (ctx && options.sso) {
    const gateCtx = ctx;
    ctx.sso = createSso(options.sso, {
      db: ctx.db,
      startSession: (req, res, user) => void startSession(gateCtx, req, res, user),
      address: (req) => clientAddress(req, gateCtx.trustProxy),
      secure: (req) => isSecure(req, gateCtx.trustProxy),
    });
  }
  // A check the last server was running when it stopped never finishes: its upload says so.
  if (ctx) recoverInterruptedChecks(ctx.db, ctx.uploads);
  // So does a refresh killed with it (or since): the audit has its start only, until it is found dead;
  // and a run of the schedule or the command line, which ended unseen.
  if (ctx) noteRuns(ctx.db, ctx.uploads.warehouseDir);
  const cuts = new CutCache();

  function identify(req: IncomingMessage): Caller {
    if (!ctx) return { who: LOCAL_USER.role, user: LOCAL_USER, session: null, via: 'open' };
    const bearer = /^Bearer (cjt_[\w-]{20,})$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (bearer) {
      const user = userByToken(ctx.db, bearer);
      return user ? { who: user.role, user, session: null, via: 'token' } : { who: 'anonymous', user: null, session: null, via: 'none' };
    }
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    const session = token ? readSession(ctx.db, token, ctx.limits) : null;
    return session ? { who: session.user.role, user: session.user, session, via: 'session' } : { who: 'anonymous', user: null, session: null, via: 'none' };
  }

  /** 401 for nobody, 403 for someone, 302 to the login page for a page. */
  function refuse(res: ServerResponse, caller: Caller, rule: string): void {
    if (rule === 'login') {
      res.writeHead(302, { location: '/login', 'cache-control': 'no-store' }).end();
    } else if (caller.who === 'anonymous') {
      sendError(res, 401, '请先登录 — please sign in', 'login_required');
    } else {
      sendError(res, 403, '无权访问 — not allowed for this account', 'forbidden');
    }
  }

  function serveCut(req: IncomingMessage, res: ServerResponse, serve: Serve, path: string, schools: string[]): void {
    let bytes: Uint8Array;
    try {
      bytes = cuts.get(serve.dataFile(path), schools);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到 Not found\n');
      return;
    }
    const type = path.endsWith('.arrow') ? 'application/vnd.apache.arrow.file' : 'application/json; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, serve: Serve, match: Match, caller: Caller, path: string): void {
    const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const page: Record<string, string> = { 'login page': '/login.html', 'platform page': '/platform.html', dashboard: '/' };
    if (match.route.name in page || match.route.name === 'assets') {
      req.url = (page[match.route.name] ?? path) + query;
      return serve.app(req, res);
    }
    const rule = match.route.rules[caller.who];
    const scoped = caller.user && (caller.user.role === 'school' || caller.user.role === 'provider');
    if (rule === 'cut' && scoped && match.route.name === 'history') {
      const bytes = Buffer.from(JSON.stringify(cutHistory(serve.history())));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length, 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' });
      return void res.end(req.method === 'HEAD' ? undefined : bytes);
    }
    if (rule === 'cut' && scoped) return serveCut(req, res, serve, path, caller.user!.schools);
    if (ctx && caller.user && req.method === 'GET' && /report$/.test(match.route.name)) {
      audit(ctx.db, { actor: caller.user.username, action: 'report_download', target: path.replace('/data/reports/', ''), ip: clientAddress(req, ctx.trustProxy) });
    }
    req.url = path + query;
    return serve.data(req, res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, serve: Serve): Promise<void> {
    const path = canonicalPath(req.url ?? '');
    const match = path === null ? null : matchRoute(path);
    if (!path || !match) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到 Not found\n');
      return;
    }
    const method = req.method ?? 'GET';
    if (!match.route.methods.includes(method)) {
      res.writeHead(405, { allow: match.route.methods.join(', ') }).end();
      return;
    }
    const caller = identify(req);
    if (caller.via === 'token' && !match.route.token) {
      return sendError(res, 403, '上传令牌只能用于数据报送接口 — an upload token is for the uploads API only', 'token_scope');
    }
    const rule = match.route.rules[caller.who];
    if (rule === 'deny' || rule === 'login') return refuse(res, caller, rule);
    if (rule === 'school' && !caller.user?.schools.includes(match.params[0])) return refuse(res, caller, 'deny');
    if (caller.user?.must_change_password && !BEFORE_PASSWORD_CHANGE.has(match.route.name)) {
      return sendError(res, 403, '请先修改密码 — change your password first', 'password_change_required');
    }
    if (CHANGES.has(method) && ctx) {
      // A cookie rides along on any cross-site request; a change needs proof the page is ours.
      if (!sameOrigin(req, ctx.trustProxy)) return sendError(res, 403, '跨站请求被拒绝 — cross-site request refused', 'csrf');
      const sent = String(req.headers['x-csrf-token'] ?? '');
      const expected = caller.via === 'session' ? caller.session!.csrf
        : caller.via === 'none' ? parseCookies(req.headers.cookie).get(PRE_COOKIE) ?? '' : null;
      if (expected !== null && !sameToken(sent, expected)) return sendError(res, 403, '缺少或错误的 CSRF 令牌，请刷新页面 — missing or wrong CSRF token; reload the page', 'csrf');
    }
    if (match.route.name === 'sso start' || match.route.name === 'sso callback') {
      if (!ctx?.sso) return sendError(res, 404, '未配置统一身份认证 — single sign-on is not configured', 'no_sso');
      return match.route.name === 'sso start' ? ctx.sso.start(req, res) : ctx.sso.callback(req, res);
    }
    if (match.route.path.source.startsWith('^\\/api')) {
      if (!ctx) {
        if (match.route.name === 'session') return void handleApi(null, req, res, match, caller);
        return sendError(res, 404, '本机单用户模式，没有账号功能 — single-analyst mode: no accounts', 'open_mode');
      }
      try {
        await handleApi(ctx, req, res, match, caller);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        if (!res.headersSent) sendError(res, error.status, error.message, error.code);
      }
      return;
    }
    serveFile(req, res, serve, match, caller, path);
  }

  return { mode: ctx ? 'accounts' as const : 'open' as const, handle };
}
