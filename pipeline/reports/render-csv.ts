/**
 * A report table as CSV for Excel users: UTF-8 with a byte-order mark (so Excel reads the Chinese
 * text right), CRLF line ends, Chinese headers, numbers as plain digits, and every text cell that
 * a spreadsheet would run as a formula neutralised.
 */
import type { Table } from './report-model.ts';
import { csvNumber } from './format-cell.ts';
import { excelCsv } from '../shared/csv.ts';
import { markSynthetic, VOCABULARY } from '../shared/vocabulary.ts';

/** The CSV text of a table (header = column labels); NULL cells are empty; on the synthetic sample, marked so on every row. */
export function renderCsv(table: Table, { synthetic = false } = {}): string {
  const rows = [
    table.columns.map((c) => c.label),
    ...table.rows.map((row) => table.columns.map((c) => {
      const value = row[c.key] ?? null;
      // numbers in the column's own digits, not as text, so the cell rule leaves them alone
      return typeof value === 'number' ? csvNumber(value, c.type) : value;
    })),
  ];
  return excelCsv(synthetic ? markSynthetic(rows, VOCABULARY.zh.synthetic) : rows);
}
