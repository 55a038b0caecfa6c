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
import { parseContract, type Contract } from '../transform/model-contracts.ts';

/**
 * The marts the planner writes, in the order it writes them: their columns, headed by their
 * contract in the comment lines a model's header declares it in (model-contracts.ts), which the
 * model tests check once the plan is written (PLAN_CONTRACTS).
 */
const MARTS = {
  mart_plan: `
-- grain: school_code, major_code
-- not null: existing, year, plan, change, proposed, reason_zh, reason_en
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- references: industry_code -> dim_industry
school_code VARCHAR, major_code VARCHAR, existing BOOLEAN, year INTEGER, plan INTEGER, change INTEGER,
proposed INTEGER, industry_code VARCHAR, reason_zh VARCHAR, reason_en VARCHAR`,
  mart_plan_gap: `
-- grain: industry_code, year
-- not null: gap_before, gap_after
-- references: industry_code -> dim_industry
industry_code VARCHAR, year INTEGER, gap_before DOUBLE, gap_after DOUBLE`,
  mart_plan_constraints: `
-- grain: kind, constraint
-- not null: label_zh, label_en
-- accepted values: kind in (binding, conflict)
kind VARCHAR, "constraint" VARCHAR, label_zh VARCHAR, label_en VARCHAR`,
  // One row, the solve's.
  mart_plan_status: `
-- not null: status, solver_status, variables, constraints, changes, message_zh, message_en
-- accepted values: status in (optimal, time_limit, infeasible, no_options, error)
status VARCHAR, solver_status VARCHAR, objective DOUBLE, mip_gap DOUBLE,
variables INTEGER, constraints INTEGER, changes INTEGER, message_zh VARCHAR, message_en VARCHAR`,
};

type PlanTable = keyof typeof MARTS;

export const PLAN_TABLES = Object.keys(MARTS) as PlanTable[];

/** The planner's marts' contracts, for runModelTests (`contracts`). */
export const PLAN_CONTRACTS: ReadonlyMap<string, Contract> = new Map(PLAN_TABLES.flatMap((name) => {
  const contract = parseContract(MARTS[name], `pipeline/planner/write-plan.ts, ${name}`);
  return contract ? [[name, contract] as const] : [];
}));

async function table(conn: DuckDBConnection, name: PlanTable, rows: Value[][]) {
  await conn.run(`CREATE OR REPLACE TABLE ${name} (${MARTS[name]})`);
  await appendRows(conn, name, rows);
}

export async function writePlanTables(conn: DuckDBConnection, plan: PlanResult): Promise<void> {
  await table(conn, 'mart_plan',
    plan.changes.map((c) => [c.school_code, c.major_code, c.existing, c.year, c.plan, c.change, c.proposed, c.industry_code, c.reason_zh, c.reason_en]));
  await table(conn, 'mart_plan_gap', plan.gaps.map((g) => [g.industry_code, g.year, g.gap_before, g.gap_after]));
  await table(conn, 'mart_plan_constraints', [
    ...plan.binding.map((b): Value[] => ['binding', b.constraint, b.label_zh, b.label_en]),
    ...plan.conflict.map((b): Value[] => ['conflict', b.constraint, b.label_zh, b.label_en]),
  ]);
  await table(conn, 'mart_plan_status',
    [[plan.status, plan.solver_status, plan.objective, plan.mip_gap, plan.variables, plan.constraints, plan.changes.length, plan.message_zh, plan.message_en]]);
}

/** Reads the instance, solves it with `solve` (on this thread unless told otherwise) and writes the plan's marts. */
export async function writePlan(conn: DuckDBConnection, policy: Policy, solve: (instance: PlanInstance) => Promise<PlanResult> = solvePlan): Promise<PlanResult> {
  const plan = await solve(await readInstance(conn, policySettings(policy)));
  await writePlanTables(conn, plan);
  return plan;
}
