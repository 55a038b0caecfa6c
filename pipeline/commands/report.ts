/** `npm run report`: one school's (or industry's) report from the current warehouse, on demand. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULTS } from '../config/paths.ts';
import { CURRENT } from '../refresh/snapshot.ts';
import { setPolicyVariables } from '../config/policy.ts';
import { estimatesNote } from '../reports/estimates-note.ts';
import type { Manifest } from '../refresh/manifest.ts';
import { loadReportData, type ReportData } from '../reports/load-report-data.ts';
import { buildSchoolReport } from '../reports/school-report.ts';
import { buildIndustryReport } from '../reports/industry-report.ts';
import { renderReport } from '../reports/generate-reports.ts';
import { downloadName, REPORT_FORMATS, type ReportFormat, type ReportKind } from '../reports/report-files.ts';
import { closeMatches } from '../reports/close-matches.ts';
import type { Report } from '../reports/report-model.ts';

export const help = `用法 Usage: npm run report -- --school CODE [--format html|xlsx|csv] [--out FILE] [--warehouse DIR]
                     npm run report -- --industry CODE [...]

生成单个学校（或产业）的专业调整报告。Writes one school's gap report (or one industry's report)
from the current warehouse snapshot, the same file the refresh puts in <warehouse>/current/reports/.

  --school CODE     10-digit school code (学校标识码)
  --industry CODE   industry code, e.g. low_altitude
  --format F        html (print-ready A4), xlsx or csv; default: from --out's extension, else html
  --out FILE        file to write (default: the report's Chinese name in the current folder)
  --warehouse DIR   warehouse folder (default warehouse)
  -h, --help        this help

An unknown code is an error that lists the closest codes and names.`;

/** The report asked for, or an error naming the closest known codes. */
function pick(data: ReportData, kind: ReportKind, code: string): { report: Report; name: string } {
  const entries = kind === 'school'
    ? data.schools.map((row) => ({ code: String(row.school_code), name: String(row.school_name), row }))
    : data.industries.map((row) => ({ code: String(row.industry_code), name: String(row.name_zh), row }));
  const found = entries.find((e) => e.code === code);
  if (found) {
    const report = kind === 'school' ? buildSchoolReport(data, found.row) : buildIndustryReport(data, found.row);
    return { report, name: found.name };
  }
  const close = closeMatches(code, entries);
  const hint = close.length
    ? `\n  是否要找 did you mean:\n${close.map((e) => `    ${e.code}  ${e.name}`).join('\n')}`
    : `\n  (${entries.length} ${kind === 'school' ? 'schools' : 'industries'} in the warehouse; none is close)`;
  throw new Error(`未知${kind === 'school' ? '学校' : '产业'}代码 unknown ${kind} code "${code}"${hint}`);
}

function formatOf(format: string | undefined, out: string | undefined): ReportFormat {
  const chosen = format ?? (out ? extname(out).slice(1).toLowerCase() : 'html');
  if (!(REPORT_FORMATS as readonly string[]).includes(chosen)) {
    throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${chosen}")`);
  }
  return chosen as ReportFormat;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      school: { type: 'string' }, industry: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
      warehouse: { type: 'string', default: DEFAULTS.warehouseDir }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(help), 0;
  if (Boolean(values.school) === Boolean(values.industry)) throw new Error('give exactly one of --school CODE or --industry CODE (see --help)');
  const format = formatOf(values.format, values.out);
  const snapshot = join(values.warehouse, CURRENT);
  if (!existsSync(join(snapshot, 'manifest.json'))) throw new Error(`no warehouse at ${values.warehouse}: run npm run refresh first`);
  const manifest = JSON.parse(readFileSync(join(snapshot, 'manifest.json'), 'utf8')) as Manifest;
  const instance = await DuckDBInstance.create(join(snapshot, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    await setPolicyVariables(conn, manifest.policy);
    const kind: ReportKind = values.school ? 'school' : 'industry';
    const { report, name } = pick(await loadReportData(conn), kind, (values.school ?? values.industry)!.trim());
    const out = values.out ?? downloadName(kind, name, format, { year: report.year, synthetic: manifest.synthetic });
    writeFileSync(out, await renderReport(report, format, {
      snapshot: manifest.snapshot, finished_at: manifest.finished_at, data_label: manifest.data_label,
      synthetic: manifest.synthetic, title: manifest.title, estimates: estimatesNote(manifest.figures),
    }));
    console.log(`${report.title} → ${out}`);
    return 0;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
