/**
 * The refresh's reports stage: every school's gap report and every industry's report, each as
 * HTML, XLSX and CSV, plus index.json listing them, written into one folder. The warehouse is read
 * once in bulk; rendering is pure, so a report on demand (the `report` command) is the same file.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { addPlan, loadReportBase } from './load-report-data.ts';
import { buildIndustryReport } from './industry-report.ts';
import type { ReportContext } from './report-model.ts';
import { writeReport, writeSchoolReport, type IndustryReportEntry, type SchoolReportEntry } from './write-report.ts';
import { BoundedWrites } from '../export/bounded-writes.ts';
import { writeSchoolsInWorkers } from './report-workers.ts';

export type { ReportContext } from './report-model.ts';
export type { ReportEntry, SchoolReportEntry, IndustryReportEntry } from './write-report.ts';
export { renderReport } from './write-report.ts';

export interface ReportIndex extends ReportContext {
  /** The year the reports describe (latest year with programmes). */
  year: number;
  schools: SchoolReportEntry[];
  industries: IndustryReportEntry[];
}

export interface ReportEffects {
  /** After each report: its label (school or industry code), reports done and total. */
  progress?(label: string, done: number, total: number): void;
}

/**
 * Below this many schools one thread is quicker than starting workers: a worker bundles and
 * compiles its code afresh and is sent its schools' data. With one, the city's refresh (170
 * schools) took 0.8 s more CPU than with its reports rendered on this thread (docs/performance.md).
 */
const MIN_SCHOOLS_FOR_WORKERS = 1000;

export interface ReportOptions {
  /** Worker threads for the school reports; 0 writes them in this thread. Default: one per core, up to 4, when worth it. */
  workers?: number;
  /** Settles when the planner has written its marts, if it still is: the rest is read meanwhile. */
  planned?: Promise<unknown>;
}

function defaultWorkers(schools: number): number {
  const cores = Math.min(4, availableParallelism());
  return schools >= MIN_SCHOOLS_FOR_WORKERS && cores > 1 ? cores : 0;
}

/**
 * Writes `<outDir>/schools/<school_code>.{html,xlsx,csv}`, `<outDir>/industries/<industry_code>.{…}`
 * and `<outDir>/index.json`; earlier school and industry files in outDir are removed first, so the
 * folder always matches its index. The connection must hold a built warehouse with the policy set.
 * With workers, schools are written by worker threads while this thread writes the industries.
 */
export async function generateReports(conn: DuckDBConnection, outDir: string, context: ReportContext,
  effects: ReportEffects = {}, options: ReportOptions = {}): Promise<ReportIndex> {
  const base = await loadReportBase(conn);
  for (const folder of ['schools', 'industries']) {
    rmSync(join(outDir, folder), { recursive: true, force: true });
    mkdirSync(join(outDir, folder), { recursive: true });
  }
  const total = base.schools.length + base.industries.length;
  let done = 0;
  const writes = new BoundedWrites();
  const workers = options.workers ?? defaultWorkers(base.schools.length);
  // The school reports print the plan; the industry reports do not, and are written while the planner may still solve.
  const data = addPlan(conn, base, options.planned);
  const inWorkers = workers > 0
    ? data.then((withPlan) => writeSchoolsInWorkers(withPlan, outDir, context, workers, (code) => effects.progress?.(code, ++done, total)))
    : undefined;
  data.catch(() => {}); // awaited below, after the industries
  inWorkers?.catch(() => {});
  const industries: IndustryReportEntry[] = [];
  try {
    for (const industry of base.industries) {
      const entry = await writeReport(outDir, 'industry', buildIndustryReport(base, industry), String(industry.name_zh),
        context, writes);
      const candidates = base.industry.recommendations.get(entry.code)?.length ?? 0;
      industries.push({ ...entry, signal: String(industry.signal), candidates });
      effects.progress?.(entry.code, ++done, total);
    }
  } catch (error) {
    await data.catch(() => {}); // no query left running on a connection the caller is about to close
    throw error;
  }
  const schools: SchoolReportEntry[] = [];
  if (!inWorkers) {
    const withPlan = await data;
    for (const school of withPlan.schools) {
      const entry = await writeSchoolReport(outDir, withPlan, school, context, writes);
      schools.push(entry);
      effects.progress?.(entry.code, ++done, total);
    }
  }
  const index: ReportIndex = { ...context, year: base.year, schools: inWorkers ? await inWorkers : schools, industries };
  await writes.start(join(outDir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  await writes.done();
  return index;
}
