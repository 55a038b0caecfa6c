/**
 * Writing one report's three files (HTML, XLSX, CSV) and its entry in index.json: the same code
 * whether the reports stage runs in one thread or hands batches of schools to worker threads.
 */
import { join } from 'node:path';
import type { Rec, ReportData } from './load-report-data.ts';
import { buildSchoolReport } from './school-report.ts';
import { renderHtml } from './render-html.ts';
import { renderXlsx } from './render-xlsx.ts';
import { renderCsv } from './render-csv.ts';
import { reportFiles, type ReportFormat, type ReportKind } from './report-files.ts';
import type { Report, ReportContext } from './report-model.ts';
import type { FileWrites } from '../export/bounded-writes.ts';

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

/** One report in one format, as the bytes or text of the file. */
export async function renderReport(report: Report, format: ReportFormat, context: ReportContext): Promise<string | Buffer> {
  if (format === 'html') return renderHtml(report, context);
  if (format === 'csv') return renderCsv(report.csv, { synthetic: context.synthetic });
  return renderXlsx(report, context);
}

/** Renders the three files of a report and starts their writes (see FileWrites for when they are done). */
export async function writeReport(outDir: string, kind: ReportKind, report: Report, name: string, context: ReportContext,
  writes: FileWrites) {
  const entry = { code: report.code, name, ...reportFiles(kind, report.code, name, { year: report.year, synthetic: context.synthetic }) };
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

/** Builds and writes one school's report; its entry in index.json. */
export async function writeSchoolReport(outDir: string, data: ReportData, school: Rec, context: ReportContext,
  writes: FileWrites): Promise<SchoolReportEntry> {
  const entry = await writeReport(outDir, 'school', buildSchoolReport(data, school), String(school.school_name), context, writes);
  return { ...entry, ...schoolEntry(data, school) };
}
