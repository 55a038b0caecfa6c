import { parse } from 'csv-parse/sync';
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time while looking for the header (a header and a few title rows are rarely longer). */
const CHUNK = 1 << 12;

/** The first `lines` lines of a file (fewer when it has fewer), read in a few small reads, no stream to set up. */
function firstLines(csvPath: string, lines: number): string {
  const fd = openSync(csvPath, 'r');
  try {
    const chunks: Buffer[] = [];
    let seen = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      let end = -1;
      for (let at = chunk.indexOf(10); at !== -1 && at < n; at = chunk.indexOf(10, at + 1)) {
        if (++seen === lines) {
          end = at;
          break;
        }
      }
      chunks.push(chunk.subarray(0, end === -1 ? n : end));
      if (end !== -1 || n < CHUNK) break;
    }
    // Decoded whole: a character split between two reads is joined again.
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * A record near the top of a file: its field texts, the 1-based line it ends on, and its 1-based
 * number among the file's records counting blank lines, as DuckDB's `skip` counts them (a quoted
 * value may hold a line break: a title or heading cell typed over two lines is one record).
 */
export interface TopRecord { fields: string[]; line: number; record: number }

/** Field texts of the first `lines` lines of a UTF-8 CSV, record by record (blank lines skipped, still counted). */
export function readTopRecords(csvPath: string, lines: number): TopRecord[] {
  if (lines < 1) return [];
  const text = firstLines(csvPath, lines).replace(/^\uFEFF/, '');
  if (text.trim() === '') return [];
  const records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, skip_records_with_error: true, info: true }) as unknown as
    { record: string[]; info: { lines: number } }[];
  return records.map((r, i) => ({ fields: r.record, line: r.info.lines, record: i + 1 }))
    .filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
}
