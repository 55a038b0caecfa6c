/**
 * One cold run of the enrolment planner over a built warehouse (a copy, so the served one is never
 * written): reads the instance, solves it, prints one JSON line with the time, the outcome and the
 * peak RSS. Run by bench/planner.ts in a fresh process each time.
 *   npx tsx bench/planner-once.ts <warehouse.duckdb>
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readPolicy } from '../pipeline/config/policy.ts';
import { policySettings, readInstance } from '../pipeline/planner/read-instance.ts';
import { solvePlan } from '../pipeline/shared/planner/solve.ts';

const [file] = process.argv.slice(2);
const started = performance.now();
const conn = await (await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })).connect();
const instance = await readInstance(conn, policySettings(readPolicy()));
const read_ms = performance.now() - started;
const plan = await solvePlan(instance);
console.log(JSON.stringify({
  ms: performance.now() - started, read_ms, solve_ms: plan.seconds * 1000, status: plan.status, mip_gap: plan.mip_gap,
  options: instance.options.length, variables: plan.variables, constraints: plan.constraints, changes: plan.changes.length,
  max_rss_mb: process.resourceUsage().maxRSS / 1024,
}));
