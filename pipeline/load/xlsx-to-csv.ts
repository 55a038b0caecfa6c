import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { LoadError } from './errors.ts';
import { dataCell } from '../../shared/csv.ts';

/** Which worksheet holds the data: the one named, else the first whose header `fits`. */
export interface SheetChoice {
  sheet?: string;
  fits(csvPath: string): boolean;
}

/**
 * Streams the chosen worksheet of an .xlsx into a UTF-8 CSV whose line n is sheet row n (empty
 * rows become empty lines), so rejects point at the row the analyst sees in the spreadsheet.
 * Sheets are converted in order until one is chosen; when none fits, the first is used, so the
 * header's verdict names what is missing. Returns the path of the chosen sheet's CSV and its name.
 */
export async function xlsxToCsv(source: string, target: string, choice: SheetChoice): Promise<{ csvPath: string; sheet: string }> {
  // Loaded on first use: exceljs costs a quarter of a second to load, and most runs read only CSV.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const names: string[] = [];
  let first: { csvPath: string; sheet: string } | undefined;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    names.push(name);
    const wanted = choice.sheet === undefined || name === choice.sheet;
    const csvPath = `${target}.${names.length}.csv`;
    await writeSheet(sheet as AsyncIterable<{ number: number; values: unknown }>, wanted ? csvPath : undefined);
    if (!wanted) continue;
    if (choice.sheet !== undefined || choice.fits(csvPath)) return { csvPath, sheet: name };
    first ??= { csvPath, sheet: name };
  }
  if (choice.sheet !== undefined) {
    throw new LoadError(`${source}: 找不到工作表 — no sheet named "${choice.sheet}" (sheets: ${names.join(', ')})`);
  }
  if (!first) throw new LoadError(`${source}: 文件为空 — empty file (no worksheet)`);
  return first;
}

/**
 * Writes one sheet's rows as CSV lines (or only reads them through when `target` is undefined).
 * Rows are padded to the widest row seen so far: a spreadsheet stores no trailing blank cells, so
 * a last column empty on most rows would otherwise make them a field short.
 */
async function writeSheet(rows: AsyncIterable<{ number: number; values: unknown }>, target: string | undefined): Promise<void> {
  const out = target === undefined ? undefined : createWriteStream(target);
  let nextRow = 1;
  let width = 0;
  for await (const row of rows) {
    if (!out) continue;
    const cells = Array.from((row.values as unknown[]).slice(1), (v) => csvField(cellText(v)));
    width = Math.max(width, cells.length);
    const line = '\n'.repeat(row.number - nextRow) + cells.concat(Array(width - cells.length).fill('')).join(',') + '\n';
    nextRow = row.number + 1;
    if (!out.write(line)) await once(out, 'drain');
  }
  if (!out) return;
  out.end();
  await finished(out);
}

function csvField(text: string): string {
  // A line break inside a cell would shift every later line number; in a code or name it is layout only.
  return dataCell(text.replace(/\r\n|[\r\n]/g, ' '));
}

/** Text of an exceljs cell value as a CSV export from Excel would show it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (cell.richText) return cell.richText.map((r) => r.text).join('');
  if ('result' in cell) return cellText(cell.result);
  if ('text' in cell) return cellText(cell.text);
  return cell.error ?? '';
}
