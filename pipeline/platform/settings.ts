/**
 * The platform's settings, from the environment (docs/operations.md lists them), and the startup
 * rule: with no accounts the server is the local single-analyst tool and listens on loopback only;
 * with accounts everyone signs in; no accounts on any other address refuses to start.
 */
import { appDbPath, openAppDb } from './app-db.ts';
import { countUsers } from './accounts.ts';
import { isLoopback } from './bind.ts';
import { createGate } from './gate.ts';
import type { SessionLimits } from './sessions.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, type UploadSettings } from './uploads.ts';
import { ssoSettings, type SsoSettings } from './sso-claims.ts';

export interface PlatformSettings {
  trustProxy: boolean;
  maxUploadBytes: number;
  providerMayAccept: boolean;
  limits: SessionLimits;
  /** Single sign-on (CHANJIAO_OIDC_*), null when not configured. */
  sso: SsoSettings | null;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`${name}=${raw}: 应为正数 — must be a positive number`);
  return n;
}

const flag = (env: NodeJS.ProcessEnv, name: string) => env[name] === '1' || env[name] === 'true';

export function platformSettings(env: NodeJS.ProcessEnv = process.env): PlatformSettings {
  return {
    trustProxy: flag(env, 'CHANJIAO_TRUST_PROXY'),
    providerMayAccept: flag(env, 'CHANJIAO_PROVIDER_ACCEPT'),
    maxUploadBytes: positive(env, 'CHANJIAO_MAX_UPLOAD_MB', DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024) * 1024 * 1024,
    limits: {
      idleMs: positive(env, 'CHANJIAO_SESSION_IDLE_MINUTES', 30) * 60_000,
      absoluteMs: positive(env, 'CHANJIAO_SESSION_HOURS', 12) * 3_600_000,
    },
    sso: ssoSettings(env),
  };
}

export interface GateSetup {
  host: string;
  warehouseDir: string;
  dataDir: string;
  referenceDir: string;
  policyPath: string;
  settings: PlatformSettings;
  refresh?: () => Promise<string>;
}

/** The gate for this start, or undefined in the local single-analyst mode; throws when that mode is not safe. */
export function platformGate(setup: GateSetup): ReturnType<typeof createGate> | undefined {
  const db = openAppDb(appDbPath(setup.warehouseDir));
  if (countUsers(db) === 0) {
    db.close();
    if (isLoopback(setup.host)) return undefined;
    throw new Error(`没有账号，拒绝在 ${setup.host} 上提供服务。先创建管理员：npm run users -- add admin --role admin\n`
      + `  No accounts: refusing to serve on ${setup.host}, where others could reach every school's data. Create an admin first (docs/operations.md).`);
  }
  const { settings } = setup;
  const uploads: UploadSettings = {
    warehouseDir: setup.warehouseDir, dataDir: setup.dataDir, referenceDir: setup.referenceDir, policyPath: setup.policyPath,
    maxBytes: settings.maxUploadBytes, providerMayAccept: settings.providerMayAccept,
  };
  return createGate({ db, uploads, trustProxy: settings.trustProxy, limits: settings.limits, refresh: setup.refresh, sso: settings.sso });
}
