/**
 * How a report value reads on the page and in the CSV: the dashboard's formats (pipeline/shared/format.ts),
 * so a figure reads the same on screen and in every file. The XLSX keeps full precision and uses
 * the number formats below, which show what the page shows.
 */
import type { Cell, CellType } from './report-model.ts';
import { formatFor } from '../shared/format.ts';

const f = formatFor('zh');

/** Printed text of a value; NULL (not computable) shows as an em dash, never as 0. */
export function displayCell(value: Cell, type: CellType): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'integer': return f.int(value);
    case 'ratio': return f.dec(value, 2);
    case 'percent': return f.pct(value);
    default: return String(value);
  }
}

/** Spreadsheet number format per type (percent cells hold the fraction, formatted ×100). */
export const NUMBER_FORMATS: Record<Exclude<CellType, 'text'>, string> = {
  integer: '#,##0',
  year: '0',
  ratio: '0.00',
  percent: '0.0%',
};

/**
 * CSV text of a number, which a spreadsheet reads as a number: plain digits without grouping;
 * a percentage as the page prints it ("72.3%", read as 0.723).
 */
export function csvNumber(value: number, type: CellType): string {
  if (type === 'integer' || type === 'year') return String(Math.round(value));
  if (type === 'percent') return `${(value * 100).toFixed(1)}%`;
  return String(Number(value.toFixed(4)));
}
