/**
 * The proposal archive: the plan a refresh proposed for Y + 1 (Y the latest programme year), kept in
 * `<warehouse>/plans/plan-<Y+1>.csv` outside the snapshots so that a refresh a year later, when the
 * programmes data reach Y + 1, can compare it with the actual plan (闭环跟踪). The file has the
 * columns of schemas/plan_proposals.json and is read back by the normal loader.
 *
 * Rule: every published full refresh writes the archive of its plan year, replacing an earlier one of
 * that year; a refresh never writes the archive of a year its data already contain (its plan is for
 * the year after), so the proposal tracked is the last one made before that year's data arrived. A
 * plan that changes nothing removes the year's archive (there is nothing left to track); one that
 * could not be solved (infeasible, error) leaves it as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSchema } from '../config/schema.ts';
import { dataCell, type CsvValue } from '../shared/csv.ts';

export const PLANS_DIR = 'plans';

export const archiveFile = (warehouseDir: string, planYear: number) => join(warehouseDir, PLANS_DIR, `plan-${planYear}.csv`);

/** The archived proposal for a plan year, when there is one. */
export function archivedProposal(warehouseDir: string, planYear: number): string | undefined {
  const file = archiveFile(warehouseDir, planYear);
  return existsSync(file) ? file : undefined;
}

export interface ArchivedPlan { plan_year: number; file: string; rows: number }

/** Statuses with a plan to keep: an infeasible or failed solve leaves the previous archive in place. */
const PLANNED = new Set(['optimal', 'time_limit']);

/**
 * Writes the warehouse's proposed plan (mart_plan, with its gaps from mart_plan_gap) as the archive of
 * its plan year, atomically (a temporary file renamed over the old one); rows 0 when the plan changes
 * nothing and the archive was removed; null when there is no plan.
 */
export async function archiveProposal(conn: DuckDBConnection, warehouseDir: string,
  from: { snapshot: string; finished_at: string }): Promise<ArchivedPlan | null> {
  const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, CsvValue>[];
  const [status] = await read('SELECT status FROM mart_plan_status');
  if (!status || !PLANNED.has(String(status.status))) return null;
  const [{ y }] = await read('SELECT max(year)::INTEGER AS y FROM stg_programmes');
  if (y === null) return null;
  const planYear = Number(y) + 1;
  const rows = await read(`
    SELECT ${planYear} AS plan_year, p.school_code, p.major_code, p.plan, p.proposed, p.industry_code,
           p.year AS graduation_year, g.gap_before AS future_gap, g.gap_after AS future_gap_planned,
           '${from.snapshot.replaceAll("'", "''")}' AS snapshot, '${from.finished_at.replaceAll("'", "''")}' AS proposed_at
    FROM mart_plan AS p
    LEFT JOIN mart_plan_gap AS g ON g.industry_code = p.industry_code AND g.year = p.year
    ORDER BY p.school_code, p.major_code`);
  const file = archiveFile(warehouseDir, planYear);
  if (rows.length === 0) {
    rmSync(file, { force: true });
    return { plan_year: planYear, file, rows: 0 };
  }
  const fields = readSchema('plan_proposals').fields.map((f) => f.name);
  const text = [fields.join(','), ...rows.map((r) => fields.map((f) => dataCell(r[f])).join(','))].join('\n') + '\n';
  mkdirSync(join(warehouseDir, PLANS_DIR), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return { plan_year: planYear, file, rows: rows.length };
}
