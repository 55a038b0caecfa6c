/**
 * A report table as CSV for Excel users: UTF-8 with a byte-order mark (so Excel reads the Chinese
 * text right), CRLF line ends, Chinese headers, numbers as plain digits, and every text cell that
 * a spreadsheet would run as a formula neutralised.
 */
import type { Table } from './report-model.ts';
import { neutralise } from './cell-safety.ts';
import { csvNumber } from './format-cell.ts';
import { formatCell } from '../sample/write-csv.ts';

/** The CSV text of a table (header = column labels); NULL cells are empty. */
export function renderCsv(table: Table): string {
  const header = table.columns.map((c) => formatCell(neutralise(c.label)));
  const lines = table.rows.map((row) => table.columns.map((c) => {
    const value = row[c.key] ?? null;
    if (value === null) return '';
    return typeof value === 'number' ? csvNumber(value, c.type) : formatCell(neutralise(String(value)));
  }).join(','));
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
