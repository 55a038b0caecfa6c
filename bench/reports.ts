/**
 * Benchmark: every school and industry report of the sample (HTML, XLSX, CSV and the index),
 * generated from a warehouse built once, each run in a fresh process so that each is as cold as
 * the refresh's reports stage. Budget: under 3 s for the sample.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refresh } from '../pipeline/refresh/refresh.ts';
import { DEFAULTS } from '../pipeline/config/paths.ts';
import { median, p95 } from './stats.ts';

export interface ReportsRun { ms: number; cpu_ms: number; files: number; bytes: number; max_rss_mb: number }

export interface ReportsBench {
  runs: ReportsRun[];
  median_ms: number;
  p95_ms: number;
  cpu_median_ms: number;
  files: number;
  megabytes: number;
  max_rss_mb: number;
}

/** Builds the sample's warehouse (or uses `warehouseDir`), then times `runs` cold report runs. */
export async function benchReports(runs: number, warehouseDir?: string): Promise<ReportsBench> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    const warehouse = warehouseDir ?? join(scratch, 'warehouse');
    if (!warehouseDir) await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir: warehouse });
    const results: ReportsRun[] = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync('npx', ['tsx', 'bench/reports-once.ts', warehouse, join(scratch, `reports-${i}`)],
        { encoding: 'utf8' });
      results.push(JSON.parse(out.trim().split('\n').pop()!));
    }
    return {
      runs: results,
      median_ms: median(results.map((r) => r.ms)),
      p95_ms: p95(results.map((r) => r.ms)),
      cpu_median_ms: median(results.map((r) => r.cpu_ms)),
      files: results[0].files,
      megabytes: results[0].bytes / 1024 / 1024,
      max_rss_mb: Math.max(...results.map((r) => r.max_rss_mb)),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
