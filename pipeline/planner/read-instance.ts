/** The planner's instance from a built warehouse (mart_plan_options, mart_plan_effects, mart_future_gap) and the policy. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PlanInstance } from '../shared/planner/instance.ts';
import { instanceFromRows, type EffectRow, type FutureGapRow, type IndustryNameRow, type Locks, type MajorNameRow, type SchoolNameRow, type OptionRow,
  type PlannerParameters, plannerSettings } from '../shared/planner/instance-rows.ts';
import type { Policy } from '../config/policy.ts';
import { readRows } from '../transform/read-rows.ts';

export type { Locks } from '../shared/planner/instance-rows.ts';

/** The planner's settings from the policy file. */
export const policySettings = (policy: Policy): PlannerParameters =>
  plannerSettings(policy.planner, policy.concentration.duplicated_above_schools);

/** What the instance reads: the planner can start once the models building these are done. */
export const INSTANCE_TABLES = ['mart_plan_options', 'mart_plan_effects', 'mart_future_gap', 'stg_industries', 'stg_schools', 'stg_majors'] as const;

const rows = async <T>(conn: DuckDBConnection, sql: string) => (await readRows(conn, sql)) as unknown as T[];

export async function readInstance(conn: DuckDBConnection, parameters: PlannerParameters, locks: Locks = {}): Promise<PlanInstance> {
  return instanceFromRows({
    options: await rows<OptionRow>(conn, 'SELECT school_code, major_code, existing, open_any, open_adjacent, plan, plan_estimated, year, cost FROM mart_plan_options'),
    effects: await rows<EffectRow>(conn, 'SELECT school_code, major_code, industry_code, per_seat FROM mart_plan_effects'),
    gaps: await rows<FutureGapRow>(conn, 'SELECT industry_code, year, future_gap FROM mart_future_gap'),
    names: await rows<IndustryNameRow>(conn, 'SELECT industry_code, name_zh, name_en FROM stg_industries'),
    schools: await rows<SchoolNameRow>(conn, 'SELECT school_code, school_name FROM stg_schools'),
    majors: await rows<MajorNameRow>(conn, 'SELECT major_code, major_name FROM stg_majors'),
  }, parameters, locks);
}
