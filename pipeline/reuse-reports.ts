/**
 * School and industry reports depend on the programme listings, the aggregated demand, the
 * reference tables, the policy and the code that builds them, but not on the daily postings. A
 * nightly run that only brings new postings therefore links the served snapshot's reports into the
 * new one instead of rebuilding 500-odd files (snapshots are never modified once published).
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';
import type { InputEntry } from './manifest.ts';

/** Inputs the reports do not read. */
const NOT_IN_REPORTS = new Set(['postings', 'posting_rules']);

/** Source folders whose files shape a report. */
const REPORT_SOURCES = ['pipeline/reports', 'pipeline/models'];

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path);
    else hash.update(entry.name).update(readFileSync(path));
  }
}

/** Fingerprint of everything a report is made from; equal keys mean byte-identical reports. */
export function reportsKey(inputs: InputEntry[], policy: unknown): string {
  const hash = createHash('sha256');
  for (const i of inputs.filter((i) => !NOT_IN_REPORTS.has(i.table))) hash.update(`${i.table} ${i.sha256}\n`);
  hash.update(JSON.stringify(policy));
  for (const dir of REPORT_SOURCES) hashTree(hash, join(ROOT, dir));
  return hash.digest('hex');
}

/** Hard-links a report tree into a new snapshot; returns the number of files linked. */
export function linkReports(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  let files = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) files += linkReports(join(from, entry.name), join(to, entry.name));
    else {
      linkSync(join(from, entry.name), join(to, entry.name));
      files += 1;
    }
  }
  return files;
}
