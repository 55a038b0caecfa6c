/**
 * Sorting and paging of on-screen tables. A numeric column sorts by the number its cell prints
 * ("30,444", "-1,234", "72.0%"), so the order is what the reader sees; text sorts in the reader's
 * language (Chinese by pinyin). Cells without a number ("—", "记录过少") go last either way.
 */
import type { Column } from './table.ts';

export type SortDirection = 'ascending' | 'descending';
export interface SortState { column: number; direction: SortDirection }

const NUMBER = /^[+-]?[\d,]*\.?\d+/;

/** The number a cell prints, or null when it prints none. */
export function cellNumber(text: string): number | null {
  const match = NUMBER.exec(text.trim());
  return match ? Number(match[0].replace(/,/g, '')) : null;
}

export function collatorFor(lang: 'zh' | 'en'): Intl.Collator {
  return new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en', { numeric: true, sensitivity: 'base' });
}

/** The rows in the order of one column; equal cells keep their order (Array.sort is stable). */
export function sortRows<T>(rows: readonly T[], column: Column<T>, direction: SortDirection, collator: Intl.Collator): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => {
    const text = column.cell(row);
    return { row, text, number: column.numeric ? cellNumber(text) : null };
  });
  return keyed.sort((a, b) => {
    if (column.numeric) {
      if (a.number === null || b.number === null) return a.number === b.number ? 0 : a.number === null ? 1 : -1;
      return sign * (a.number - b.number);
    }
    if (!a.text || !b.text) return a.text === b.text ? 0 : a.text ? -1 : 1;
    return sign * collator.compare(a.text, b.text);
  }).map((k) => k.row);
}

/** The next state when a header is activated: a new column starts descending for numbers (largest first), ascending for text; the same column flips. */
export function nextSort<T>(current: SortState | null, index: number, column: Column<T>): SortState {
  if (current?.column === index) return { column: index, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column: index, direction: column.numeric ? 'descending' : 'ascending' };
}

export interface Page { index: number; count: number; from: number; to: number }

/** Page `index` (0-based, clamped) of `total` rows, `size` a page. */
export function pageOf(total: number, size: number, index: number): Page {
  const count = Math.max(1, Math.ceil(total / size));
  const i = Math.min(Math.max(0, index), count - 1);
  return { index: i, count, from: i * size, to: Math.min(total, (i + 1) * size) };
}
