/**
 * The planner stage of a refresh: the proposed plan under the policy file's constraints, written as
 * marts (mart_plan, mart_plan_gap, mart_plan_constraints, mart_plan_status) after the models.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../config/policy.ts';
import type { PlanInstance, PlanResult } from '../shared/planner/instance.ts';
import { policySettings, readInstance } from './read-instance.ts';
import { solvePlan } from '../shared/planner/solve.ts';
import { appendRows, type RowValue as Value } from '../load/append-rows.ts';

/** The marts the planner writes, in the order it writes them. */
export const PLAN_TABLES = ['mart_plan', 'mart_plan_gap', 'mart_plan_constraints', 'mart_plan_status'] as const;

async function table(conn: DuckDBConnection, name: string, columns: string, rows: Value[][]) {
  await conn.run(`CREATE OR REPLACE TABLE ${name} (${columns})`);
  await appendRows(conn, name, rows);
}

export async function writePlanTables(conn: DuckDBConnection, plan: PlanResult): Promise<void> {
  await table(conn, 'mart_plan', `school_code VARCHAR, major_code VARCHAR, existing BOOLEAN, year INTEGER, plan INTEGER, change INTEGER,
    proposed INTEGER, industry_code VARCHAR, reason_zh VARCHAR, reason_en VARCHAR`,
  plan.changes.map((c) => [c.school_code, c.major_code, c.existing, c.year, c.plan, c.change, c.proposed, c.industry_code, c.reason_zh, c.reason_en]));
  await table(conn, 'mart_plan_gap', 'industry_code VARCHAR, year INTEGER, gap_before DOUBLE, gap_after DOUBLE',
    plan.gaps.map((g) => [g.industry_code, g.year, g.gap_before, g.gap_after]));
  await table(conn, 'mart_plan_constraints', 'kind VARCHAR, "constraint" VARCHAR, label_zh VARCHAR, label_en VARCHAR', [
    ...plan.binding.map((b): Value[] => ['binding', b.constraint, b.label_zh, b.label_en]),
    ...plan.conflict.map((b): Value[] => ['conflict', b.constraint, b.label_zh, b.label_en]),
  ]);
  await table(conn, 'mart_plan_status', `status VARCHAR, solver_status VARCHAR, objective DOUBLE, mip_gap DOUBLE,
    variables INTEGER, constraints INTEGER, changes INTEGER, message_zh VARCHAR, message_en VARCHAR`,
  [[plan.status, plan.solver_status, plan.objective, plan.mip_gap, plan.variables, plan.constraints, plan.changes.length, plan.message_zh, plan.message_en]]);
}

/** Reads the instance, solves it with `solve` (on this thread unless told otherwise) and writes the plan's marts. */
export async function writePlan(conn: DuckDBConnection, policy: Policy, solve: (instance: PlanInstance) => Promise<PlanResult> = solvePlan): Promise<PlanResult> {
  const plan = await solve(await readInstance(conn, policySettings(policy)));
  await writePlanTables(conn, plan);
  return plan;
}
