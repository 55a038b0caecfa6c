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
  // school_code: the school a constraint is about (its own cap, its programmes); null for the city's
  // (total, budget, an industry's gap, a major's duplication cap), which name no school.
  mart_plan_constraints: `
-- grain: kind, constraint
-- not null: label_zh, label_en
-- accepted values: kind in (binding, conflict)
-- references: school_code -> dim_school
kind VARCHAR, "constraint" VARCHAR, school_code VARCHAR, label_zh VARCHAR, label_en VARCHAR`,
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

/** Constraints of one school (its intake cap) and of one programme (`<prefix>_<school>_<major>`). */
const SCHOOL_CONSTRAINT = /^school_(.+)$/;
const PROGRAMME_CONSTRAINT = /^(?:minclass|newmax|lock|estimated|beyond|change|new)_(.+)_[^_]+$/;
/** The city's: its total and budget, an industry's gap in a year, a major's duplication cap (a count of schools, naming none). */
const CITY_CONSTRAINT = /^(?:city_total|budget|gap_.+|dup_.+)$/;

/**
 * The school a constraint of the plan is about, or null for a city-wide one. A constraint of no
 * known kind is refused rather than shown to every school: its label may name one.
 */
export function constraintSchool(constraint: string): string | null {
  const own = SCHOOL_CONSTRAINT.exec(constraint) ?? PROGRAMME_CONSTRAINT.exec(constraint);
  if (own) return own[1];
  if (CITY_CONSTRAINT.test(constraint)) return null;
  throw new Error(`constraint ${constraint}: neither a school's nor the city's (write-plan.ts, constraintSchool)`);
}

async function table(conn: DuckDBConnection, name: PlanTable, rows: Value[][]) {
  await conn.run(`CREATE OR REPLACE TABLE ${name} (${MARTS[name]})`);
  await appendRows(conn, name, rows);
}

export async function writePlanTables(conn: DuckDBConnection, plan: PlanResult): Promise<void> {
  await table(conn, 'mart_plan',
    plan.changes.map((c) => [c.school_code, c.major_code, c.existing, c.year, c.plan, c.change, c.proposed, c.industry_code, c.reason_zh, c.reason_en]));
  await table(conn, 'mart_plan_gap', plan.gaps.map((g) => [g.industry_code, g.year, g.gap_before, g.gap_after]));
  await table(conn, 'mart_plan_constraints', [
    ...plan.binding.map((b): Value[] => ['binding', b.constraint, constraintSchool(b.constraint), b.label_zh, b.label_en]),
    ...plan.conflict.map((b): Value[] => ['conflict', b.constraint, constraintSchool(b.constraint), b.label_zh, b.label_en]),
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
