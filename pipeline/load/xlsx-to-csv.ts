import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { countRecord, MAX_LINE_BYTES, type CsvShape } from './csv-shape.ts';
import { LoadError } from './errors.ts';
import { dataCell } from '../shared/csv.ts';
import { columnLetters } from '../shared/columns.ts';
import { collectMarks, type SheetMarks } from './merged-cells.ts';

/** A whole number of 16 digits or more cannot be what was typed: a spreadsheet keeps 15 significant digits. */
const DIGITS_KEPT = 1e15;

/** Excel's own limits: a sheet claiming more rows or columns was not made by a spreadsheet, and would only fill the disk. */
export const SHEET_MAX_ROWS = 1_048_576;
export const SHEET_MAX_COLUMNS = 16_384;

/** Which worksheet holds the data: the one named, else the one whose header fits (`headerLine`: the line it ends on, undefined when none fits). */
export interface SheetChoice {
  sheet?: string;
  headerLine(csvPath: string): number | undefined;
}

/**
 * Streams the chosen worksheet of an .xlsx into a UTF-8 CSV whose line n is sheet row n (empty
 * rows become empty lines), so rejects point at the row the analyst sees in the spreadsheet.
 * Unless one is named, every sheet is converted: two that fit and have rows below the header stop
 * the load (one would be read and the other left out); a sheet of the header alone (a blank 模板
 * beside the filled sheet) gives way to one with rows, and is named as not read (`emptySheets`);
 * when none fits, the first is used, so the header's verdict names what is missing. Returns the path of the chosen sheet's CSV, its name and its shape. Stops with a
 * LoadError at a row or column past Excel's limits, or once a sheet's CSV would exceed `maxBytes`
 * (a few kilobytes of .xlsx can claim gigabytes of rows).
 */
export async function xlsxToCsv(source: string, target: string, choice: SheetChoice, maxBytes: number):
  Promise<Converted> {
  try {
    return await convertSheets(source, target, choice, maxBytes);
  } catch (error) {
    if (!unreadSheetList(error)) throw unreadable(source, error);
  }
  // exceljs's stream reader has been seen, on a loaded machine, to miss the sheet list of a workbook it
  // reads the next time: read once more before calling the file unreadable.
  try {
    return await convertSheets(source, target, choice, maxBytes);
  } catch (error) {
    if (!unreadSheetList(error)) throw unreadable(source, error);
    throw new LoadError(`${source}: 工作簿目录无法读取 — the workbook's list of sheets (xl/workbook.xml) could not be read; ` +
      'the tool that wrote it may use a form of the format this reader does not follow (e.g. prefixed tags such as <x:workbook>). ' +
      'Open it in Excel or WPS and save it again as .xlsx');
  }
}

/**
 * A failure of the reader inside a workbook (a form of the format it does not follow, such as cells
 * without their r reference) said as such, with what the person can do; the loader's own errors as they are.
 */
function unreadable(source: string, error: unknown): unknown {
  if (error instanceof LoadError || !(error instanceof TypeError || error instanceof RangeError)) return error;
  return new LoadError(`${source}: 工作簿无法读取 — the workbook could not be read (${error.message}); `
    + 'the tool that wrote it may use a form of the format this reader does not follow. Open it in Excel or WPS and save it again as .xlsx');
}

/** exceljs's TypeError when a workbook's sheet list was not read. */
const unreadSheetList = (error: unknown) => error instanceof TypeError && error.message.includes("reading 'sheets'");

/**
 * Cells of a sheet read as empty, counted for a note with the first one: formulas written without
 * their result (by a tool that does not compute them), or holding an error value (#DIV/0!, #N/A).
 */
export interface CellTally { cells: number; first: string | null }

/** Per sheet row (index: its number), how many cells it has up to the last one holding a value (outside-cells.ts). */
export interface FilledWidths { rows: Uint16Array }

/**
 * The chosen sheet as CSV: its path and name, its shape, its merged ranges, hidden rows and hidden
 * columns (merged-cells.ts), its formulas without a result, its rows' filled widths, and the hidden sheets
 * of the workbook that were not read.
 */
export interface Converted extends SheetMarks {
  csvPath: string; sheet: string; shape: CsvShape; unsaved: CellTally; errors: CellTally; breaks: CellTally; widths: FilledWidths; hiddenSheets: string[];
  /** Sheets whose header fits but with no row below it, not read beside the sheet that has rows. */
  emptySheets: string[];
}

async function convertSheets(source: string, target: string, choice: SheetChoice, maxBytes: number): Promise<Converted> {
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
  const hiddenSheets: string[] = [];
  let first: Converted | undefined;
  // the sheets whose header fits: those with rows below it, and those of the header alone
  const filled: Converted[] = [];
  const empty: Converted[] = [];
  for await (const sheet of reader) {
    const { name, state } = sheet as unknown as { name: string; state?: string };
    names.push(name);
    // A hidden sheet (an old version, a lookup list) is read only when mapping.json names it.
    const hidden = state === 'hidden' || state === 'veryHidden';
    if (hidden && choice.sheet !== name) hiddenSheets.push(name);
    const wanted = choice.sheet === undefined ? !hidden : name === choice.sheet;
    const csvPath = `${target}.${names.length}.csv`;
    // the sheet's XML read through a filter that notes its merged ranges, hidden rows and hidden columns (exceljs's stream reader skips them)
    const marks: SheetMarks = { merges: [], hiddenRows: [], hiddenColumns: [] };
    const unsaved: CellTally = { cells: 0, first: null };
    const errors: CellTally = { cells: 0, first: null };
    const breaks: CellTally = { cells: 0, first: null };
    const widths: FilledWidths = { rows: new Uint16Array(0) };
    const xml = sheet as unknown as { iterator: AsyncIterable<Buffer | string> };
    if (wanted) xml.iterator = collectMarks(xml.iterator, marks);
    const shape = await writeSheet(sheet as AsyncIterable<SheetRow>, wanted ? csvPath : undefined,
      { source, maxBytes }, { unsaved, errors, breaks, widths });
    if (!wanted) continue;
    const converted = { csvPath, sheet: name, shape, ...marks, unsaved, errors, breaks, widths, hiddenSheets, emptySheets: [] };
    if (choice.sheet !== undefined) return converted;
    const headerLine = choice.headerLine(csvPath);
    if (headerLine !== undefined) {
      (widths.rows.some((w, row) => row > headerLine && w > 0) ? filled : empty).push(converted);
      // Reading one would drop the other's rows without a word (中职 on one sheet, 高职 on the next).
      if (filled.length > 1) {
        throw new LoadError(`${source}: 多个工作表 — sheets "${filled[0].sheet}" and "${name}" both hold the table; one would be read and the other left out: `
          + 'put the rows on one sheet, or name the sheet to read in mapping.json "sheet"');
      }
    }
    first ??= converted;
  }
  if (filled.length > 0) return { ...filled[0], emptySheets: empty.map((e) => e.sheet) };
  if (empty.length > 0) return empty[0];
  if (choice.sheet !== undefined) {
    throw new LoadError(`${source}: 找不到工作表 — no sheet named "${choice.sheet}" (sheets: ${names.join(', ')})`);
  }
  if (!first && hiddenSheets.length > 0) {
    throw new LoadError(`${source}: 工作表均已隐藏 — every sheet is hidden (${hiddenSheets.join(', ')}): show the one holding the table, or name it in mapping.json "sheet"`);
  }
  if (!first) throw new LoadError(`${source}: 文件为空 — empty file (no worksheet)`);
  return first;
}

/**
 * Writes one sheet's rows as CSV lines (or only reads them through when `target` is undefined).
 * Rows are padded to the widest row seen so far: a spreadsheet stores no trailing blank cells, so
 * a last column empty on most rows would otherwise make them a field short.
 */
async function writeSheet(rows: AsyncIterable<SheetRow>, target: string | undefined,
  limits: { source: string; maxBytes: number }, found: { unsaved: CellTally; errors: CellTally; breaks: CellTally; widths: FilledWidths }): Promise<CsvShape> {
  const { unsaved, errors, breaks, widths } = found;
  const { source, maxBytes } = limits;
  const shape: CsvShape = {
    lines: 0, records: 0, recordEnds: [], longLines: [], longRecords: [], nulLine: null, openQuote: null, recordInValue: null, joinedRecord: null,
    lineEnds: { crlf: null, lf: null, loneCr: false },
  };
  const out = target === undefined ? undefined : createWriteStream(target);
  let width = 0;
  let bytes = 0;
  try {
    for await (const row of rows) {
      if (!out) continue;
      const values = cellValues(row);
      if (row.number > SHEET_MAX_ROWS) {
        throw new LoadError(`${source}:${row.number}: 行号超出 Excel 上限 — row ${row.number.toLocaleString('en')} is past Excel's last row ${SHEET_MAX_ROWS.toLocaleString('en')}; not a spreadsheet Excel made`);
      }
      if (values.length - 1 > SHEET_MAX_COLUMNS) {
        throw new LoadError(`${source}:${row.number}: 列数超出 Excel 上限 — ${(values.length - 1).toLocaleString('en')} columns, past Excel's ${SHEET_MAX_COLUMNS.toLocaleString('en')}`);
      }
      const cells = Array.from(values.slice(1), (v, i) => {
        if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= DIGITS_KEPT) {
          throw new LoadError(`${source}:${columnLetters(i + 1)}${row.number}: 数字位数丢失 — ${v} is stored as a number, which keeps 15 digits: `
            + 'the digits after them are lost (an ID or code of 16 digits or more); format the column as text and give the values again');
        }
        const formula = formulaWithoutResult(v);
        if (formula !== null && unsaved.cells++ === 0) unsaved.first = `${columnLetters(i + 1)}${row.number} =${formula}`;
        const error = errorOf(v);
        if (error !== null) {
          if (errors.cells++ === 0) errors.first = `${columnLetters(i + 1)}${row.number} ${error}`;
          return '';
        }
        const text = cellText(v);
        // A line break inside a cell would shift every later line number: it is read as a space, and counted.
        if (/[\r\n]/.test(text)) {
          if (breaks.cells++ === 0) breaks.first = `${columnLetters(i + 1)}${row.number}`;
          return dataCell(text.replace(/\r\n|[\r\n]/g, ' '));
        }
        return dataCell(text);
      });
      let filled = cells.length;
      while (filled > 0 && cells[filled - 1] === '') filled--;
      if (row.number >= widths.rows.length) {
        const grown = new Uint16Array(Math.max(row.number + 1, widths.rows.length * 2));
        grown.set(widths.rows);
        widths.rows = grown;
      }
      widths.rows[row.number] = filled;
      width = Math.max(width, cells.length);
      const text = cells.concat(Array(width - cells.length).fill('')).join(',');
      const line = '\n'.repeat(row.number - shape.lines - 1) + text + '\n';
      bytes += Buffer.byteLength(line);
      if (bytes > maxBytes) {
        throw new LoadError(`${source}:${row.number}: 转换后文件过大 — converted to CSV the sheet exceeds ${maxBytes.toLocaleString('en')} bytes at row ${row.number} (CHANJIAO_CONVERTED_MAX)`);
      }
      // A UTF-16 unit is at most 3 bytes of UTF-8: only a line that may be too long is measured.
      if (line.length * 3 > MAX_LINE_BYTES && Buffer.byteLength(text) > MAX_LINE_BYTES) {
        if (shape.longLines.length < 5) shape.longLines.push(row.number);
        shape.longRecords.push({ line: row.number, lines: 1 }); // a row is one line: line breaks in cells become spaces
      }
      if (text !== '') countRecord(shape, row.number);
      shape.lines = row.number;
      if (!out.write(line)) await once(out, 'drain');
    }
  } finally {
    if (out) {
      out.end();
      await finished(out);
    }
  }
  return shape;
}

/** A worksheet row as exceljs's stream reader gives it. */
interface SheetRow {
  number: number;
  eachCell(callback: (cell: { formula?: string; result?: unknown; value: unknown }, column: number) => void): void;
}

/**
 * A row's cell values (index: column) as exceljs's `row.values` would give them, but a formula with
 * the result the workbook saved: `values` keeps only a formula's truthy fields, so a result of 0,
 * FALSE or empty text would read as no result at all (and 0 graduates as a figure to estimate).
 */
function cellValues(row: SheetRow): unknown[] {
  const values: unknown[] = [];
  row.eachCell((cell, column) => {
    values[column] = typeof cell.formula === 'string' ? { formula: cell.formula, result: cell.result } : cell.value;
  });
  return values;
}

/** The formula of a cell stored without its result, or null: such a cell reads as empty. */
function formulaWithoutResult(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  const cell = value as { formula?: string; sharedFormula?: string; result?: unknown };
  const formula = cell.formula ?? cell.sharedFormula;
  return formula !== undefined && (cell.result === undefined || cell.result === null) ? formula : null;
}

/**
 * The error value a cell holds, such as #DIV/0! or #N/A, or null. exceljs reads a formula's saved
 * error result as NaN, losing which error it was: such a cell is named by its formula.
 */
function errorOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  const cell = value as { error?: string; formula?: string; result?: unknown };
  if (typeof cell.error === 'string') return cell.error;
  if (Number.isNaN(cell.result)) return `${cell.formula ? `=${cell.formula} ` : ''}→ 错误值 (an error value)`;
  return 'result' in cell ? errorOf(cell.result) : null;
}

/**
 * A number as Excel shows and exports it in the General format: at most 15 significant digits, so a
 * formula's 172.00000000000003 (binary rounding) reads as the 172 on screen.
 */
const generalNumber = (n: number) => String(Number(n.toPrecision(15)));

/** Text of an exceljs cell value as a CSV export from Excel would show it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return generalNumber(value);
  if (typeof value !== 'object') return String(value);
  const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (cell.richText) return cell.richText.map((r) => r.text).join('');
  if ('result' in cell) return cellText(cell.result);
  if ('text' in cell) return cellText(cell.text);
  return cell.error ?? '';
}
