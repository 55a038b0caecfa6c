/**
 * A report as a format-neutral document: figures, charts and tables. One builder per report kind
 * (school, industry) fills it; one renderer per format (HTML, XLSX, CSV) writes it, so the three
 * files of a report always carry the same numbers.
 */

/**
 * How a value is stored and shown: integers (people, counts: never fractional people), ratios
 * (demand ratio, weights, scores: 0.89 → 0.89) and percents (fill ratios, shares: fractions shown ×100).
 */
/** `year`: a whole number read as a year, never grouped (2029, not 2,029). */
export type CellType = 'text' | 'integer' | 'year' | 'ratio' | 'percent';

export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  type: CellType;
  /** Spreadsheet column width in characters; text columns default to their longest value. */
  width?: number;
  /** Left out of the printed page (ids, codes), kept in XLSX and CSV. */
  printed?: false;
}

export type Row = Record<string, Cell>;

export interface Table {
  /** Sheet name in the workbook (Chinese, ≤ 31 characters). */
  sheet: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Shown instead of an empty table. */
  empty: string;
  /** The printed page shows at most this many rows (the workbook has them all). */
  printedRows?: number;
}

export interface Figure {
  label: string;
  value: Cell;
  type: CellType;
  note?: string;
}

/** Colour family of a bar or line; the HTML stylesheet maps each to a colour (a signal's as the dashboard's). */
export type Tone = 'expand' | 'keep' | 'review' | 'open' | 'supply' | 'demand' | 'neutral' | 'shortage' | 'balanced' | 'oversupply';

export interface BarChart {
  kind: 'bars';
  title: string;
  bars: { label: string; value: number; tone: Tone }[];
  /** Reference lines, e.g. the shortage and oversupply thresholds. */
  marks: { value: number; label: string }[];
  format: CellType;
  /** What each colour of the bars means, below the bars. */
  legend?: { tone: Tone; name: string }[];
}

export interface LineChart {
  kind: 'lines';
  title: string;
  x: number[];
  series: { name: string; values: (number | null)[]; tone: Tone }[];
  format: CellType;
}

export type Chart = BarChart | LineChart;

export interface Report {
  kind: 'school' | 'industry';
  code: string;
  /** The data's year the report is of. */
  year: number;
  title: string;
  /** One line under the title: year, level, district … */
  subtitle: string;
  summary: Figure[];
  charts: Chart[];
  /** In sheet order after the summary: programmes, recommendations, evidence (+ more for industries). */
  tables: Table[];
  /** The table the CSV file carries (one table per CSV). */
  csv: Table;
  /** How the labels were reached: thresholds and definitions, printed under the tables. */
  notes: string[];
}

/** Where the report's data came from; printed on every report and put in the summary sheet. */
export interface ReportContext {
  snapshot: string;
  finished_at: string;
  data_label: string;
  synthetic: boolean;
  title: string;
  /** Said on every report when programme figures are estimated (estimates-note.ts). */
  estimates?: string;
}
