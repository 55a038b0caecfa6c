import type { TableSchema } from '../schema.ts';
import { detectHeader, HEADER_SEARCH_LINES } from './detect-header.ts';
import { LoadError } from './errors.ts';
import { headerMatcher, mapHeader, type HeaderMap } from './map-header.ts';
import type { TableMapping } from './mapping.ts';
import { prepareCsv, type PreparedCsv } from './prepare-csv.ts';
import { readTopRecords } from './read-header.ts';

export interface PreparedInput extends PreparedCsv {
  header: HeaderMap;
}

/**
 * An input file made ready for read_csv: UTF-8 CSV (for a workbook, the named sheet or the first
 * whose header fits), header row found below any title rows and matched to the schema (its
 * warnings reported). Files of one header layout can then be read together.
 */
export async function prepareInput(file: string, schema: TableSchema,
  options: { tmpDir: string; warn(msg: string): void; mapping?: TableMapping }): Promise<PreparedInput> {
  const matcher = headerMatcher(schema, options.mapping?.columns);
  const headerOf = (csvPath: string) => detectHeader(readTopRecords(csvPath, HEADER_SEARCH_LINES), matcher);
  const prepared = await prepareCsv(file, options.tmpDir, {
    sheet: options.mapping?.sheet,
    fits: (csvPath) => matcher.match(headerOf(csvPath)?.texts ?? []).missing.length === 0,
  });
  const found = headerOf(prepared.csvPath);
  if (!found) throw new LoadError(`${file}: 文件为空 — empty file (no header, no data rows)`);
  const header = mapHeader(found.texts, schema, file, { line: found.line, matcher });
  const where = prepared.sheet === undefined ? '' : ` of sheet "${prepared.sheet}"`;
  if (found.moved) options.warn(`${file}: 表头在第 ${found.line} 行 — header found ending on line ${found.line}${where}; the rows above it are skipped as titles`);
  header.warnings.forEach(options.warn);
  return { ...prepared, header };
}
