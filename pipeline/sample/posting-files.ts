/** Writes the postings feed as the platform delivers it: postings/YYYY-MM-DD.csv, one file a day. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readSchema } from '../config/schema.ts';
import { openCsv } from './write-csv.ts';
import type { PostingRow } from './postings.ts';

/** Replaces the folder's daily files (a stale day would otherwise linger); returns the rows written. */
export function writePostingFiles(dir: string, days: ReadonlyMap<string, readonly PostingRow[]>): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fields = readSchema('postings').fields.map((f) => f.name);
  let rows = 0;
  for (const [day, postings] of days) {
    const csv = openCsv(join(dir, `${day}.csv`), fields);
    postings.forEach(csv.write);
    rows += csv.close();
  }
  return rows;
}
