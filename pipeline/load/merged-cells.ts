/**
 * Merged cells of a worksheet. A spreadsheet keeps a merged range's value in its first cell only,
 * and bureau sheets merge a school's code or name down all its rows: read as they are, those rows
 * would lack a required value. Below the header, a range merged down one column is read as its
 * first cell's value on every row it covers, each filled cell counted in a note; a range across
 * columns is left as it is (its value stays in its first column) and said in the note. A figure
 * merged down several rows (a group's 在校生 in one cell) is no row's figure: it stops the load.
 */
import { columnNumber } from '../shared/columns.ts';
import { sheetLines } from './sheet-lines.ts';

/** A merged range, 1-based rows and columns. */
export interface MergedRange { ref: string; top: number; left: number; bottom: number; right: number }

/** `B19941:B19991` → rows 19941–19991 of column 2. */
export function mergedRange(ref: string): MergedRange | null {
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  return { ref, top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) };
}

/** Columns `min` to `max` (1-based) of one <col> element of a sheet. */
export interface ColumnSpan { min: number; max: number }

/** What a sheet's XML says that exceljs's stream reader skips: its merged ranges, hidden rows and hidden columns. */
export interface SheetMarks { merges: MergedRange[]; hiddenRows: number[]; hiddenColumns: ColumnSpan[] }

/**
 * Passes a sheet's XML through unchanged, noting its merged ranges (<mergeCell ref="…"/>, after the
 * rows, so the list is complete once the rows have been read), its hidden rows (<row hidden="1">,
 * numbered by r, or following the row before when r is left out) and its hidden columns
 * (<col min="…" max="…" hidden="1"/>, before the rows: a span, as the sheet gives it).
 */
export function collectMarks(chunks: AsyncIterable<Buffer | string>, into: SheetMarks): AsyncIterable<Buffer | string> {
  return (async function* () {
    let tail = '';
    let row = 0;
    for await (const chunk of chunks) {
      const text = tail + chunk.toString();
      // an element is matched once whole, so one cut anywhere is matched with the next chunk only
      for (const m of text.matchAll(/<(?:\w+:)?(mergeCell|row|col)\b([^>]*)>/g)) {
        if (m[1] === 'row') {
          row = Number(/\br="(\d+)"/.exec(m[2])?.[1] ?? row + 1);
          if (/\bhidden="(1|true)"/.test(m[2])) into.hiddenRows.push(row);
          continue;
        }
        if (m[1] === 'col') {
          const min = Number(/\bmin="(\d+)"/.exec(m[2])?.[1]);
          const max = Number(/\bmax="(\d+)"/.exec(m[2])?.[1] ?? min);
          if (/\bhidden="(1|true)"/.test(m[2]) && min >= 1 && max >= min) into.hiddenColumns.push({ min, max });
          continue;
        }
        const ref = /\bref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(m[2]);
        const range = ref && mergedRange(ref[1]);
        if (range) into.merges.push(range);
      }
      const open = text.lastIndexOf('<');
      tail = open >= 0 && !text.includes('>', open) ? text.slice(open) : '';
      yield chunk;
    }
  })();
}

/** The first range merged down one of the `figures` columns (0-based) below the header, or undefined. */
export function mergedFigure(merges: readonly MergedRange[], headerLine: number, figures: ReadonlySet<number>): MergedRange | undefined {
  return merges.find((m) => m.top > headerLine && m.left === m.right && m.bottom > m.top && figures.has(m.left - 1));
}

/** What filling did, for the note. */
export interface Filled { cells: number; ranges: MergedRange[]; across: MergedRange[] }

/** Fills the ranges merged down one column below the header line, in place; returns what it did. */
export function fillMerged(csvPath: string, merges: readonly MergedRange[], headerLine: number): Filled {
  const below = merges.filter((m) => m.top > headerLine);
  const down = below.filter((m) => m.left === m.right && m.bottom > m.top);
  const filled: Filled = { cells: 0, ranges: [], across: below.filter((m) => m.left !== m.right) };
  if (down.length === 0) return filled;
  const sheet = sheetLines(csvPath);
  for (const m of down) {
    const value = sheet.row(m.top)[m.left - 1] ?? '';
    if (value === '') continue;
    let n = 0;
    for (let r = m.top + 1; r <= m.bottom && r <= sheet.count; r++) {
      const fields = sheet.row(r);
      if ((fields[m.left - 1] ?? '') !== '') continue;
      while (fields.length < m.left) fields.push('');
      fields[m.left - 1] = value;
      sheet.changed(r);
      n++;
    }
    if (n > 0) { filled.cells += n; filled.ranges.push(m); }
  }
  sheet.save();
  return filled;
}

/** The notes of what filling did: nothing changes unreported. */
export function mergedNotes(file: string, filled: Filled): string[] {
  const notes: string[] = [];
  const refs = (ranges: MergedRange[]) => ranges.slice(0, 3).map((m) => m.ref).join(', ') + (ranges.length > 3 ? ' …' : '');
  if (filled.cells > 0) {
    notes.push(`${file}: 合并单元格 — filled ${filled.cells} cell${filled.cells > 1 ? 's' : ''} of ${filled.ranges.length} range${filled.ranges.length > 1 ? 's' : ''} merged down a column `
      + `with the value of their first cell (${refs(filled.ranges)})`);
  }
  if (filled.across.length > 0) {
    notes.push(`${file}: 合并单元格 — ${filled.across.length} range${filled.across.length > 1 ? 's' : ''} merged across columns below the header ${filled.across.length > 1 ? 'are' : 'is'} read `
      + `from their first cell only (${refs(filled.across)})`);
  }
  return notes;
}
