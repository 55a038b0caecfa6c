/**
 * CSV cells as every file of the project writes them. Two kinds of file, one quoting rule:
 * - files for people (reports, chart downloads, the audit export): text a spreadsheet would run as
 *   a formula gets a leading apostrophe (Excel's rule, OWASP CSV injection) — a cell starting with
 *   = + - @ tab or CR — unless it is a plain number, which cannot run;
 * - data files for the loader (the sample, an xlsx converted for reading): quoted, never altered.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as a person writes it: sign, digits, grouping commas, decimal point, percent. */
const PLAIN_NUMBER = /^[+-]?\d[\d,]*(\.\d+)?%?$/;

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

/** A cell of a file for people: numbers as they are, text neutralised, then quoted as needed. */
export function csvCell(value: CsvValue): string {
  return dataCell(typeof value === 'string' ? neutralise(value) : value);
}

/** A whole CSV for Excel: UTF-8 byte-order mark (Chinese text read right), CRLF line ends; first row the header. */
export function excelCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
