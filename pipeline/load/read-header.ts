import { parse } from 'csv-parse/sync';
import { createReadStream, readFileSync, statSync } from 'node:fs';

/** A file up to this size is read whole: cheaper than opening a stream. */
const SMALL = 1 << 16;

/** The start of a large file, read only as far as the first line ends. */
async function headOf(csvPath: string): Promise<string> {
  let head = '';
  for await (const chunk of createReadStream(csvPath, { encoding: 'utf8', highWaterMark: SMALL })) {
    head += chunk;
    if (head.includes('\n')) break;
  }
  return head;
}

/** Field texts of the first line of a UTF-8 CSV. */
export async function readHeader(csvPath: string): Promise<string[]> {
  const head = statSync(csvPath).size <= SMALL ? readFileSync(csvPath, 'utf8') : await headOf(csvPath);
  const line = head.split('\n', 1)[0].replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line === '') return [];
  const [fields] = parse(line, { relax_column_count: true, relax_quotes: true }) as string[][];
  return fields;
}
