/**
 * CSV for Excel users: UTF-8 with a byte-order mark (so Excel opens Chinese text correctly) and
 * CRLF line ends. Cells that a spreadsheet would run as a formula (leading = + - @ tab CR) get a
 * leading apostrophe; plain numbers such as "-1,234" are left alone because they cannot run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d.,\s]+%?$/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The first row is the header. */
export function buildCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
