import { parse } from 'csv-parse/sync';
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time while looking for the end of the first line (a header is rarely longer). */
const CHUNK = 1 << 12;

/** The first line of a file (all of it when it has one line), read in a few small reads, no stream to set up. */
function firstLine(csvPath: string): string {
  const fd = openSync(csvPath, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      const end = chunk.subarray(0, n).indexOf(10);
      chunks.push(chunk.subarray(0, end === -1 ? n : end));
      if (end !== -1 || n < CHUNK) break;
    }
    // Decoded whole: a character split between two reads is joined again.
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Field texts of the first line of a UTF-8 CSV. */
export async function readHeader(csvPath: string): Promise<string[]> {
  const line = firstLine(csvPath).replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line === '') return [];
  const [fields] = parse(line, { relax_column_count: true, relax_quotes: true }) as string[][];
  return fields;
}
