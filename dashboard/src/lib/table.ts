/**
 * What a chart shows, as a table: one spec drives both the "view as table" toggle and the CSV
 * download, so the download is exactly what is on screen.
 */
export interface Column<T> {
  label: string;
  cell: (row: T) => string;
  /** Right-aligned in the on-screen table. */
  numeric?: boolean;
  /** Long text (lists of names; 'wide': sentences such as reasons) wraps; other cells stay on one line. */
  wrap?: boolean | 'wide';
  /** The id of the figure's definition (pipeline/shared/definitions.ts): an ⓘ beside the header. */
  def?: string;
  /** On screen the cell is a link (the school's page); downloads hold the text. */
  link?: (row: T) => { href: string; data?: Record<string, string> };
}

export interface TableSpec<T = any> {
  columns: Column<T>[];
  rows: readonly T[];
}

/** Header row followed by one row of cell texts per data row. */
export function tableText<T>(spec: TableSpec<T>): string[][] {
  return [spec.columns.map((c) => c.label), ...spec.rows.map((row) => spec.columns.map((c) => c.cell(row)))];
}

/** A number as printed with digit grouping ("30,444", "-1,234.5", "72.0%"); en and zh-CN both group with commas. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/**
 * The table as a CSV download holds it: the cells on screen, numeric ones without digit grouping
 * so a spreadsheet reads them as numbers ("30,444" → 30444; "72.0%" is read as 0.72 as it is).
 */
export function csvTable<T>(spec: TableSpec<T>): string[][] {
  return [spec.columns.map((c) => c.label), ...spec.rows.map((row) => spec.columns.map((c) => {
    const text = c.cell(row);
    return c.numeric && GROUPED_NUMBER.test(text) ? text.replace(/,/g, '') : text;
  }))];
}

/** "label: value", with the full-width colon after a Chinese label (供给：1,234). */
export function labelled(label: string, value: string): string {
  return `${label}${/[\u3000-\u9fff\uff00-\uffef]$/.test(label) ? '：' : ': '}${value}`;
}

/** Tooltip lines for a row: a title, then "label: cell" for each column, the same texts as the table. */
export function tipLines<T>(title: string, row: T, columns: readonly Column<T>[]): string[] {
  return [title, ...columns.map((c) => labelled(c.label, c.cell(row)))];
}
