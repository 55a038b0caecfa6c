/**
 * Postings ingest against DuckDB's bare read_csv of the same files in the same benchmark run. The
 * ingest is bench/ingest-once.ts: every daily file read, validated by the loader's checks and
 * stored as Parquet into a cold postings store (syncStore with the refresh's DuckDB resources, in
 * its own process); building raw_postings (de-duplication across days) is not ingest and is not
 * timed here, it stays in the refresh stage `postings`. The yardstick is bench/bare-scan-once.ts.
 * The two run alternately, so a busy machine weighs on both alike. The ratio of their rows per
 * second is the figure that matters (goal ≥ 0.8); CPU times (user + system) are kept beside them.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { POSTINGS_FOLDER } from '../pipeline/postings/daily-files.ts';
import { median } from './stats.ts';

export interface IngestBench {
  rows: number;
  bare_ms: number;
  bare_cpu_ms: number;
  ingest_ms: number;
  ingest_cpu_ms: number;
  ingest_max_rss_mb: number;
  bare_rows_per_s: number;
  ingest_rows_per_s: number;
  /** ingest rows/s ÷ bare rows/s. */
  ratio: number;
}

interface Run { rows: number; ms: number; cpu_ms: number; max_rss_mb?: number }

const runOnce = (script: string, arg: string): Run => {
  const out = execFileSync('npx', ['tsx', script, arg], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
};

export function benchIngest(dataDir: string, runs: number): IngestBench {
  const bare: Run[] = [];
  const ingest: Run[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(runOnce('bench/bare-scan-once.ts', join(dataDir, POSTINGS_FOLDER)));
    ingest.push(runOnce('bench/ingest-once.ts', dataDir));
  }
  const rows = bare[0].rows;
  const bare_ms = median(bare.map((b) => b.ms));
  const ingest_ms = median(ingest.map((r) => r.ms));
  return {
    rows,
    bare_ms,
    bare_cpu_ms: median(bare.map((b) => b.cpu_ms)),
    ingest_ms,
    ingest_cpu_ms: median(ingest.map((r) => r.cpu_ms)),
    ingest_max_rss_mb: Math.max(...ingest.map((r) => r.max_rss_mb ?? 0)),
    bare_rows_per_s: (rows / bare_ms) * 1000,
    ingest_rows_per_s: (rows / ingest_ms) * 1000,
    ratio: bare_ms / ingest_ms,
  };
}
