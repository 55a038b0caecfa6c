/**
 * Server-side sessions: the cookie holds a random token, the database only its hash, so a copy of
 * the database opens no session. Each session has its own CSRF token, an idle limit and an
 * absolute lifetime.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppDb } from './app-db.ts';
import { userById, type User } from './accounts.ts';

export interface SessionLimits {
  /** Ends after this long without a request. */
  idleMs: number;
  /** Ends this long after login whatever happens. */
  absoluteMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

export interface Session { user: User; csrf: string; tokenHash: string }

export const sessionHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

/** A new session for the user; returns the cookie token (never stored) and its CSRF token. */
export function createSession(db: AppDb, userId: number, limits: SessionLimits, now = Date.now()): { token: string; csrf: string } {
  const token = randomToken();
  const csrf = randomToken();
  db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?').run(now, now - limits.idleMs);
  db.prepare('INSERT INTO sessions (id_hash, user_id, csrf, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(sessionHash(token), userId, csrf, now, now, now + limits.absoluteMs);
  return { token, csrf };
}

/** The live session of a cookie token, or null (unknown, idle too long, expired, user disabled). */
export function readSession(db: AppDb, token: string, limits: SessionLimits, now = Date.now()): Session | null {
  const tokenHash = sessionHash(token);
  const row = db.prepare('SELECT user_id, csrf, last_seen, expires_at FROM sessions WHERE id_hash = ?').get(tokenHash) as
    { user_id: number; csrf: string; last_seen: number; expires_at: number } | undefined;
  if (!row) return null;
  if (row.expires_at <= now || row.last_seen + limits.idleMs <= now) {
    db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(tokenHash);
    return null;
  }
  const user = userById(db, row.user_id);
  if (!user || user.disabled) return null;
  // Written at most once a minute (or a quarter of the idle limit): most requests only read.
  if (now - row.last_seen > Math.min(60_000, limits.idleMs / 4)) db.prepare('UPDATE sessions SET last_seen = ? WHERE id_hash = ?').run(now, tokenHash);
  return { user, csrf: row.csrf, tokenHash };
}

export function endSession(db: AppDb, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(tokenHash);
}
