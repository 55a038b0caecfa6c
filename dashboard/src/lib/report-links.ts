/**
 * Links to a school's or an industry's generated reports, when reports/index.json lists them. The
 * server names the files in Chinese (Content-Disposition); the links carry a bare `download`
 * attribute so the browser keeps that name. HTML opens inline unless `?download` asks to save it.
 */

export interface ReportLinks { html: string; htmlDownload: string; xlsx: string; csv: string }

/** What this needs of reports/index.json: the files listed per school and per industry. */
export type ReportFiles = Record<'schools' | 'industries', readonly { code: string; files: Record<'html' | 'xlsx' | 'csv', string> }[]>;

export function reportLinks(index: ReportFiles | null, kind: 'schools' | 'industries', code: string,
  base = 'data/reports/'): ReportLinks | null {
  const entry = index?.[kind].find((e) => e.code === code);
  if (!entry) return null;
  const url = (file: string) => `${base}${file.split('/').map(encodeURIComponent).join('/')}`;
  return { html: url(entry.files.html), htmlDownload: `${url(entry.files.html)}?download`, xlsx: url(entry.files.xlsx), csv: url(entry.files.csv) };
}
