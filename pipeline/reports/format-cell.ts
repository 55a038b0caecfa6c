/**
 * How a report value reads on the page and in the CSV. The XLSX keeps full precision and uses
 * the number formats below, so the three formats agree on what is shown.
 */
import type { Cell, CellType } from './report-model.ts';

const grouped = (digits: number) =>
  new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const INTEGER = grouped(0);
const NUMBER = grouped(1);

/** Printed text of a value; NULL (not computable) shows as an em dash, never as 0. */
export function displayCell(value: Cell, type: CellType): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'integer': return INTEGER.format(value);
    case 'number': return NUMBER.format(value);
    case 'ratio': return value.toFixed(2);
    case 'percent': return `${(value * 100).toFixed(1)}%`;
    default: return String(value);
  }
}

/** Spreadsheet number format per type (percent cells hold the fraction, formatted ×100). */
export const NUMBER_FORMATS: Record<Exclude<CellType, 'text'>, string> = {
  integer: '#,##0',
  number: '#,##0.0',
  ratio: '0.00',
  percent: '0.0%',
};

/** CSV text of a number: plain digits (no grouping) rounded to what the type can mean. */
export function csvNumber(value: number, type: CellType): string {
  if (type === 'integer') return String(Math.round(value));
  const digits = type === 'number' ? 2 : 4;
  return String(Number(value.toFixed(digits)));
}
