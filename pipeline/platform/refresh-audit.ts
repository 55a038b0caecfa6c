/**
 * Refreshes in the audit log, each entry naming its run (the run history's id, target): an
 * admin's start and its outcome, a run no admin started (the server's schedule, `npm run refresh`,
 * another server on the warehouse) once it has ended, and a run found dead. A run killed mid-run
 * (a signal, out of memory, a power cut; with the server it ran in) never writes its outcome: once
 * the run history reads it as killed (history.ts: recorded so by the next run, or marked running
 * with no live process holding the lock for it), it is audited as killed, once per run, whoever
 * finds it first. Both are found when the server starts, before a refresh and when the log is read.
 */
import type { AppDb } from './app-db.ts';
import { audit } from './audit.ts';
import { readHistory, type RunRecord } from '../refresh/history.ts';

/** The audit's actor of a run no admin started here (the schedule, the command line). */
export const SYSTEM_ACTOR = 'system';

const everyRun = (warehouseDir: string, now?: Date) => readHistory(warehouseDir, Number.MAX_SAFE_INTEGER, now);

/** The ids of the runs in the history so far. */
export function runIds(warehouseDir: string): Set<string> {
  return new Set(everyRun(warehouseDir).flatMap((r) => (r.run ? [r.run] : [])));
}

/**
 * The id of the run a refresh call began: the newest run the history gained since `before`. A
 * refresh writes its start line (or, refused by the lock, its start and failure) before its first
 * wait, so it is there once the call returns. Empty when there is none.
 */
export function startedRun(warehouseDir: string, before: ReadonlySet<string>): string {
  return everyRun(warehouseDir).find((r) => r.run && !before.has(r.run))?.run ?? '';
}

/**
 * Audits as killed every run the history reads as killed that the audit has no such entry for:
 * as the admin who started it when the audit names its start, else as `system`. Runs without an
 * id (history lines of older versions) cannot be told apart and are left.
 */
function auditKilledRuns(db: AppDb, runs: readonly RunRecord[], now: Date): void {
  const killed = runs.filter((r) => r.outcome === 'killed' && r.run);
  if (!killed.length) return;
  const audited = db.prepare(`SELECT 1 FROM audit WHERE action = 'refresh' AND target = ? AND detail LIKE 'killed%'`).pluck();
  const start = db.prepare(`SELECT actor, ip FROM audit WHERE action = 'refresh' AND target = ? AND detail = 'started' ORDER BY id LIMIT 1`);
  // Immediate: two servers on one database finding the same run write it once.
  db.transaction(() => killed.forEach((r) => {
    if (audited.get(r.run)) return;
    const by = start.get(r.run) as { actor: string; ip: string } | undefined;
    audit(db, {
      actor: by?.actor ?? SYSTEM_ACTOR, action: 'refresh', target: r.run, ip: by?.ip,
      detail: `killed: started ${r.started_at} (${r.trigger}), found ${r.finished_at}: ${r.error ?? ''}`.trimEnd(),
    }, now);
  })).immediate();
}

/**
 * Audits as `system` every run that ended (published or failed) with no entry in the audit: a run
 * no admin started here, whose start the audit never saw. Runs that started before the audit's
 * first entry were no events of the platform and are left.
 */
function auditUnattendedRuns(db: AppDb, runs: readonly RunRecord[], now: Date): void {
  const opened = db.prepare('SELECT min(at) FROM audit').pluck().get() as string | null;
  if (opened === null) return;
  const ended = runs.filter((r) => r.run && (r.outcome === 'ok' || r.outcome === 'failed') && r.started_at >= opened);
  if (!ended.length) return;
  const audited = db.prepare(`SELECT 1 FROM audit WHERE action = 'refresh' AND target = ?`).pluck();
  db.transaction(() => ended.forEach((r) => {
    if (audited.get(r.run)) return;
    const when = `${r.trigger}, started ${r.started_at}, ended ${r.finished_at}`;
    audit(db, {
      actor: SYSTEM_ACTOR, action: 'refresh', target: r.run,
      detail: r.outcome === 'ok' ? `published ${r.snapshot} (${when})` : `failed (${when}): ${(r.error ?? '').split('\n')[0]}`.trimEnd(),
    }, now);
  })).immediate();
}

/** The runs the audit has not seen end, audited (auditKilledRuns, auditUnattendedRuns); a failure must not stop what found them (the server's start, a refresh, a reading of the log): said, not thrown. */
export function noteRuns(db: AppDb, warehouseDir: string): void {
  try {
    const now = new Date();
    // The history read once, oldest first, for both.
    const runs = everyRun(warehouseDir, now).reverse();
    auditKilledRuns(db, runs, now);
    auditUnattendedRuns(db, runs, now);
  } catch (error) {
    console.warn(`刷新未能记入审计日志 — could not audit refresh runs: ${(error as Error).message}`);
  }
}
