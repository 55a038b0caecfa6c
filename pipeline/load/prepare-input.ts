import type { TableSchema } from '../config/schema.ts';
import { MAX_LINE_BYTES } from './csv-shape.ts';
import { detectHeader, HEADER_SEARCH_LINES } from './detect-header.ts';
import { LoadError } from './errors.ts';
import { headerMatcher, mapHeader, type HeaderMap } from './map-header.ts';
import type { TableMapping } from './mapping.ts';
import { prepareCsv, type PreparedCsv } from './prepare-csv.ts';
import { readTopRecords } from './read-header.ts';
import { fillMerged, mergedNotes } from './merged-cells.ts';
import { SHEET_MAX_COLUMNS } from './xlsx-to-csv.ts';

export interface PreparedInput extends PreparedCsv {
  header: HeaderMap;
}

/** Header warnings printed one by one; the rest are summed up in one line (a header of a million unknown columns is an attack, not a report). */
const WARNINGS_SHOWN = 10;

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
    fits: (csvPath) => matcher.match(headerOf(csvPath)?.texts ?? []).missing.length === 0,
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
  const header = mapHeader(found.texts, schema, file, { line: found.line, matcher });
  const where = prepared.sheet === undefined ? '' : ` of sheet "${prepared.sheet}"`;
  if (found.moved) options.warn(`${file}: 表头在第 ${found.line} 行 — header found ending on line ${found.line}${where}; the rows above it are skipped as titles`);
  header.warnings.slice(0, WARNINGS_SHOWN).forEach(options.warn);
  const more = header.warnings.length - WARNINGS_SHOWN;
  if (more > 0) options.warn(`${file}: 另有 ${more} 条表头警告 — ${more.toLocaleString('en')} more header warnings (unknown or absent columns) not shown`);
  mergedNotes(file, fillMerged(prepared.csvPath, prepared.merges, found.line)).forEach(options.warn);
  return { ...prepared, header };
}
