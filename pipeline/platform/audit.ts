/** The audit log: who did what, when, from where. Append-only (triggers in app-db.ts refuse changes). */
import type { AppDb } from './app-db.ts';
import { excelCsv } from '../shared/csv.ts';

export interface AuditEntry { id: number; at: string; actor: string; action: string; target: string; detail: string; ip: string }

export type AuditAction =
  | 'login' | 'login_failed' | 'logout' | 'password_changed' | 'password_reset'
  | 'user_added' | 'user_changed' | 'token_created'
  | 'upload' | 'upload_accepted' | 'upload_discarded' | 'upload_withdrawn'
  | 'refresh' | 'rollback' | 'schedule_set' | 'report_download';

export function audit(db: AppDb, entry: { actor: string; action: AuditAction; target?: string; detail?: string; ip?: string }, at = new Date()): void {
  db.prepare('INSERT INTO audit (at, actor, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?)')
    .run(at.toISOString(), entry.actor, entry.action, entry.target ?? '', entry.detail ?? '', entry.ip ?? '');
}

export interface AuditQuery { limit?: number; before?: number; action?: string; actor?: string }

/** Newest first; `before` pages back by id. */
export function listAudit(db: AppDb, query: AuditQuery = {}): AuditEntry[] {
  return db.prepare(
    `SELECT * FROM audit WHERE id < ? AND (? IS NULL OR action = ?) AND (? IS NULL OR actor = ?) ORDER BY id DESC LIMIT ?`,
  ).all(query.before ?? Number.MAX_SAFE_INTEGER, query.action ?? null, query.action ?? null, query.actor ?? null,
    query.actor ?? null, Math.min(query.limit ?? 200, 10_000)) as AuditEntry[];
}

const COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'detail', 'ip'] as const;
const HEADER = ['序号 id', '时间 at (UTC)', '用户 actor', '操作 action', '对象 target', '详情 detail', '地址 ip'];

/** The whole log as CSV that opens in Excel (UTF-8 with BOM, CRLF), oldest first. */
export function auditCsv(db: AppDb): string {
  const rows = db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditEntry[];
  return excelCsv([HEADER, ...rows.map((r) => COLUMNS.map((c) => r[c]))]);
}
