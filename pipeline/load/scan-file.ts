import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { shapeReader, type CsvShape } from './csv-shape.ts';

export interface FileScan {
  /** Of the original bytes, so a run report pins exactly what was loaded. */
  sha256: string;
  /** DuckDB reads UTF-8 (with or without BOM) directly; anything else needs transcoding. */
  utf8: boolean;
  /** Lines and records of the file read as CSV (csv-shape.ts); null when not asked for (an .xlsx). */
  shape: CsvShape | null;
}

/** Bytes read at a time. */
const CHUNK = 1 << 20;

/**
 * A file's bytes in chunks of at most CHUNK, so no large file is held whole in memory. Each chunk
 * is read into the same buffer, valid until the next is asked for: a fresh buffer per chunk (a read
 * stream, readFileSync) costs the kernel more than hashing and checking the bytes.
 */
async function* chunksOf(path: string): AsyncIterable<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let n; (n = (await file.read(buffer, 0, CHUNK, null)).bytesRead) > 0;) yield buffer.subarray(0, n);
  } finally {
    await file.close();
  }
}

/** Reads a file once (no whole large file in memory): hash, UTF-8 validity and, for a CSV, its shape (NUL bytes among it). */
export async function scanFile(path: string, options: { csv: boolean } = { csv: true }): Promise<FileScan> {
  const hash = createHash('sha256');
  const shape = options.csv ? shapeReader() : null;
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunksOf(path)) {
    hash.update(chunk);
    shape?.update(chunk);
    if (utf8) {
      // Only the character cut at the last chunk's end is joined with its rest: copying whole
      // chunks to join them costs as much as checking them.
      let rest = chunk;
      if (carry.length) {
        const head = Buffer.concat([carry, chunk.subarray(0, charLength(carry[0]) - carry.length)]);
        rest = chunk.subarray(head.length - carry.length);
        if (head.length < charLength(carry[0])) carry = head;
        else {
          utf8 = isUtf8(head);
          carry = Buffer.alloc(0);
        }
      }
      const cut = completeLength(rest);
      utf8 &&= isUtf8(rest.subarray(0, cut));
      carry = carry.length ? Buffer.concat([carry, rest.subarray(cut)]) : Buffer.from(rest.subarray(cut));
    }
  }
  return { sha256: hash.digest('hex'), utf8: utf8 && carry.length === 0, shape: shape?.finish() ?? null };
}

/** Bytes of the UTF-8 character a lead byte starts (an invalid lead byte is left to isUtf8). */
const charLength = (b: number) => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);

/** Length of the prefix ending on a character boundary: a multi-byte character may straddle two chunks. */
function completeLength(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue;
    return i + charLength(b) <= bytes.length ? bytes.length : i;
  }
  return bytes.length;
}
