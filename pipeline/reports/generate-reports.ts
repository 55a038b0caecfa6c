/**
 * The refresh's reports stage: every school's gap report and every industry's report, each as
 * HTML, XLSX and CSV, plus index.json listing them, written into one folder. The warehouse is read
 * once in bulk; rendering is pure, so a report on demand (the `report` command) is the same file.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadReportData, type Rec, type ReportData } from './load-report-data.ts';
import { buildSchoolReport } from './school-report.ts';
import { buildIndustryReport } from './industry-report.ts';
import { renderHtml } from './render-html.ts';
import { renderXlsx } from './render-xlsx.ts';
import { renderCsv } from './render-csv.ts';
import { reportFiles, type ReportFormat, type ReportKind } from './report-files.ts';
import type { Report, ReportContext } from './report-model.ts';

export type { ReportContext } from './report-model.ts';

export interface ReportEntry {
  code: string;
  name: string;
  /** Paths relative to the reports folder, e.g. `schools/5001030001.xlsx`. */
  files: Record<ReportFormat, string>;
  /** Chinese file names for Content-Disposition, e.g. `某某职业学院_专业调整报告.xlsx`. */
  download_names: Record<ReportFormat, string>;
}

export interface SchoolReportEntry extends ReportEntry {
  level: string;
  district_name: string;
  /** Rows per label in the school's report. */
  counts: { expand: number; keep: number; review: number; open: number };
  /** Shortage industries listing the school as a candidate. */
  candidate_for: number;
}

export interface IndustryReportEntry extends ReportEntry {
  signal: string;
  candidates: number;
}

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

/** One report in one format, as the bytes or text of the file. */
export async function renderReport(report: Report, format: ReportFormat, context: ReportContext): Promise<string | Buffer> {
  if (format === 'html') return renderHtml(report, context);
  if (format === 'csv') return renderCsv(report.csv);
  return renderXlsx(report, context);
}

/** Writes in flight at most: each holds its file's bytes, and each open file takes a descriptor. */
const MAX_WRITES = 32;

/** File writes that go on while the next report renders, never more than MAX_WRITES at once. */
class Writes {
  private pending = new Set<Promise<void>>();
  private failure: unknown;

  /** Starts writing a file, after waiting for a slot; an earlier failed write is thrown here. */
  async start(path: string, content: string | Buffer) {
    while (this.pending.size >= MAX_WRITES) await Promise.race(this.pending);
    this.check();
    const write: Promise<void> = writeFile(path, content)
      .catch((error) => { this.failure ??= error; })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for every write; throws the first failure. */
  async done() {
    await Promise.all(this.pending);
    this.check();
  }

  private check() {
    if (this.failure !== undefined) throw this.failure;
  }
}

/** Renders the three files of a report; their writes go on while the next report renders. */
async function writeReport(outDir: string, kind: ReportKind, report: Report, name: string, context: ReportContext,
  writes: Writes) {
  const entry = { code: report.code, name, ...reportFiles(kind, report.code, name) };
  for (const format of Object.keys(entry.files) as ReportFormat[]) {
    await writes.start(join(outDir, entry.files[format]), await renderReport(report, format, context));
  }
  return entry;
}

function schoolEntry(data: ReportData, school: Rec) {
  const rows = data.school.rows.get(String(school.school_code)) ?? [];
  const count = (label: string) => rows.filter((r) => r.label === label).length;
  return {
    level: String(school.level),
    district_name: String(school.district_name),
    counts: { expand: count('expand'), keep: count('keep'), review: count('review'), open: count('open') },
    candidate_for: data.school.recommendations.get(String(school.school_code))?.length ?? 0,
  };
}

/**
 * Writes `<outDir>/schools/<school_code>.{html,xlsx,csv}`, `<outDir>/industries/<industry_code>.{…}`
 * and `<outDir>/index.json`; earlier school and industry files in outDir are removed first, so the
 * folder always matches its index. The connection must hold a built warehouse with the policy set.
 */
export async function generateReports(conn: DuckDBConnection, outDir: string, context: ReportContext,
  effects: ReportEffects = {}): Promise<ReportIndex> {
  const data = await loadReportData(conn);
  for (const folder of ['schools', 'industries']) {
    rmSync(join(outDir, folder), { recursive: true, force: true });
    mkdirSync(join(outDir, folder), { recursive: true });
  }
  const total = data.schools.length + data.industries.length;
  let done = 0;
  const index: ReportIndex = { ...context, year: data.year, schools: [], industries: [] };
  const writes = new Writes();
  for (const school of data.schools) {
    const entry = await writeReport(outDir, 'school', buildSchoolReport(data, school), String(school.school_name), context,
      writes);
    index.schools.push({ ...entry, ...schoolEntry(data, school) });
    effects.progress?.(entry.code, ++done, total);
  }
  for (const industry of data.industries) {
    const entry = await writeReport(outDir, 'industry', buildIndustryReport(data, industry), String(industry.name_zh),
      context, writes);
    const candidates = data.industry.recommendations.get(entry.code)?.length ?? 0;
    index.industries.push({ ...entry, signal: String(industry.signal), candidates });
    effects.progress?.(entry.code, ++done, total);
  }
  await writes.start(join(outDir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  await writes.done();
  return index;
}
