/**
 * A report table as CSV for Excel users: UTF-8 with a byte-order mark (so Excel reads the Chinese
 * text right), CRLF line ends, Chinese headers, numbers as plain digits, and every text cell that
 * a spreadsheet would run as a formula neutralised.
 */
import type { Table } from './report-model.ts';
import { csvNumber } from './format-cell.ts';
import { excelCsv } from '../shared/csv.ts';
import { SYNTHETIC_ZH } from './labels-zh.ts';

/**
 * The CSV text of a table (header = column labels); NULL cells are empty. On the synthetic sample
 * every row ends with a 数据说明 column saying so: a CSV has no title to carry it, and a row copied
 * out of it keeps it.
 */
export function renderCsv(table: Table, { synthetic = false } = {}): string {
  const note = synthetic ? [SYNTHETIC_ZH] : [];
  return excelCsv([
    [...table.columns.map((c) => c.label), ...(synthetic ? ['数据说明'] : [])],
    ...table.rows.map((row) => [...table.columns.map((c) => {
      const value = row[c.key] ?? null;
      // numbers in the column's own digits, not as text, so the cell rule leaves them alone
      return typeof value === 'number' ? csvNumber(value, c.type) : value;
    }), ...note]),
  ]);
}
