/**
 * 数据状态 per provider: for each input, who delivers it, the last delivery and the last accepted
 * version (when and by whom it was accepted, who sent it, rows, rejects), and whether it is overdue against its expected schedule
 * (`delivery_schedule`: every N days). An input never accepted but on a schedule is overdue.
 */
import type { AppDb } from './app-db.ts';
import type { User } from './accounts.ts';
import { DELIVERED_INPUTS, isDeliveredInput } from '../config/schema.ts';
import { audit } from './audit.ts';

export interface Delivery {
  input: string;
  providers: string[];
  every_days: number | null;
  last_upload: { at: string; by: string; status: string; rows: number; rejected: number } | null;
  /** `at` and `by`: when and by which account it was accepted; `sent_by`: the account that delivered it. */
  last_accepted: { at: string; by: string | null; sent_by: string; rows: number; rejected: number } | null;
  /** When the next accepted delivery is due (ISO date), null without a schedule. */
  due: string | null;
  overdue: boolean;
}

const DAY_MS = 86_400_000;

/** Sets (a whole number of days) or clears (null) an input's expected delivery interval, audited as `by`'s. */
export function setSchedule(db: AppDb, input: string, everyDays: number | null, by: { actor: string; ip?: string }): void {
  if (!isDeliveredInput(input)) throw new Error(`未知的数据表 unknown input "${input}" (${DELIVERED_INPUTS.join(', ')})`);
  if (everyDays !== null && !(Number.isInteger(everyDays) && everyDays > 0)) throw new Error(`天数无效 invalid number of days "${everyDays}": a whole number of days, or none`);
  if (everyDays === null) db.prepare('DELETE FROM delivery_schedule WHERE input = ?').run(input);
  else db.prepare('INSERT INTO delivery_schedule (input, every_days) VALUES (?, ?) ON CONFLICT (input) DO UPDATE SET every_days = excluded.every_days').run(input, everyDays);
  audit(db, { ...by, action: 'schedule_set', target: input, detail: everyDays === null ? 'none' : `every ${everyDays} days` });
}

/** Every input's delivery state; a provider sees only the inputs it is bound to. */
export function deliveries(db: AppDb, viewer: User, now = new Date()): Delivery[] {
  const inputs = viewer.role === 'provider' ? DELIVERED_INPUTS.filter((t) => viewer.inputs.includes(t)) : [...DELIVERED_INPUTS];
  return inputs.map((input) => {
    const providers = db.prepare(
      `SELECT u.username FROM user_inputs b JOIN users u ON u.id = b.user_id WHERE b.input = ? AND u.disabled = 0 ORDER BY 1`,
    ).pluck().all(input) as string[];
    const every = db.prepare('SELECT every_days FROM delivery_schedule WHERE input = ?').pluck().get(input) as number | undefined;
    const last = db.prepare(
      `SELECT up.uploaded_at AS at, u.username AS by, up.status, up.rows, up.rejected FROM uploads up JOIN users u ON u.id = up.uploaded_by
       WHERE up.input = ? ORDER BY up.id DESC LIMIT 1`,
    ).get(input) as Delivery['last_upload'] | undefined;
    // A school's own rows (a check that `replaces` them) are not the delivery of the whole input that is due.
    const accepted = db.prepare(
      `SELECT up.decided_at AS at, d.username AS by, u.username AS sent_by, up.rows, up.rejected
       FROM uploads up JOIN users u ON u.id = up.uploaded_by LEFT JOIN users d ON d.id = up.decided_by
       WHERE up.input = ? AND up.status = 'accepted' AND json_extract(up.check_report, '$.replaces') IS NULL ORDER BY up.id DESC LIMIT 1`,
    ).get(input) as Delivery['last_accepted'] | undefined;
    const due = every === undefined ? null
      : new Date((accepted ? Date.parse(accepted.at) : 0) + every * DAY_MS);
    return {
      input, providers, every_days: every ?? null, last_upload: last ?? null, last_accepted: accepted ?? null,
      due: due && accepted ? due.toISOString() : null,
      overdue: due !== null && due.getTime() < now.getTime(),
    };
  });
}
