/**
 * Postings ingest against DuckDB's bare read_csv of the same files in the same benchmark run:
 * the ingest is the refresh's `postings` stage on a fresh warehouse (every daily file validated
 * by the loader, stored as Parquet, de-duplicated into raw_postings); the yardstick is
 * bench/bare-scan-once.ts. The ratio of their rows per second is the figure that matters (goal ≥ 0.8).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { POSTINGS_FOLDER } from '../pipeline/postings/daily-files.ts';
import type { RefreshBench } from './refresh.ts';
import { median } from './stats.ts';

export interface IngestBench {
  rows: number;
  bare_ms: number;
  bare_cpu_ms: number;
  ingest_ms: number;
  bare_rows_per_s: number;
  ingest_rows_per_s: number;
  /** ingest rows/s ÷ bare rows/s. */
  ratio: number;
}

/** `refresh` must come from cold refreshes of the same data folder (each run a fresh warehouse). */
export function benchIngest(dataDir: string, runs: number, refresh: RefreshBench): IngestBench {
  const bare = Array.from({ length: runs }, () => {
    const out = execFileSync('npx', ['tsx', 'bench/bare-scan-once.ts', join(dataDir, POSTINGS_FOLDER)], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { rows: number; ms: number; cpu_ms: number };
  });
  const rows = bare[0].rows;
  const bare_ms = median(bare.map((b) => b.ms));
  const ingest_ms = refresh.stage_median_ms.postings;
  return {
    rows,
    bare_ms,
    bare_cpu_ms: median(bare.map((b) => b.cpu_ms)),
    ingest_ms,
    bare_rows_per_s: (rows / bare_ms) * 1000,
    ingest_rows_per_s: (rows / ingest_ms) * 1000,
    ratio: bare_ms / ingest_ms,
  };
}
