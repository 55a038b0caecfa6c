/**
 * Cells of a worksheet right of its table: a note typed beside the rows (注：在校生含五年制前三年),
 * a figure under no heading. They belong to no field; left in, the row they stand on would be read
 * as a field too many and rejected, a programme lost for a remark. Below the header, they are taken
 * out of the converted sheet and counted in a note quoting the first, as a column under an unknown
 * heading is ignored with a note.
 */
import { columnLetters } from '../shared/columns.ts';
import { sheetLines } from './sheet-lines.ts';
import type { FilledWidths } from './xlsx-to-csv.ts';

/** What was taken out: cells, rows, and the first cell as `K5 "text"`. */
export interface Outside { cells: number; rows: number; first: string | null }

/** Longest text of the first cell quoted in the note. */
const QUOTED = 40;

/**
 * Empties the cells right of the header's `width` named columns in the rows below `headerLine`, in
 * place (emptied, not cut: a row keeps the fields the sheet's widest rows gave it).
 */
export function cutOutside(csvPath: string, widths: FilledWidths, headerLine: number, width: number): Outside {
  const outside: Outside = { cells: 0, rows: 0, first: null };
  const wide: number[] = [];
  for (let r = headerLine + 1; r < widths.rows.length; r++) if (widths.rows[r] > width) wide.push(r);
  if (wide.length === 0) return outside;
  const sheet = sheetLines(csvPath);
  for (const r of wide) {
    const cells = sheet.row(r);
    for (let at = width; at < cells.length; at++) {
      const text = cells[at];
      if (text === '') continue;
      outside.cells++;
      outside.first ??= `${columnLetters(at + 1)}${r} "${text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text}"`;
      cells[at] = '';
    }
    sheet.changed(r);
    outside.rows++;
  }
  sheet.save();
  return outside;
}

/** The note of the cells taken out, or none. */
export function outsideNote(file: string, outside: Outside, width: number): string[] {
  if (outside.cells === 0) return [];
  const { cells, rows } = outside;
  return [`${file}: 表格外的单元格 — ${cells} cell${cells > 1 ? 's' : ''} on ${rows} row${rows > 1 ? 's' : ''} right of the table's last column `
    + `(${columnLetters(width)}) ${cells > 1 ? 'are' : 'is'} not read (e.g. ${outside.first}): no heading names ${cells > 1 ? 'them' : 'it'}`];
}
