/**
 * Single sign-on settings (from the environment, docs/operations.md) and what an identity
 * provider's claims make of a user: which claim value means which role, which claim carries the
 * school codes (and which codes are allowed), which the inputs a provider may submit. A claim
 * that maps to nothing is refused with a message saying which value was not recognised.
 */
import { ROLES, type Role } from './app-db.ts';
import { USERNAME } from './accounts.ts';
import { SCHOOL_CODE } from '../config/schema.ts';
import { isLoopback } from './bind.ts';
import { isDeliveredInput } from '../config/schema.ts';

export interface SsoSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** This server's callback as the browser reaches it (behind a proxy: the public https URL). */
  redirectUrl: URL;
  scope: string;
  usernameClaim: string;
  roleClaim: string;
  /** Claim value → role; a value not listed is refused. */
  roles: Map<string, Role>;
  schoolClaim: string;
  /** School codes a claim may name; empty: any well-formed code. */
  allowedSchools: Set<string>;
  inputClaim: string;
}

export const CALLBACK_PATH = '/auth/callback';

const list = (raw: string | undefined) => (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** `value=role,value=role` → the map; every role must be one of ROLES. */
function roleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of list(raw)) {
    const at = pair.lastIndexOf('=');
    const [value, role] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    if (at <= 0 || !ROLES.includes(role as Role)) {
      throw new Error(`CHANJIAO_OIDC_ROLES: "${pair}" 应为 声明值=角色 — must be value=role with role one of ${ROLES.join(', ')}`);
    }
    map.set(value, role as Role);
  }
  return map;
}

function url(env: NodeJS.ProcessEnv, name: string): URL {
  const raw = env[name];
  if (!raw) throw new Error(`${name} 未设置 — ${name} is required with CHANJIAO_OIDC_ISSUER`);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name}=${raw}: 不是网址 — not a URL`);
  }
  // Codes and tokens travel on these URLs: plain http only on this machine (a local test provider).
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopback(parsed.hostname))) {
    throw new Error(`${name}=${raw}: 须为 https 地址 — must be https (plain http only on 127.0.0.1)`);
  }
  return parsed;
}

/** The SSO settings, or null when CHANJIAO_OIDC_ISSUER is not set; throws on an incomplete setup. */
export function ssoSettings(env: NodeJS.ProcessEnv = process.env): SsoSettings | null {
  if (!env.CHANJIAO_OIDC_ISSUER) return null;
  const required = (name: string) => {
    if (!env[name]) throw new Error(`${name} 未设置 — ${name} is required with CHANJIAO_OIDC_ISSUER`);
    return env[name]!;
  };
  const redirectUrl = url(env, 'CHANJIAO_OIDC_REDIRECT_URL');
  if (redirectUrl.pathname !== CALLBACK_PATH) {
    throw new Error(`CHANJIAO_OIDC_REDIRECT_URL 的路径须为 ${CALLBACK_PATH} — the redirect URL's path must be ${CALLBACK_PATH}`);
  }
  const roles = roleMap(required('CHANJIAO_OIDC_ROLES'));
  const allowedSchools = new Set(list(env.CHANJIAO_OIDC_SCHOOLS));
  for (const code of allowedSchools) if (!SCHOOL_CODE.test(code)) throw new Error(`CHANJIAO_OIDC_SCHOOLS: 学校代码无效 invalid school code "${code}"`);
  return {
    issuer: url(env, 'CHANJIAO_OIDC_ISSUER'),
    clientId: required('CHANJIAO_OIDC_CLIENT_ID'),
    clientSecret: required('CHANJIAO_OIDC_CLIENT_SECRET'),
    redirectUrl,
    scope: env.CHANJIAO_OIDC_SCOPE || 'openid profile',
    usernameClaim: env.CHANJIAO_OIDC_USERNAME_CLAIM || 'preferred_username',
    roleClaim: required('CHANJIAO_OIDC_ROLE_CLAIM'),
    roles,
    schoolClaim: env.CHANJIAO_OIDC_SCHOOL_CLAIM || 'school_codes',
    allowedSchools,
    inputClaim: env.CHANJIAO_OIDC_INPUT_CLAIM || 'inputs',
  };
}

export interface SsoAccount { subject: string; username: string; display_name: string; role: Role; schools: string[]; inputs: string[] }

export type Mapped = { ok: true; account: SsoAccount } | { ok: false; reason: string; message: string };

/** A claim as a list of strings: one value, an array, or a space/comma-separated string. */
function values(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof claim === 'string' || typeof claim === 'number') return String(claim).split(/[\s,]+/).filter(Boolean);
  return [];
}

const refuse = (reason: string, message: string): Mapped => ({ ok: false, reason, message });

/** The account the claims describe, or why they are refused (Chinese — English). */
export function mapClaims(settings: SsoSettings, claims: Record<string, unknown>): Mapped {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const username = String(claims[settings.usernameClaim] ?? '');
  if (!subject || !USERNAME.test(username)) {
    return refuse('username', `统一身份认证未提供可用的用户名（声明 ${settings.usernameClaim}：“${username}”），请联系管理员 — `
      + `no usable user name in claim ${settings.usernameClaim}`);
  }
  const given = values(claims[settings.roleClaim]);
  const roles = new Set(given.flatMap((v) => (settings.roles.has(v) ? [settings.roles.get(v)!] : [])));
  if (roles.size === 0) {
    const shown = given.length ? given.map((v) => `“${v}”`).join('、') : '（空）';
    return refuse('role', `统一身份认证的角色 ${shown}（声明 ${settings.roleClaim}）未获授权使用本系统，请联系管理员 — `
      + `the role ${given.length ? given.join(', ') : '(none)'} in claim ${settings.roleClaim} is not mapped to an account role`);
  }
  if (roles.size > 1) {
    return refuse('role', `统一身份认证的角色 ${given.join('、')} 对应多个角色（${[...roles].join('、')}），无法确定权限，请联系管理员 — `
      + `the claim ${settings.roleClaim} maps to several roles (${[...roles].join(', ')})`);
  }
  const role = [...roles][0];
  const schools = role === 'school' ? values(claims[settings.schoolClaim]) : [];
  if (role === 'school') {
    const bad = schools.filter((code) => !SCHOOL_CODE.test(code) || (settings.allowedSchools.size > 0 && !settings.allowedSchools.has(code)));
    if (schools.length === 0 || bad.length) {
      const shown = bad.length ? bad.map((v) => `“${v}”`).join('、') : '（空）';
      return refuse('school', `统一身份认证的学校代码 ${shown}（声明 ${settings.schoolClaim}）未获授权，请联系管理员 — `
        + `the school code ${bad.length ? bad.join(', ') : '(none)'} in claim ${settings.schoolClaim} is not allowed`);
    }
  }
  const inputs = role === 'provider' ? values(claims[settings.inputClaim]) : [];
  const unknownInputs = inputs.filter((input) => !isDeliveredInput(input));
  if (unknownInputs.length) {
    return refuse('input', `统一身份认证的数据表 ${unknownInputs.map((v) => `“${v}”`).join('、')}（声明 ${settings.inputClaim}）不存在，请联系管理员 — `
      + `unknown input ${unknownInputs.join(', ')} in claim ${settings.inputClaim}`);
  }
  const name = typeof claims.name === 'string' ? claims.name.slice(0, 64) : '';
  return { ok: true, account: { subject, username, display_name: name, role, schools, inputs } };
}
