/** The platform's JSON API: session and login, accounts (admin), audit, uploads, deliveries and their schedule, refresh, snapshots and rollback. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROLES, type Role } from './app-db.ts';
import type { Match } from './access.ts';
import {
  AccountError, addUser, createUploadToken, findUser, listUsers, setPassword, updateUser, userRow, type User, type UserChange,
} from './accounts.ts';
import { audit, auditCsv, listAudit } from './audit.ts';
import { noteRuns, runIds, startedRun } from './refresh-audit.ts';
import { deliveries, setSchedule } from './deliveries.ts';
import { clientAddress, isSecure, PRE_COOKIE, SESSION_COOKIE, type Caller, type GateContext } from './gate.ts';
import { HttpError, parseCookies, readBody, readJson, sendJson, serializeCookie } from './http.ts';
import { passwordLogin } from './login.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, endSession, randomToken, sessionHash } from './sessions.ts';
import { acceptUpload, discardUpload, getUpload, listUploads, receiveUpload, shownUpload, withdrawUpload } from './uploads.ts';
import { contentDisposition } from '../serve/report-route.ts';
import { currentSnapshot, describeSnapshot, listSnapshots } from '../refresh/snapshot.ts';
import { NoSuchSnapshot, rollBack } from '../refresh/roll-back.ts';
import { LockedError } from '../refresh/lock.ts';

/** What the browser is told about the signed-in user. */
export function publicUser(user: User) {
  const { id: _, ...rest } = user;
  return rest;
}

/** Starts a session for `user` on this response: a fresh token whatever cookie came in (no fixation). */
export function startSession(ctx: GateContext, req: IncomingMessage, res: ServerResponse, user: User): string {
  const old = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (old) endSession(ctx.db, sessionHash(old));
  const { token, csrf } = createSession(ctx.db, user.id, ctx.limits);
  const secure = isSecure(req, ctx.trustProxy);
  res.setHeader('set-cookie', [
    serializeCookie(SESSION_COOKIE, token, { secure, sameSite: 'Lax', maxAgeS: Math.floor(ctx.limits.absoluteMs / 1000) }),
    serializeCookie(PRE_COOKIE, '', { secure, sameSite: 'Strict', maxAgeS: 0 }),
  ]);
  return csrf;
}

function accountError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(400, error.message, 'invalid');
    throw error;
  }
}

async function accountErrorAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(400, error.message, 'invalid');
    throw error;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined);

export async function handleApi(ctx: GateContext | null, req: IncomingMessage, res: ServerResponse, match: Match, caller: Caller): Promise<void> {
  const name = match.route.name;
  if (!ctx) {
    // The local single-analyst mode: only the session route answers, to say so.
    sendJson(res, 200, { mode: 'open', user: publicUser(caller.user!), csrf: '' });
    return;
  }
  const ip = clientAddress(req, ctx.trustProxy);
  const user = caller.user;
  const actor = user?.username ?? '';
  const secure = isSecure(req, ctx.trustProxy);
  switch (name) {
    case 'session': {
      const sso = ctx.sso !== null;
      // Whether this account accepts its own deliveries (CHANJIAO_PROVIDER_ACCEPT), so its page offers the button.
      const acceptsOwn = user?.role === 'provider' && ctx.uploads.providerMayAccept;
      if (user && caller.session) return sendJson(res, 200, { mode: 'accounts', user: publicUser(user), csrf: caller.session.csrf, sso, accepts_own: acceptsOwn });
      // Before login: a token tied to this browser by a cookie, so a login form on another site cannot post here.
      const pre = parseCookies(req.headers.cookie).get(PRE_COOKIE) ?? randomToken();
      return sendJson(res, 200, { mode: 'accounts', user: null, csrf: pre, sso },
        { 'set-cookie': serializeCookie(PRE_COOKIE, pre, { secure, sameSite: 'Strict' }) });
    }
    case 'login': {
      const body = await readJson<{ username?: unknown; password?: unknown }>(req);
      const username = text(body.username).trim();
      const outcome = await passwordLogin(ctx.db, ctx.throttle, ctx.loginPolicy, { username, password: text(body.password), address: ip });
      if (!outcome.ok) {
        audit(ctx.db, { actor: username.slice(0, 64), action: 'login_failed', detail: outcome.reason, ip });
        const minutes = Math.ceil((outcome.retryAfterS ?? 60) / 60);
        if (outcome.reason === 'throttled') {
          return sendJson(res, 429, { error: '尝试过于频繁，请一分钟后再试 — too many attempts, try again in a minute', code: 'throttled' },
            { 'retry-after': String(outcome.retryAfterS ?? 60) });
        }
        if (outcome.reason === 'locked') {
          return sendJson(res, 423, { error: `账号已锁定，请 ${minutes} 分钟后再试或请管理员重置密码 — account locked for ${minutes} min or until an admin resets it`, code: 'locked' });
        }
        return sendJson(res, 401, { error: '用户名或密码错误 — wrong user name or password', code: 'invalid' });
      }
      const csrf = startSession(ctx, req, res, outcome.user);
      audit(ctx.db, { actor: outcome.user.username, action: 'login', detail: 'password', ip });
      return sendJson(res, 200, { mode: 'accounts', user: publicUser(outcome.user), csrf });
    }
    case 'logout': {
      if (caller.session) endSession(ctx.db, caller.session.tokenHash);
      audit(ctx.db, { actor, action: 'logout', ip });
      return sendJson(res, 200, { ok: true }, { 'set-cookie': serializeCookie(SESSION_COOKIE, '', { secure, sameSite: 'Lax', maxAgeS: 0 }) });
    }
    case 'password': {
      const body = await readJson<{ current?: unknown; next?: unknown }>(req);
      const row = userRow(ctx.db, actor);
      if (!row?.password_hash || !(await verifyPassword(text(body.current), row.password_hash))) {
        throw new HttpError(403, '当前密码错误 — the current password is wrong', 'invalid');
      }
      await accountErrorAsync(() => setPassword(ctx.db, actor, text(body.next), false));
      audit(ctx.db, { actor, action: 'password_changed', ip });
      const fresh = findUser(ctx.db, actor)!;
      const csrf = startSession(ctx, req, res, fresh);
      return sendJson(res, 200, { mode: 'accounts', user: publicUser(fresh), csrf });
    }
    case 'users': {
      if (req.method !== 'POST') return sendJson(res, 200, listUsers(ctx.db).map(publicUser));
      const body = await readJson<Record<string, unknown>>(req);
      const role = text(body.role) as Role;
      const created = await accountErrorAsync(() => addUser(ctx.db, {
        username: text(body.username).trim(), role: ROLES.includes(role) ? role : ('' as Role), password: text(body.password),
        display_name: text(body.display_name), schools: list(body.schools), inputs: list(body.inputs), must_change_password: true,
      }));
      audit(ctx.db, { actor, action: 'user_added', target: created.username, detail: `${created.role} ${created.schools.join(',')} ${created.inputs.join(',')}`.trim(), ip });
      return sendJson(res, 201, publicUser(created));
    }
    case 'user': {
      const body = await readJson<Record<string, unknown>>(req);
      const change: UserChange = {};
      if (typeof body.role === 'string') change.role = body.role as Role;
      if (typeof body.display_name === 'string') change.display_name = body.display_name;
      if (list(body.schools)) change.schools = list(body.schools);
      if (list(body.inputs)) change.inputs = list(body.inputs);
      if (typeof body.disabled === 'boolean') change.disabled = body.disabled;
      if (match.params[0].toLowerCase() === actor.toLowerCase() && (change.disabled || (change.role && change.role !== 'admin'))) {
        throw new HttpError(400, '不能停用自己或取消自己的管理员角色 — you cannot disable or demote yourself', 'self');
      }
      const changed = accountError(() => updateUser(ctx.db, match.params[0], change));
      audit(ctx.db, { actor, action: 'user_changed', target: changed.username, detail: JSON.stringify(change), ip });
      return sendJson(res, 200, publicUser(changed));
    }
    case 'user reset': {
      const body = await readJson<{ password?: unknown }>(req);
      await accountErrorAsync(() => setPassword(ctx.db, match.params[0], text(body.password), true));
      audit(ctx.db, { actor, action: 'password_reset', target: match.params[0], ip });
      return sendJson(res, 200, { ok: true });
    }
    case 'user token': {
      const body = await readJson<{ label?: unknown }>(req);
      const token = accountError(() => createUploadToken(ctx.db, match.params[0], text(body.label)));
      audit(ctx.db, { actor, action: 'token_created', target: match.params[0], ip });
      return sendJson(res, 201, { token });
    }
    case 'audit': {
      // The log read is complete: a run killed or ended unattended since it was last read is in it.
      noteRuns(ctx.db, ctx.uploads.warehouseDir);
      const q = new URL(req.url ?? '', 'http://x').searchParams;
      return sendJson(res, 200, listAudit(ctx.db, {
        limit: Number(q.get('limit') ?? 200) || 200, before: Number(q.get('before')) || undefined,
        action: q.get('action') || undefined, actor: q.get('actor') || undefined,
      }));
    }
    case 'audit export': {
      noteRuns(ctx.db, ctx.uploads.warehouseDir);
      const csv = auditCsv(ctx.db);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
        'content-disposition': contentDisposition('attachment', '审计日志.csv', 'audit-log.csv'),
      });
      return void res.end(csv);
    }
    case 'uploads': {
      if (req.method !== 'POST') return sendJson(res, 200, listUploads(ctx.db, user!));
      const q = new URL(req.url ?? '', 'http://x').searchParams;
      try {
        const bytes = await readBody(req, ctx.uploads.maxBytes);
        const listing = q.get('listing');
        if (listing !== null && !/^\d+$/.test(listing)) throw new HttpError(400, `备案名单编号无效 — invalid listing "${listing}"`, 'bad_listing');
        const upload = await receiveUpload(ctx.db, ctx.uploads, user!, {
          input: q.get('input') ?? '', name: q.get('name') ?? '', bytes, ip, listing: listing === null ? undefined : Number(listing),
        });
        return sendJson(res, 201, shownUpload(upload));
      } catch (error) {
        // A file refused before it was stored (too large, empty, not this account's input…) is in the audit too.
        if (error instanceof HttpError) {
          audit(ctx.db, { actor: user!.username, action: 'upload', target: q.get('input') ?? '', ip, detail: `refused (${error.status}): ${error.message}` });
        }
        throw error;
      }
    }
    case 'upload': {
      const upload = getUpload(ctx.db, Number(match.params[0]));
      if (!upload || (user!.role !== 'admin' && upload.uploader_id !== user!.id)) throw new HttpError(404, '无此报送 — no such upload', 'not_found');
      return sendJson(res, 200, shownUpload(upload));
    }
    case 'upload accept':
      return sendJson(res, 200, shownUpload(acceptUpload(ctx.db, ctx.uploads, user!, Number(match.params[0]), ip)));
    case 'upload withdraw':
      return sendJson(res, 200, shownUpload(withdrawUpload(ctx.db, ctx.uploads, user!, Number(match.params[0]), ip)));
    case 'upload discard':
      return sendJson(res, 200, shownUpload(discardUpload(ctx.db, user!, Number(match.params[0]), ip)));
    case 'delivery status':
      return sendJson(res, 200, deliveries(ctx.db, user!));
    case 'schedule': {
      const body = await readJson<{ every_days?: unknown }>(req);
      const days = body.every_days === null ? null : Number(body.every_days);
      try {
        setSchedule(ctx.db, match.params[0], days, { actor, ip });
      } catch (error) {
        throw new HttpError(400, (error as Error).message, 'invalid');
      }
      return sendJson(res, 200, deliveries(ctx.db, user!));
    }
    case 'snapshots': {
      const dir = ctx.uploads.warehouseDir;
      const served = currentSnapshot(dir);
      return sendJson(res, 200, listSnapshots(dir).map((id) => ({ ...describeSnapshot(dir, id), current: id === served })));
    }
    case 'rollback': {
      const to = text((await readJson<{ to?: unknown }>(req)).to);
      if (!to) throw new HttpError(400, '请选择要回滚到的快照 — name the snapshot to roll back to', 'invalid');
      let was: string | null;
      try {
        was = rollBack(ctx.uploads.warehouseDir, to, () => {});
      } catch (error) {
        if (error instanceof NoSuchSnapshot) throw new HttpError(400, error.message, 'invalid');
        if (error instanceof LockedError) throw new HttpError(409, '正在刷新，完成后再回滚 — a refresh is running; roll back once it has finished', 'locked');
        throw error;
      }
      audit(ctx.db, { actor, action: 'rollback', target: to, detail: `was ${was}`, ip });
      return sendJson(res, 200, { current: to, was });
    }
    case 'refresh': {
      if (!ctx.refresh) throw new HttpError(404, '此服务器未配置刷新 — no refresh configured', 'no_refresh');
      const dir = ctx.uploads.warehouseDir;
      // A run found dead now (killed with no restart since), or ended unattended, is audited before this one starts.
      noteRuns(ctx.db, dir);
      const before = runIds(dir);
      // The run takes minutes at scale: answer now; its outcome goes to the run history (数据状态) and here, under its run id.
      const done = ctx.refresh();
      const run = startedRun(dir, before);
      audit(ctx.db, { actor, action: 'refresh', target: run, detail: 'started', ip });
      done.then(
        (snapshot) => audit(ctx.db, { actor, action: 'refresh', target: run, detail: `published ${snapshot}`, ip }),
        (error: Error) => audit(ctx.db, { actor, action: 'refresh', target: run, detail: `failed: ${error.message.split('\n')[0]}`, ip }),
      );
      return sendJson(res, 202, { started: true });
    }
  }
  throw new HttpError(404, '未找到 — not found');
}
