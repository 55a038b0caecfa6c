/**
 * Password login with throttling and lockout. Throttling is per client address (too many tries a
 * minute → wait); lockout is per account (five wrong passwords in a row → locked for 15 minutes,
 * or until an admin resets the password). An unknown user costs as much as a known one.
 */
import type { AppDb } from './app-db.ts';
import { userById, userRow, type User } from './accounts.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';

export interface LoginPolicy {
  maxFailures: number;
  lockMs: number;
  /** Attempts per address per minute. */
  perAddressPerMinute: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMs: 15 * 60_000, perAddressPerMinute: 10 };

export type LoginOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'locked' | 'throttled'; retryAfterS?: number };

/** Attempts per address in the current minute; old minutes are dropped as they pass. */
export class AddressThrottle {
  private counts = new Map<string, { minute: number; n: number }>();
  constructor(private perMinute: number) {}
  /** Counts one attempt; false when the address is over its allowance. */
  take(address: string, now = Date.now()): boolean {
    const minute = Math.floor(now / 60_000);
    if (this.counts.size > 10_000) for (const [key, v] of this.counts) if (v.minute < minute) this.counts.delete(key);
    const entry = this.counts.get(address);
    if (!entry || entry.minute !== minute) {
      this.counts.set(address, { minute, n: 1 });
      return true;
    }
    entry.n++;
    return entry.n <= this.perMinute;
  }
}

export async function passwordLogin(db: AppDb, throttle: AddressThrottle, policy: LoginPolicy,
  attempt: { username: string; password: string; address: string }, now = Date.now()): Promise<LoginOutcome> {
  if (!throttle.take(attempt.address, now)) return { ok: false, reason: 'throttled', retryAfterS: 60 - Math.floor((now % 60_000) / 1000) };
  const row = userRow(db, attempt.username);
  const matches = await verifyPassword(attempt.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !row.password_hash || row.disabled) return { ok: false, reason: 'invalid' };
  if (row.locked_until > now) return { ok: false, reason: 'locked', retryAfterS: Math.ceil((row.locked_until - now) / 1000) };
  if (!matches) {
    const failures = row.failed_logins + 1;
    const locked = failures >= policy.maxFailures;
    db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(locked ? 0 : failures, locked ? now + policy.lockMs : 0, row.id);
    return locked ? { ok: false, reason: 'locked', retryAfterS: Math.ceil(policy.lockMs / 1000) } : { ok: false, reason: 'invalid' };
  }
  db.prepare('UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?').run(row.id);
  return { ok: true, user: userById(db, row.id)! };
}
