/**
 * The proposal archive: the plan a refresh proposed for Y + 1 (Y the latest programme year), kept in
 * `<warehouse>/plans/plan-<Y+1>.csv` outside the snapshots so that a refresh a year later, when the
 * programmes data reach Y + 1, can compare it with the actual plan (闭环跟踪). The file has the
 * columns of schemas/plan_proposals.json and is read back by the normal loader.
 *
 * The file is written during the build (its DuckDB connection is open then) as a pending file in the
 * same folder, and renamed over the archive only once the snapshot is published.
 *
 * Rule: every published full refresh writes the archive of its plan year, replacing an earlier one of
 * that year; a refresh never writes the archive of a year its data already contain (its plan is for
 * the year after), so the proposal tracked is the last one made before that year's data arrived. A
 * plan that changes nothing removes the year's archive (there is nothing left to track); one that
 * could not be solved (infeasible, error, or out of time before any plan or bound) leaves it as it was.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export const PLANS_DIR = 'plans';

export const archiveFile = (warehouseDir: string, planYear: number) => join(warehouseDir, PLANS_DIR, `plan-${planYear}.csv`);

/** The archived proposal for a plan year, when there is one. */
export function archivedProposal(warehouseDir: string, planYear: number): string | undefined {
  const file = archiveFile(warehouseDir, planYear);
  return existsSync(file) ? file : undefined;
}

/**
 * A proposal written during a build, beside the archive, and moved over it only once the snapshot is
 * published (commitProposal); a failed build discards it. `pending` is null when the plan changes
 * nothing, and committing it removes the year's archive.
 */
export interface PendingPlan { plan_year: number; file: string; pending: string | null; rows: number }

/** Statuses with a plan to keep: an infeasible or failed solve leaves the previous archive in place. */
const PLANNED = new Set(['optimal', 'time_limit']);

const PENDING = /^\.pending-.*\.csv$/;

/**
 * Writes the warehouse's proposed plan (mart_plan, with its gaps from mart_plan_gap) as the pending
 * archive of its plan year; null when there is no plan to keep. Pending files a killed run left are removed.
 */
export async function writePendingProposal(conn: DuckDBConnection, warehouseDir: string,
  from: { snapshot: string; proposed_at: string }): Promise<PendingPlan | null> {
  const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const [status] = await read('SELECT status, mip_gap FROM mart_plan_status');
  if (!status || !PLANNED.has(String(status.status))) return null;
  // Time ran out before any plan or bound was found: the unchanged plan is no proposal to keep.
  if (status.status === 'time_limit' && status.mip_gap === null) return null;
  const [{ y }] = await read('SELECT max(year)::INTEGER AS y FROM stg_programmes');
  if (y === null) return null;
  const planYear = Number(y) + 1;
  const file = archiveFile(warehouseDir, planYear);
  const dir = join(warehouseDir, PLANS_DIR);
  mkdirSync(dir, { recursive: true });
  for (const left of readdirSync(dir).filter((name) => PENDING.test(name))) rmSync(join(dir, left), { force: true });
  const [{ n }] = await read('SELECT count(*)::INTEGER AS n FROM mart_plan');
  if (n === 0) return { plan_year: planYear, file, pending: null, rows: 0 };
  const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const pending = join(dir, `.pending-${from.snapshot}.csv`);
  // The columns of schemas/plan_proposals.json, in its order, so the loader reads the file back as any
  // input; DuckDB writes the CSV itself, so no rows pass through JavaScript on the refresh's path.
  await conn.run(`COPY (
    SELECT ${planYear} AS plan_year, p.school_code, p.major_code, p.plan, p.proposed, p.industry_code,
           p.year AS graduation_year, g.gap_before AS future_gap, g.gap_after AS future_gap_planned,
           ${text(from.snapshot)} AS snapshot, ${text(from.proposed_at)} AS proposed_at
    FROM mart_plan AS p
    LEFT JOIN mart_plan_gap AS g ON g.industry_code = p.industry_code AND g.year = p.year
    ORDER BY p.school_code, p.major_code
  ) TO ${text(pending)} (FORMAT csv, HEADER)`);
  return { plan_year: planYear, file, pending, rows: Number(n) };
}

/** The published build's proposal becomes the archive of its year (a rename: atomic), or removes it when it changes nothing. */
export function commitProposal(plan: PendingPlan): void {
  if (plan.pending) renameSync(plan.pending, plan.file);
  else rmSync(plan.file, { force: true });
}

/** A build that is not published leaves the archive as it was. */
export function discardProposal(plan: PendingPlan | null): void {
  if (plan?.pending) rmSync(plan.pending, { force: true });
}
