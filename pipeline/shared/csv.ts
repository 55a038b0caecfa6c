/**
 * CSV cells as every file of the project writes them. Two kinds of file, one quoting rule:
 * - files for people (reports, chart downloads, the audit export): text a spreadsheet would run as
 *   a formula gets a leading apostrophe (Excel's rule, OWASP CSV injection) — a cell starting with
 *   = + - @ tab or CR — unless it is a plain number, which cannot run; text Excel would read as a
 *   number and so change (a code's leading 0, an id read as scientific notation) is written as the
 *   formula ="…", whose result is the text itself;
 * - data files for the loader (the sample, an xlsx converted for reading): quoted, never altered.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as a person writes it: sign, digits, grouping commas, decimal point, percent. */
const PLAIN_NUMBER = /^[+-]?\d[\d,]*(\.\d+)?%?$/;

/**
 * Text Excel reads as a number, changing it or how it shows: digits with a leading 0 (a code,
 * 090100 → 90100), digits it shows in scientific notation (12 or more: an id, 248658810169 →
 * 2.48659E+11; from 16 on it also loses digits), digits around an e (1884045413e8 → 1.88E+17).
 */
const CHANGED_AS_NUMBER = /^(0\d+|\d{12,}|\d+(\.\d+)?[eE][+-]?\d+)$/;

/** Text a spreadsheet would evaluate, made plain text with a leading `'`; numbers and other text unchanged. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A cell quoted when it holds a comma, a quote or a line break; '' for a missing value. */
export function dataCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell of a file for people: numbers as they are, text kept as text and neutralised, then quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (typeof value !== 'string') return dataCell(value);
  return dataCell(CHANGED_AS_NUMBER.test(value) ? `="${value}"` : neutralise(value));
}

/** A whole CSV for Excel: UTF-8 byte-order mark (Chinese text read right), CRLF line ends; first row the header. */
export function excelCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
