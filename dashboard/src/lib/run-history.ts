/**
 * The run history as analysts need it: whether the nightly refresh let them down (the data shown is
 * then older than the schedule promises) and how long each run and stage took.
 */
import type { RunRecord } from './types-snapshot.ts';

const newestFirst = (runs: readonly RunRecord[]) => [...runs].sort((a, b) => b.started_at.localeCompare(a.started_at));

/**
 * The newest finished scheduled run when it failed or was killed, else null (manual runs do not
 * count: someone was watching; a run still going has not let anyone down yet).
 */
export function failedScheduledRun(runs: readonly RunRecord[]): RunRecord | null {
  const newest = newestFirst(runs).find((r) => r.trigger === 'schedule' && r.outcome !== 'running');
  return newest?.outcome === 'failed' || newest?.outcome === 'killed' ? newest : null;
}

/** Runs newest first with their wall time in milliseconds; null for a killed run, whose end is not known (only when it was found). */
export function runsWithDuration(runs: readonly RunRecord[]): (RunRecord & { duration_ms: number | null })[] {
  return newestFirst(runs).map((r) => ({ ...r, duration_ms: r.outcome === 'killed' ? null : Date.parse(r.finished_at) - Date.parse(r.started_at) }));
}
