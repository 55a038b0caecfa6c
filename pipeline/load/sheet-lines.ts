/**
 * The lines of a converted worksheet (xlsx-to-csv.ts: line n is sheet row n) edited in place: a
 * row is parsed when first asked for, and only the rows changed are written back, once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataCell } from '../shared/csv.ts';

export interface SheetLines {
  /** Lines of the sheet (rows, the last one's row number). */
  count: number;
  /** The cells of row `n`, to be read or changed; say `changed(n)` after changing them. */
  row(n: number): string[];
  changed(n: number): void;
  /** Writes the changed rows back (nothing when none changed). */
  save(): void;
}

export function sheetLines(csvPath: string): SheetLines {
  const lines = readFileSync(csvPath, 'utf8').split('\n');
  const cells = new Map<number, string[]>();
  const changed = new Set<number>();
  return {
    count: lines.length,
    row(n) {
      if (!cells.has(n)) cells.set(n, (parse(lines[n - 1] ?? '', { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? []);
      return cells.get(n)!;
    },
    changed: (n) => void changed.add(n),
    save() {
      for (const n of changed) lines[n - 1] = cells.get(n)!.map(dataCell).join(',');
      if (changed.size > 0) writeFileSync(csvPath, lines.join('\n'));
    },
  };
}
