/**
 * Benchmark of the nightly refresh: a warehouse whose postings store already holds every day of the
 * sample's feed but the last few, then, run after run, one new day delivered and a refresh in a
 * fresh process (bench/refresh-once.ts), as the 02:00 job does it. The data folder is a scratch copy
 * made of symbolic links, so the sample itself is never touched.
 *   npx tsx bench/nightly.ts [runs] [dataDir]   prints the result as JSON
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULTS } from '../pipeline/config/paths.ts';
import { POSTINGS_FOLDER } from '../pipeline/postings/daily-files.ts';
import { summariseRuns, type RefreshBench, type RefreshRun } from './refresh.ts';

export interface NightlyBench extends RefreshBench {
  /** Daily files in the store before the first measured run, and the days each run added. */
  stored_days: number;
  new_days: string[];
}

const refreshOnce = (dataDir: string, warehouseDir: string): RefreshRun => {
  const out = execFileSync('npx', ['tsx', 'bench/refresh-once.ts', dataDir, warehouseDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!);
};

/** Times `runs` nightly refreshes of `dataDir` (default the sample), each with one new day of postings. */
export function benchNightly(runs: number, dataDir = DEFAULTS.dataDir): NightlyBench {
  const source = resolve(dataDir);
  const days = readdirSync(join(source, POSTINGS_FOLDER)).sort();
  if (days.length <= runs) throw new Error(`${source}/${POSTINGS_FOLDER}: ${days.length} daily files, need more than ${runs}`);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-nightly-'));
  const data = join(scratch, 'data');
  const warehouse = join(scratch, 'warehouse');
  const deliver = (day: string) => symlinkSync(join(source, POSTINGS_FOLDER, day), join(data, POSTINGS_FOLDER, day));
  try {
    mkdirSync(join(data, POSTINGS_FOLDER), { recursive: true });
    for (const entry of readdirSync(source)) if (entry !== POSTINGS_FOLDER) symlinkSync(join(source, entry), join(data, entry));
    const stored = days.slice(0, days.length - runs);
    stored.forEach(deliver);
    refreshOnce(data, warehouse); // the nights before: every stored day converted once
    const results: RefreshRun[] = [];
    for (const day of days.slice(stored.length)) {
      deliver(day);
      results.push(refreshOnce(data, warehouse));
    }
    return {
      ...summariseRuns(results),
      stored_days: stored.length,
      new_days: days.slice(stored.length),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(benchNightly(Number(process.argv[2] ?? 5), process.argv[3]), null, 2));
}
