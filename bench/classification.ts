/**
 * Benchmark of the postings' classification at a scale: a whole year cut into words and classified
 * again (bench/classify-once.ts, a fresh process per run) on the warehouse the full refresh built.
 * The classification of one new day is part of the nightly benchmark (its postings and models stages).
 */
import { execFileSync } from 'node:child_process';
import { median } from './stats.ts';

export interface ClassificationRun {
  postings: number; values: number; models: number; segment_ms: number; models_ms: number; ms: number; cpu_ms: number; max_rss_mb: number;
}

export interface ClassificationBench {
  runs: ClassificationRun[];
  postings: number;
  /** Distinct titles, employers and hints cut into words. */
  values: number;
  median_ms: number;
  segment_median_ms: number;
  models_median_ms: number;
  cpu_median_ms: number;
  max_rss_mb: number;
}

export function benchClassification(runs: number, warehouseDir: string): ClassificationBench {
  const results: ClassificationRun[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync('npx', ['tsx', 'bench/classify-once.ts', warehouseDir], { encoding: 'utf8' });
    results.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  return {
    runs: results,
    postings: results[0].postings,
    values: results[0].values,
    median_ms: median(results.map((r) => r.ms)),
    segment_median_ms: median(results.map((r) => r.segment_ms)),
    models_median_ms: median(results.map((r) => r.models_ms)),
    cpu_median_ms: median(results.map((r) => r.cpu_ms)),
    max_rss_mb: Math.max(...results.map((r) => r.max_rss_mb)),
  };
}
