/** Benchmark: full refresh of a data folder, each run in a fresh process and a fresh warehouse. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, p95 } from './stats.ts';

export interface RefreshRun { ms: number; cpu_ms?: number; stages: Record<string, number>; max_rss_mb: number }

export interface RefreshBench {
  runs: RefreshRun[];
  median_ms: number;
  p95_ms: number;
  cpu_median_ms?: number;
  max_rss_mb: number;
  stage_median_ms: Record<string, number>;
}

/** Times `runs` refreshes of `dataDir`; with `keep`, the last run's warehouse is moved there for the benchmarks that read one. */
export function benchRefresh(dataDir: string, runs: number, keep?: string): RefreshBench {
  const results: RefreshRun[] = [];
  for (let i = 0; i < runs; i++) {
    const warehouse = mkdtempSync(join(tmpdir(), 'bench-wh-'));
    const out = execFileSync('npx', ['tsx', 'bench/refresh-once.ts', dataDir, warehouse], { encoding: 'utf8', maxBuffer: 1 << 26 });
    results.push(JSON.parse(out.trim().split('\n').pop()!));
    if (keep && i === runs - 1) renameSync(warehouse, keep);
    else rmSync(warehouse, { recursive: true, force: true });
  }
  return summariseRuns(results);
}

/** Medians, p95 and peak memory of a series of refresh runs (stage names from the first run). */
export function summariseRuns(results: RefreshRun[]): RefreshBench {
  const stages = Object.keys(results[0].stages);
  return {
    runs: results,
    median_ms: median(results.map((r) => r.ms)),
    p95_ms: p95(results.map((r) => r.ms)),
    cpu_median_ms: median(results.map((r) => r.cpu_ms ?? 0)),
    max_rss_mb: Math.max(...results.map((r) => r.max_rss_mb)),
    stage_median_ms: Object.fromEntries(stages.map((s) => [s, median(results.map((r) => r.stages[s]))])),
  };
}
