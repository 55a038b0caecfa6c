/**
 * The postings' classification of a whole year in its own process, with the refresh's DuckDB
 * resources: every distinct title, employer and industry hint of raw_postings cut into words
 * (segmentPostings, as the postings stage does it), then every model that reads the postings
 * rebuilt in full (int_posting_* and the marts they feed, as the models stage does it). Runs on a
 * scratch copy of a built warehouse, so the warehouse itself is never touched. Prints
 * {"postings", "values", "models", "segment_ms", "models_ms", "ms", "cpu_ms", "max_rss_mb"} as JSON.
 * Usage: tsx bench/classify-once.ts <warehouseDir>
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readPolicy } from '../pipeline/config/policy.ts';
import { segmentPostings, WORDS_TABLE } from '../pipeline/postings/posting-words.ts';
import { POSTINGS_DELTA } from '../pipeline/postings/raw-postings.ts';
import { CURRENT, WAREHOUSE_FILE } from '../pipeline/refresh/snapshot.ts';
import { duckdbConfig, readResources } from '../pipeline/config/resources.ts';
import { dependents, readModels } from '../pipeline/transform/model-files.ts';
import { runModels } from '../pipeline/transform/run-models.ts';

const [warehouseDir] = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'bench-classify-'));
try {
  const tmpDir = join(scratch, 'tmp');
  mkdirSync(tmpDir);
  copyFileSync(join(warehouseDir, CURRENT, WAREHOUSE_FILE), join(scratch, WAREHOUSE_FILE));
  const instance = await DuckDBInstance.create(join(scratch, WAREHOUSE_FILE), duckdbConfig(readResources(), tmpDir));
  const conn = await instance.connect();
  const postings = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${POSTINGS_DELTA}`)).getRows()[0][0] as number;
  const only = new Set(dependents(readModels(), [POSTINGS_DELTA, WORDS_TABLE]).map((m) => m.name));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const values = await segmentPostings(conn, { tmpDir, append: false });
  const t1 = performance.now();
  const runs = await runModels(conn, { policy: readPolicy(), only });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  conn.closeSync();
  instance.closeSync();
  console.log(JSON.stringify({
    postings, values, models: runs.length, segment_ms: t1 - t0, models_ms: ms - (t1 - t0), ms,
    cpu_ms: (cpu.user + cpu.system) / 1000, max_rss_mb: process.resourceUsage().maxRSS / 1024,
  }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
