import { parse } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';

/** Field texts of the first line of a UTF-8 CSV, reading only as far as that line ends. */
export async function readHeader(csvPath: string): Promise<string[]> {
  let head = '';
  for await (const chunk of createReadStream(csvPath, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    head += chunk;
    if (head.includes('\n')) break;
  }
  const line = head.split('\n', 1)[0].replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line === '') return [];
  const [fields] = parse(line, { relax_column_count: true, relax_quotes: true }) as string[][];
  return fields;
}
