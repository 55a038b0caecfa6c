/**
 * Streams rows into a CSV file in batches (UTF-8, LF, header = schema field names), so a
 * province- or national-sized sample never sits in memory as one string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { dataCell, type CsvValue } from '../shared/csv.ts';

/** One CSV line (without the LF) with the cells in field order. */
export const formatLine = (fields: readonly string[], row: object): string =>
  fields.map((field) => dataCell((row as Record<string, CsvValue>)[field])).join(',');

export interface CsvWriter {
  write(row: object): void;
  /** Flushes the last batch and closes the file; returns the number of data rows written. */
  close(): number;
}

/** Opens a CSV file for writing and writes its header. */
export function openCsv(path: string, fields: readonly string[], batchRows = 2000): CsvWriter {
  const fd = openSync(path, 'w');
  let batch: string[] = [fields.join(',')];
  let rows = 0;
  const flush = () => {
    if (batch.length) writeSync(fd, batch.join('\n') + '\n');
    batch = [];
  };
  return {
    write(row) {
      batch.push(formatLine(fields, row));
      rows++;
      if (batch.length >= batchRows) flush();
    },
    close() {
      flush();
      closeSync(fd);
      return rows;
    },
  };
}
