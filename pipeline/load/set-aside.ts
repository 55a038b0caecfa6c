import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { LONG_LINE_REASON, type LongRecord } from './csv-shape.ts';
import type { Reject } from './rejects/reject.ts';

/** A record left out of what DuckDB reads: the line it starts on and the start of its text, for its reject. */
export interface SetAsideLine { line: number; text: string }

/** Characters of a set-aside line kept for its reject (as for any malformed line, rejects/collect.ts). */
const TEXT_KEPT = 200;

const LF = 0x0a;

/**
 * Copies `source` to `target` with the given records (ascending) emptied: their line breaks stay,
 * so every other line keeps its number, and DuckDB skips them as blank lines. Returns each emptied
 * record with the first characters of its text. Used for records with a line too long for DuckDB
 * to read whole (csv-shape.ts), which are then rejected by the loader itself.
 */
export async function setAsideLines(source: string, target: string, records: readonly LongRecord[]): Promise<SetAsideLine[]> {
  const out = createWriteStream(target);
  const kept: SetAsideLine[] = [];
  let line = 1;
  let next = 0; // index in `records` of the next or current record to empty
  let head: Buffer[] = []; // first bytes of the record being emptied
  let headBytes = 0;
  const write = async (bytes: Buffer) => {
    if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
  };
  const emptied = () => next < records.length && line >= records[next].line;
  const keepHead = (bytes: Buffer) => {
    if (headBytes >= TEXT_KEPT * 4) return; // a character is at most 4 bytes
    const part = bytes.subarray(0, TEXT_KEPT * 4 - headBytes);
    head.push(part);
    headBytes += part.length;
  };
  const endLine = () => {
    const { line: first, lines } = records[next];
    if (line < first + lines - 1) return keepHead(Buffer.from('\n'));
    const text = Buffer.concat(head).toString('utf8').replace(/\r(?=\n|$)/g, '');
    // A character cut at the end of the bytes kept decodes as U+FFFD: dropped with the rest.
    kept.push({ line: first, text: [...text.replace(/\ufffd$/, '')].slice(0, TEXT_KEPT).join('') });
    head = [];
    headBytes = 0;
    next++;
  };
  try {
    for await (const chunk of createReadStream(source) as AsyncIterable<Buffer>) {
      let at = 0;
      while (at < chunk.length) {
        const lf = chunk.indexOf(LF, at);
        const end = lf === -1 ? chunk.length : lf;
        if (emptied()) keepHead(chunk.subarray(at, end));
        else await write(chunk.subarray(at, end));
        if (lf === -1) break;
        if (emptied()) endLine();
        await write(chunk.subarray(lf, lf + 1));
        line++;
        at = lf + 1;
      }
    }
    if (emptied()) endLine(); // a last line without its line break
  } finally {
    out.end();
    await finished(out);
  }
  return kept;
}

/** A file's rejects with one for each record set aside (reason LONG_LINE_REASON), in line order. */
export function withSetAside(rejects: Reject[], table: string, file: string, lines: readonly SetAsideLine[]): Reject[] {
  if (lines.length === 0) return rejects;
  const setAside = lines.map(({ line, text }) => ({ table, file, line, column: '', value: text, reason: LONG_LINE_REASON }));
  return [...rejects, ...setAside].sort((a, b) => a.line - b.line);
}
