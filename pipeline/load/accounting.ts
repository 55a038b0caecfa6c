import { MAX_LINE_BYTES, type CsvShape } from './csv-shape.ts';
import { LoadError } from './errors.ts';

/** The file's data records: its records less the header and any title rows above it. */
export const dataRecords = (shape: CsvShape, headerLine: number): number =>
  shape.records - shape.recordEnds.filter((line) => line <= headerLine).length;

/**
 * Every data record of a file is either loaded or rejected: DuckDB's count of what it read (rows
 * plus malformed records) must be the file's own count of records (csv-shape.ts). Anything else
 * means input went missing without a reject (a line too long for DuckDB's buffer, a quote DuckDB
 * read otherwise), and a table missing rows must not be published.
 */
export function checkAccounting(file: string, shape: CsvShape, headerLine: number, read: number): void {
  const expected = dataRecords(shape, headerLine);
  if (read === expected) return;
  const long = shape.longLines.length
    ? `; lines longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes: ${shape.longLines.map((l) => `${file}:${l}`).join(', ')}`
    : '';
  throw new LoadError(`${file}: 读取不完整 — ${read.toLocaleString('en')} of its ${expected.toLocaleString('en')} data records were read; ` +
    `the run stops rather than publish a table missing rows${long}`);
}
