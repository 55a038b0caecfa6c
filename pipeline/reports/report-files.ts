/**
 * Where each report lives inside the reports folder and the name it downloads as. The folder
 * layout is what the dashboard links to (`/data/reports/<path>`); the download name is the
 * Chinese name a school sees in its downloads folder.
 */

export const REPORT_FORMATS = ['html', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportKind = 'school' | 'industry';

const FOLDERS: Record<ReportKind, string> = { school: 'schools', industry: 'industries' };
const SUFFIXES: Record<ReportKind, string> = { school: '专业调整报告', industry: '产业人才供需报告' };

/** Codes become file names, so only plain codes are accepted (school codes are 10 digits). */
const SAFE_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** `schools/5001030001.xlsx`: the path of a report file relative to the reports folder. */
export function reportPath(kind: ReportKind, code: string, format: ReportFormat): string {
  if (!SAFE_CODE.test(code)) throw new Error(`report code "${code}" cannot be used as a file name`);
  return `${FOLDERS[kind]}/${code}.${format}`;
}

/** What a report's file name says besides whose it is: the data's year, and whether the data are the synthetic sample. */
export interface ReportLabel { year: number; synthetic: boolean }

/**
 * `重庆某某职业学院_专业调整报告_2025年.xlsx` (`…_2025年_示例数据.xlsx` on the synthetic sample), with
 * characters no file system accepts replaced by `_`: the file says whose, which year and what data
 * it is, in a downloads folder and in a CSV, which has no room for a title.
 */
export function downloadName(kind: ReportKind, name: string, format: ReportFormat, label: ReportLabel): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim() || 'report';
  return `${safe}_${SUFFIXES[kind]}_${label.year}年${label.synthetic ? '_示例数据' : ''}.${format}`;
}

/** Both paths and download names of a report in every format. */
export function reportFiles(kind: ReportKind, code: string, name: string, label: ReportLabel) {
  const entry = (f: (format: ReportFormat) => string) =>
    Object.fromEntries(REPORT_FORMATS.map((format) => [format, f(format)])) as Record<ReportFormat, string>;
  return {
    files: entry((format) => reportPath(kind, code, format)),
    download_names: entry((format) => downloadName(kind, name, format, label)),
  };
}
