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

/**
 * Attempts per address in the last sixty seconds. A window that slides, not the clock's minute:
 * a clock minute lets twice the allowance through either side of its turn.
 */
export class AddressThrottle {
  private attempts = new Map<string, number[]>();
  constructor(private perMinute: number) {}
  /** Counts one attempt; refused, with the seconds to wait, when the address is over its allowance. */
  take(address: string, now = Date.now()): { ok: boolean; retryAfterS: number } {
    const since = now - 60_000;
    if (this.attempts.size > 10_000) for (const [key, times] of this.attempts) if (times[times.length - 1] <= since) this.attempts.delete(key);
    const times = (this.attempts.get(address) ?? []).filter((t) => t > since);
    this.attempts.set(address, times);
    // Refused attempts are not kept: they do not lengthen the wait.
    if (times.length >= this.perMinute) return { ok: false, retryAfterS: Math.ceil((times[0] - since) / 1000) };
    times.push(now);
    return { ok: true, retryAfterS: 0 };
  }
}

export async function passwordLogin(db: AppDb, throttle: AddressThrottle, policy: LoginPolicy,
  attempt: { username: string; password: string; address: string }, now = Date.now()): Promise<LoginOutcome> {
  const allowed = throttle.take(attempt.address, now);
  if (!allowed.ok) return { ok: false, reason: 'throttled', retryAfterS: allowed.retryAfterS };
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
