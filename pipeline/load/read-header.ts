import { parse } from 'csv-parse/sync';
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time while looking for the end of the first line. */
const CHUNK = 1 << 16;

/** The bytes of a file up to its first line break (or all of it): a few reads, no stream to set up. */
function headOf(csvPath: string): string {
  const fd = openSync(csvPath, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      chunks.push(chunk.subarray(0, n));
      if (n < CHUNK || chunk.subarray(0, n).includes(10)) break;
    }
    // Decoded whole: a character split between two reads is joined again.
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Field texts of the first line of a UTF-8 CSV. */
export async function readHeader(csvPath: string): Promise<string[]> {
  const line = headOf(csvPath).split('\n', 1)[0].replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line === '') return [];
  const [fields] = parse(line, { relax_column_count: true, relax_quotes: true }) as string[][];
  return fields;
}
