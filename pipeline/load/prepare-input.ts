import { isNumeric, type TableSchema } from '../config/schema.ts';
import { MAX_LINE_BYTES } from './csv-shape.ts';
import { detectHeader, HEADER_LOOK_FURTHER, HEADER_SEARCH_LINES, headerBelow, type HeaderRow } from './detect-header.ts';
import { headerKey, statedScale } from './header-text.ts';
import { LoadError } from './errors.ts';
import { headerMatcher, mapHeader, refuseOtherDelimiter, type HeaderMap, type HeaderMatcher } from './map-header.ts';
import type { TableMapping } from './mapping.ts';
import { prepareCsv, type PreparedCsv } from './prepare-csv.ts';
import { readTopRecords, type TopRecord } from './read-header.ts';
import { fillMerged, mergedFigure, mergedNotes, type ColumnSpan, type MergedRange } from './merged-cells.ts';
import { cutOutside, outsideNote } from './outside-cells.ts';
import { SHEET_MAX_COLUMNS, type FilledWidths } from './xlsx-to-csv.ts';
import { columnLetters } from '../shared/columns.ts';

export interface PreparedInput extends PreparedCsv {
  header: HeaderMap;
}

/** Header warnings printed one by one; the rest are summed up in one line (a header of a million unknown columns is an attack, not a report). */
const WARNINGS_SHOWN = 10;

/**
 * A title above the header that puts the table in thousands or ten thousands (单位：千人) stops
 * the load: the figures below it would be read as ones.
 */
function refuseStatedScale(file: string, above: HeaderRow['above']): void {
  for (const row of above) {
    for (const text of row.texts) {
      const unit = statedScale(text);
      if (unit === null) continue;
      throw new LoadError(`${file}:${row.line}: 计量单位不符 — the title says "${text}" (${unit}), and figures are read as plain counts: `
        + 'give them as plain counts and take the unit out of the title');
    }
  }
}

/**
 * A figure (not a key: a year merged down its rows is every row's year) merged down several rows
 * is one value for rows of which it is none's, such as a group's total: the load stops naming it.
 */
function refuseMergedFigures(file: string, merges: readonly MergedRange[], headerLine: number, header: HeaderMap, schema: TableSchema): void {
  const figure = (name: string) => isNumeric(schema.fields.find((x) => x.name === name)) && !schema.primaryKey.includes(name);
  const columns = new Map([...header.positions].filter(([name]) => figure(name)).map(([name, at]) => [at, name]));
  const range = mergedFigure(merges, headerLine, new Set(columns.keys()));
  if (range) {
    throw new LoadError(`${file}: 合并单元格 — ${range.ref} merges one ${columns.get(range.left - 1)} over rows ${range.top}–${range.bottom}: `
      + 'a figure belongs to one row; unmerge it and give each row its own');
  }
}

/** Required fields named in the message of a file without a header, before the ellipsis. */
const FIELDS_NAMED = 3;

/**
 * A file whose lines searched hold no header stops with where the header is, when it is further
 * down (below many lines of 填表说明), or with no header found, when they are all notes or titles
 * (a line of one cell at most, naming no column): not with every column missing, as if the header
 * lacked them all.
 */
function refuseHeaderOutOfReach(file: string, csvPath: string, found: HeaderRow, matcher: HeaderMatcher, schema: TableSchema, searched: number): void {
  const { positions, missing } = matcher.match(found.texts);
  if (missing.length === 0) return;
  const below = headerBelow(readTopRecords(csvPath, HEADER_LOOK_FURTHER), matcher, searched);
  if (below) {
    throw new LoadError(`${file}:${below.line}: 表头不在前 ${searched} 行 — the header is on line ${below.line}, below the first ${searched} lines where it is looked for: `
      + 'delete the notes or titles above it');
  }
  // a header of headings not known (or nearly known) is a header: its verdict is the missing columns
  const cells = (r: TopRecord) => r.fields.filter((t) => t.trim() !== '').length;
  if (positions.size > 0 || readTopRecords(csvPath, searched).some((r) => cells(r) > 1)) return;
  refuseOtherDelimiter(found.texts, file);
  const required = schema.fields.filter((f) => f.constraints?.required);
  const named = required.slice(0, FIELDS_NAMED).map((f) => `${f.name} ${f.title}`).join(', ') + (required.length > FIELDS_NAMED ? ' …' : '');
  throw new LoadError(`${file}: 未找到表头 — no line among the first ${searched} names a column of ${schema.name} (${named}): `
    + `the header row must be within the first ${searched} lines; delete the notes or titles above it`);
}

/** Data rows looked at for rows short of their trailing fields (a CSV): enough to see the pattern, read in a few small reads. */
const SHORT_ROWS_SAMPLE = 200;

/**
 * Rows with fewer fields than the header, each lacking only columns at its end that may be empty
 * (optional fields, or none), among the first rows of a CSV: Excel leaves a row's trailing empty
 * fields out when saving some CSVs. They are rejected as they are, never padded (a field left out
 * mid-row cannot be told from one at its end, and padding would shift values into wrong columns);
 * the note says what may have happened and what to send instead. Many rows only (3, and 5 %).
 */
function shortRowsNote(file: string, csvPath: string, found: HeaderRow, header: HeaderMap, schema: TableSchema): string | null {
  const rows = readTopRecords(csvPath, found.line + SHORT_ROWS_SAMPLE).filter((r) => r.line > found.line);
  const short = rows.filter((r) => r.fields.length < header.width);
  if (short.length < 3 || short.length < rows.length * 0.05) return null;
  const from = Math.min(...short.map((r) => r.fields.length));
  const fields = new Map([...header.positions].map(([name, at]) => [at, schema.fields.find((f) => f.name === name)!]));
  const missing = Array.from({ length: header.width - from }, (_, i) => fields.get(from + i));
  if (missing.some((f) => f?.constraints?.required)) return null;
  const named = missing.flatMap((f) => (f ? [f.name] : []));
  return `${file}: 行尾缺少空列 — ${short.length} of the first ${rows.length} rows have fewer fields than the header's ${header.width}, `
    + `lacking only columns at its end that may be empty${named.length ? ` (${named.join(', ')})` : ''}: `
    + 'if the file was saved by Excel, its rows may lack trailing empty fields: send the .xlsx instead. '
    + 'Such rows are rejected, never padded: a field left out mid-row would put the values after it in the wrong columns';
}

/** Hidden rows named in a message at most. */
const HIDDEN_NAMED = 5;

/**
 * A hidden row below the header holding values stops the load: it may be a stale copy kept out of
 * sight, or one of the rows a filter hides, and which of them the sheet means cannot be told.
 */
function refuseHiddenRows(file: string, hiddenRows: readonly number[], headerLine: number, widths: FilledWidths | undefined): void {
  const rows = hiddenRows.filter((r) => r > headerLine && (widths?.rows[r] ?? 0) > 0);
  if (rows.length === 0) return;
  const named = rows.slice(0, HIDDEN_NAMED).join(', ') + (rows.length > HIDDEN_NAMED ? ' …' : '');
  throw new LoadError(`${file}: 隐藏行 — ${rows.length.toLocaleString('en')} row${rows.length > 1 ? 's' : ''} of the table ${rows.length > 1 ? 'are' : 'is'} hidden (${named}): `
    + 'a hidden row may be an old copy kept out of sight, or hidden by a filter; show every row (clear the filter), delete the rows that are not data, and save again');
}

/** Hidden columns named in a note at most. */
const HIDDEN_COLUMNS_NAMED = 10;

/**
 * A hidden column of the table (one with a header text) is read like a shown one: a note names each,
 * by letter and header text, with the field it is read as, so that no value comes from out of sight
 * unsaid. A bureau hides helper columns; one that is not data can then be deleted.
 */
function hiddenColumnsNote(file: string, sheet: string | undefined, spans: readonly ColumnSpan[], texts: readonly string[], header: HeaderMap): string | null {
  const fields = new Map([...header.positions].map(([name, at]) => [at, name]));
  const hidden: number[] = [];
  for (let at = 0; at < texts.length; at++) {
    if (texts[at].trim() !== '' && spans.some((s) => s.min <= at + 1 && at + 1 <= s.max)) hidden.push(at);
  }
  if (hidden.length === 0) return null;
  const named = hidden.slice(0, HIDDEN_COLUMNS_NAMED).map((at) => {
    const field = fields.get(at);
    return `${columnLetters(at + 1)} "${texts[at].trim()}" (${field === undefined ? 'no field of the table: left out' : `read as ${field}`})`;
  }).join(', ') + (hidden.length > HIDDEN_COLUMNS_NAMED ? ' …' : '');
  const n = hidden.length;
  return `${file}: 隐藏列照常读取 — ${n} hidden column${n > 1 ? 's' : ''}${sheet === undefined ? '' : ` of sheet "${sheet}"`} ${n > 1 ? 'are' : 'is'} read like the others: `
    + `${named}; a hidden column that is not data (a helper column) is best deleted from the sheet`;
}

/**
 * An input file made ready for read_csv: UTF-8 CSV (for a workbook, the named sheet or the first
 * whose header fits), header row found below any title rows and matched to the schema (its
 * warnings reported). Files of one header layout can then be read together.
 */
export async function prepareInput(file: string, schema: TableSchema,
  options: { tmpDir: string; warn(msg: string): void; mapping?: TableMapping }): Promise<PreparedInput> {
  const matcher = headerMatcher(schema, options.mapping?.columns);
  const headerOf = (csvPath: string, lines = HEADER_SEARCH_LINES) => detectHeader(readTopRecords(csvPath, lines), matcher);
  const prepared = await prepareCsv(file, options.tmpDir, {
    sheet: options.mapping?.sheet,
    headerLine: (csvPath) => {
      const found = headerOf(csvPath);
      return found && matcher.match(found.texts).missing.length === 0 ? found.line : undefined;
    },
  });
  // The lines searched for the header are read whole, so the search stops before a line longer than
  // a line may be; below a header found above it, that line is a data row, rejected like any other.
  const long = prepared.shape.longLines.find((line) => line <= HEADER_SEARCH_LINES);
  const found = headerOf(prepared.csvPath, long === undefined ? HEADER_SEARCH_LINES : long - 1);
  if (long !== undefined && !found) {
    throw new LoadError(`${file}:${long}: 表头区域行过长 — line ${long}, where the header is looked for, is longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`);
  }
  if (!found) throw new LoadError(`${file}: 文件为空 — empty file (no header, no data rows)`);
  if (found.texts.length > SHEET_MAX_COLUMNS) {
    throw new LoadError(`${file}:${found.line}: 列数过多 — the header has ${found.texts.length.toLocaleString('en')} columns, ` +
      `more than the ${SHEET_MAX_COLUMNS.toLocaleString('en')} a spreadsheet can hold`);
  }
  const joined = prepared.shape.recordInValue;
  if (joined && joined.commas >= found.texts.length - 1) {
    throw new LoadError(`${file}:${joined.line}: 引号不配对 — a quote (") opens a value on line ${joined.line} that runs on to line ${joined.inner}, `
      + `whose ${joined.commas} commas inside it make a whole record of ${found.texts.length} columns: two stray quotes would join records into one value. `
      + 'Remove the stray quotes, or double a quote meant as text ("")');
  }
  // Two stray quotes on adjacent lines: neither line is inside the value whole, but the two lines' commas are all in one record.
  const both = prepared.shape.joinedRecord;
  const commas = found.texts.length - 1;
  if (both && commas > 0 && both.commas >= 2 * commas) {
    throw new LoadError(`${file}:${both.line}: 引号不配对 — a quote (") opens a value on line ${both.line} that runs on to line ${both.until}, `
      + `and the record over lines ${both.line}–${both.until} holds ${both.commas} commas, as many as ${Math.floor(both.commas / commas)} records of ${found.texts.length} columns: `
      + 'stray quotes would join lines that are records of their own into one row, or into one reject. '
      + 'Remove the stray quotes, or double a quote meant as text ("")');
  }
  refuseHeaderOutOfReach(file, prepared.csvPath, found, matcher, schema, long === undefined ? HEADER_SEARCH_LINES : long - 1);
  refuseStatedScale(file, found.above);
  refuseHiddenRows(file, prepared.hiddenRows ?? [], found.line, prepared.widths);
  const header = mapHeader(found.texts, schema, file, { line: found.line, record: found.record, matcher });
  // A heading mapping.json names that the file does not have: misspelt, or the file's layout changed.
  const unmatched = Object.keys(options.mapping?.columns ?? {}).filter((text) => !found.texts.some((t) => headerKey(t) === headerKey(text)));
  if (unmatched.length > 0) {
    options.warn(`${file}: 映射列未找到 — mapping.json "columns" names ${unmatched.map((t) => `"${t}"`).join(', ')}, `
      + `which no column of the file is headed (the header ${found.line > 1 ? `ending on line ${found.line}` : 'on line 1'})`);
  }
  const where = prepared.sheet === undefined ? '' : ` of sheet "${prepared.sheet}"`;
  if (prepared.hiddenSheets?.length) {
    options.warn(`${file}: 隐藏工作表未读取 — hidden sheet${prepared.hiddenSheets.length > 1 ? 's' : ''} ${prepared.hiddenSheets.map((n) => `"${n}"`).join(', ')} not read `
      + `(sheet "${prepared.sheet}" was); to read a hidden sheet, name it in mapping.json "sheet"`);
  }
  if (prepared.emptySheets?.length) {
    const n = prepared.emptySheets.length;
    options.warn(`${file}: 空表未读取 — sheet${n > 1 ? 's' : ''} ${prepared.emptySheets.map((s) => `"${s}"`).join(', ')} hold${n > 1 ? '' : 's'} the table's header `
      + `but no rows, and ${n > 1 ? 'were' : 'was'} not read (sheet "${prepared.sheet}" was)`);
  }
  // The daily postings files are the boards' exports, not saved by Excel, and hundreds a year: not looked at.
  if (prepared.sheet === undefined && schema.name !== 'postings') {
    const short = shortRowsNote(file, prepared.csvPath, found, header, schema);
    if (short) options.warn(short);
  }
  const hiddenColumns = hiddenColumnsNote(file, prepared.sheet, prepared.hiddenColumns ?? [], found.texts, header);
  if (hiddenColumns) options.warn(hiddenColumns);
  if (found.moved) options.warn(`${file}: 表头在第 ${found.line} 行 — header found ending on line ${found.line}${where}; the rows above it are skipped as titles`);
  header.warnings.slice(0, WARNINGS_SHOWN).forEach(options.warn);
  const more = header.warnings.length - WARNINGS_SHOWN;
  if (more > 0) options.warn(`${file}: 另有 ${more} 条表头警告 — ${more.toLocaleString('en')} more header warnings (unknown or absent columns) not shown`);
  refuseMergedFigures(file, prepared.merges, found.line, header, schema);
  if (prepared.breaks && prepared.breaks.cells > 0) {
    const n = prepared.breaks.cells;
    options.warn(`${file}: 单元格换行读作空格 — ${n.toLocaleString('en')} cell${n > 1 ? 's' : ''} with a line break inside, read with a space `
      + `in its place (e.g. ${prepared.breaks.first}), so that a row stays one line`);
  }
  if (prepared.errors && prepared.errors.cells > 0) {
    const n = prepared.errors.cells;
    options.warn(`${file}: 错误值读作空 — ${n.toLocaleString('en')} cell${n > 1 ? 's hold' : ' holds'} an error value, read as empty `
      + `(e.g. ${prepared.errors.first}): correct the formula${n > 1 ? 's' : ''} in the workbook if a value is meant`);
  }
  if (prepared.unsaved && prepared.unsaved.cells > 0) {
    const n = prepared.unsaved.cells;
    options.warn(`${file}: 公式无结果 — ${n.toLocaleString('en')} formula cell${n > 1 ? 's have' : ' has'} no saved result and ${n > 1 ? 'are' : 'is'} read as empty `
      + `(e.g. ${prepared.unsaved.first}): the tool that wrote the workbook did not compute the results; open it in Excel or WPS and save it again`);
  }
  mergedNotes(file, fillMerged(prepared.csvPath, prepared.merges, found.line)).forEach(options.warn);
  if (prepared.widths) {
    const named = found.texts.findLastIndex((t) => t.trim() !== '') + 1;
    outsideNote(file, cutOutside(prepared.csvPath, prepared.widths, found.line, named), named).forEach(options.warn);
  }
  return { ...prepared, header };
}
