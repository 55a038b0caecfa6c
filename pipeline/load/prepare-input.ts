import type { TableSchema } from '../schema.ts';
import { LoadError } from './errors.ts';
import { mapHeader, type HeaderMap } from './map-header.ts';
import { prepareCsv, type PreparedCsv } from './prepare-csv.ts';
import { readHeader } from './read-header.ts';

export interface PreparedInput extends PreparedCsv {
  header: HeaderMap;
}

/**
 * An input file made ready for read_csv: UTF-8 CSV, header matched to the schema (its warnings
 * reported). Files of one header layout can then be read together.
 */
export async function prepareInput(file: string, schema: TableSchema, options: { tmpDir: string; warn(msg: string): void }): Promise<PreparedInput> {
  const prepared = await prepareCsv(file, options.tmpDir);
  const headerTexts = await readHeader(prepared.csvPath);
  if (headerTexts.length === 0) throw new LoadError(`${file}: 文件为空 — empty file (no header, no data rows)`);
  const header = mapHeader(headerTexts, schema, file);
  header.warnings.forEach(options.warn);
  return { ...prepared, header };
}
