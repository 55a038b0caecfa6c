/**
 * Benchmark: the enrolment planner (read the instance from the warehouse, solve it with HiGHS) in a
 * fresh process per run, over a warehouse the refresh benchmark built. Goals: the city instance
 * optimal (within planner.mip_gap) in < 2 s; the national one within 60 s or its gap reported.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CURRENT, WAREHOUSE_FILE } from '../pipeline/refresh/snapshot.ts';
import { median } from './stats.ts';

export interface PlannerRun {
  ms: number; read_ms: number; solve_ms: number; status: string; mip_gap: number | null;
  options: number; variables: number; constraints: number; changes: number; max_rss_mb: number;
}

export interface PlannerBench { runs: PlannerRun[]; median_ms: number; solve_median_ms: number; last: PlannerRun }

export function benchPlanner(runs: number, warehouseDir: string): PlannerBench {
  const file = join(warehouseDir, CURRENT, WAREHOUSE_FILE);
  const results: PlannerRun[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync('npx', ['tsx', 'bench/planner-once.ts', file], { encoding: 'utf8' });
    results.push(JSON.parse(out.trim().split('\n').pop()!) as PlannerRun);
  }
  return { runs: results, median_ms: median(results.map((r) => r.ms)), solve_median_ms: median(results.map((r) => r.solve_ms)), last: results[results.length - 1] };
}
