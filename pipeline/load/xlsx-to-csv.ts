import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/**
 * Streams the first worksheet of an .xlsx into a UTF-8 CSV whose line n is sheet row n (empty
 * rows become empty lines), so rejects point at the row the analyst sees in the spreadsheet.
 */
export async function xlsxToCsv(source: string, target: string): Promise<void> {
  // Loaded on first use: exceljs costs a quarter of a second to load, and most runs read only CSV.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const out = createWriteStream(target);
  for await (const sheet of reader) {
    let nextRow = 1;
    for await (const row of sheet) {
      const line = '\n'.repeat(row.number - nextRow) + csvLine(row.values as unknown[]) + '\n';
      nextRow = row.number + 1;
      if (!out.write(line)) await once(out, 'drain');
    }
    break;
  }
  out.end();
  await finished(out);
}

/** `row.values` is 1-based and sparse. */
function csvLine(values: unknown[]): string {
  return Array.from(values.slice(1), (v) => csvField(cellText(v))).join(',');
}

function csvField(text: string): string {
  // A line break inside a cell would shift every later line number; in a code or name it is layout only.
  const flat = text.replace(/\r\n|[\r\n]/g, ' ');
  return /[",]/.test(flat) ? `"${flat.replaceAll('"', '""')}"` : flat;
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
