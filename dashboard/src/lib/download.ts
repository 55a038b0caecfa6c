/**
 * The name of every file the dashboard saves (chart and table CSV, PNG, SVG, the plan's xlsx):
 * what is in it, in the page's language, so that a downloads folder tells files apart —
 * `重庆某职业学院_专业建议_2025年_示例数据.csv`, `产业缺口_2025年_高职专科_渝北区_示例数据.csv`.
 */

/** What a file holds, in words. */
export interface FileLabel {
  /** Whose figures: a school's or an industry's name, when the file is about one. */
  subject?: string | null;
  /** The chart's or table's name. */
  title: string;
  /** The years of the data (none where no year applies). */
  years?: readonly number[] | null;
  /** The filters that narrow the data, in words (a level, a district, an ownership). */
  filters?: readonly string[];
  /** The data are the synthetic sample. */
  synthetic: boolean;
}

/** The words a name is made of besides the label's own: how a year reads, how the sample is marked. */
export interface FileWords { year: (span: string) => string; synthetic: string }

/** Characters Windows, macOS or Linux refuse in a file name (and control characters). */
const REFUSED = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
/** A part stays short enough for the whole name to fit every file system's 255 bytes. */
const PART_MAX = 40;

const clean = (part: string): string =>
  part.replace(REFUSED, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '').slice(0, PART_MAX).trim();

const span = (years: readonly number[]): string => {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
};

/** The one function naming a downloaded file: subject, title, year, filters and the sample's mark, joined by `_`. */
export function downloadName(label: FileLabel, ext: string, words: FileWords): string {
  const parts = [label.subject ?? '', label.title, label.years?.length ? words.year(span(label.years)) : '', ...(label.filters ?? []), label.synthetic ? words.synthetic : ''];
  const name = parts.map(clean).filter(Boolean).join('_');
  return `${name || 'download'}.${ext}`;
}

/**
 * What the page around a chart says about its files: the years and filters of the view (only the
 * filters it honours, and only those set), or a school page's school. Set by the app shell and,
 * for a school's page, by the page; read by every chart frame.
 */
export interface FileScope {
  readonly subject?: string | null;
  readonly years: readonly number[] | null;
  readonly filters: readonly string[];
}
export const FILE_SCOPE = 'file-scope';

/** Saves a file from the browser (CSV, PNG, SVG) through a temporary download link. */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
