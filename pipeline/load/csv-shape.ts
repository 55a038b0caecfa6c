/**
 * The record structure of a CSV, found while its bytes are hashed (no pass of its own): how many
 * lines and records it has, where a quote opens that never closes, which lines are too long and
 * where the first NUL byte is. DuckDB's count of what it read is checked against it (accounting.ts),
 * so no line is lost unreported. Quotes follow DuckDB's reading: a quote opens a value only at its
 * start (after blanks), `""` inside is a quote, and a quote inside an unquoted value is text.
 * Line breaks, quotes and commas are ASCII, and never occur inside a GB18030 character either.
 */

/**
 * Longest line read (bytes of the file as given). A longer line holding a whole record is set aside
 * before DuckDB reads the file (set-aside.ts) and rejected at its line: DuckDB itself would cut it
 * at its limit (inside a character of Chinese text, which stops the scan) or, past its buffer, drop it.
 */
export const MAX_LINE_BYTES = 1 << 20;

/** DuckDB's max_line_size: room for a line of MAX_LINE_BYTES grown by transcoding (a GB18030 character of 2 bytes is 3 in UTF-8). */
export const READ_LINE_BYTES = 2 * MAX_LINE_BYTES;

/**
 * DuckDB's read buffer, by default 16 × max_line_size: kept at 16 MiB, as before the larger
 * max_line_size (32 MiB made the national postings ingest about 5 % slower).
 */
export const READ_BUFFER_BYTES = 16 * MAX_LINE_BYTES;

/** The reason of a reject for a line longer than MAX_LINE_BYTES. */
export const LONG_LINE_REASON = `line longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`;

/** Most lines one quoted value may span: more is taken as a quote that was never closed (a stray `"` would otherwise join the lines after it into one value). */
export const MAX_VALUE_LINES = 20;

/** Line numbers kept for a message. */
const KEEP = 5;

/** Record ends kept: more than the lines a header is looked for in (detect-header.ts). */
const RECORD_ENDS = 32;

/** Counts a record ending on `line`. */
export function countRecord(shape: CsvShape, line: number): void {
  shape.records++;
  if (shape.recordEnds.length < RECORD_ENDS) shape.recordEnds.push(line);
}

export interface LongRecord { line: number; lines: number }

export interface CsvShape {
  /** Physical lines (a last line without its line break counts). */
  lines: number;
  /** Records with any content, the header included: what DuckDB reads (it skips empty lines). */
  records: number;
  /** The lines the first records end on (as many as a header search needs): the records a header found lower down skips. */
  recordEnds: number[];
  /** The first lines longer than MAX_LINE_BYTES. */
  longLines: number[];
  /** Every record with a line longer than MAX_LINE_BYTES: the line it starts on and the lines it spans. */
  longRecords: LongRecord[];
  /** Line of the first NUL byte (never in a text CSV). */
  nulLine: number | null;
  /**
   * A stray quote: it opens a value on `line` that is never closed (`until` null), still open on
   * line `until` (MAX_VALUE_LINES later), or closed on line `until` by a quote with text after it.
   */
  openQuote: { line: number; until: number | null } | null;
  /**
   * The line inside a quoted value spanning lines (`inner`, the value opening on `line`) with the
   * most commas inside the value: as many as a record has (its header's width − 1) means two stray
   * quotes joined whole records into one value, which DuckDB would read as one row.
   */
  recordInValue: { line: number; inner: number; commas: number } | null;
  /**
   * The record spanning lines (a quoted value holding a line break, opening on `line`, the record
   * ending on `until`) with the most commas, inside quotes or out. Twice a record's (2 × (header
   * width − 1)) means two lines that are records of their own were read as one: a stray quote
   * opening a value on one line and another closing it part-way through the next join them, into
   * one row (DuckDB reads it as well formed) or one reject (the other line missing).
   */
  joinedRecord: { line: number; until: number; commas: number } | null;
  /**
   * The first record line ending in CR LF and the first ending in LF alone (DuckDB reads one kind
   * per file), and whether a CR stands anywhere without an LF after it (old Mac line ends, or a
   * stray CR): either stops the read, which DuckDB would only refuse with an error about its state.
   */
  lineEnds: { crlf: number | null; lf: number | null; loneCr: boolean };
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const isBlank = (b: number) => b === 0x20 || b === 0x09;

export interface ShapeReader {
  update(chunk: Buffer): void;
  finish(): CsvShape;
}

/** Reads the shape of a CSV chunk by chunk, in file order. */
export function shapeReader(): ShapeReader {
  const shape: CsvShape = {
    lines: 0, records: 0, recordEnds: [], longLines: [], longRecords: [], nulLine: null, openQuote: null, recordInValue: null, joinedRecord: null,
    lineEnds: { crlf: null, lf: null, loneCr: false },
  };
  let crs = 0; // CR bytes, and of them those an LF follows
  let crlfs = 0;
  let crLast = false; // the last chunk ended on a CR
  let offset = 0; // file offset of the current chunk
  let lineStart = 0; // file offset where the current line starts
  let line = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let spansLines = false; // the current record has a line break inside a quoted value
  let recordLine = 1; // where the current record starts
  let recordLong = false; // the current record has a line longer than MAX_LINE_BYTES
  let pendingQuote = false; // the last chunk ended on a quote inside a quoted value
  let blankBefore = true; // the last chunk ended in an unquoted value holding only blanks so far
  let lastByte = -1;
  let bom = 0;
  let innerCommas = 0; // commas so far on the current line, inside a quoted value opened on an earlier line
  let chunk: Buffer = Buffer.alloc(0); // the chunk being read
  let carriedCommas = 0; // commas of the current line in the chunks before this one
  let recordCommas = 0; // commas so far of the current record, once it spans lines (inside quotes or out)

  const countCommas = (bytes: Buffer, from: number, to: number) => {
    let n = 0;
    for (let k = bytes.indexOf(COMMA, from); k !== -1 && k < to; k = bytes.indexOf(COMMA, k + 1)) n++;
    return n;
  };
  /** Ends the part of the current line inside a quoted value (at a line break or its closing quote). */
  const endInner = () => {
    if (line > quoteLine && innerCommas > (shape.recordInValue?.commas ?? -1)) shape.recordInValue = { line: quoteLine, inner: line, commas: innerCommas };
    innerCommas = 0;
  };

  /** Ends the line whose break is at file offset `at` (`cr`: the byte before it is a CR). */
  const endLine = (at: number, cr: boolean) => {
    const length = at - lineStart;
    // Only the lines of a record spanning lines are counted: a file without line breaks in values costs nothing.
    if (inQuotes || spansLines) recordCommas += carriedCommas + countCommas(chunk, Math.max(0, lineStart - offset), at - offset);
    carriedCommas = 0;
    if (length > MAX_LINE_BYTES) {
      if (shape.longLines.length < KEEP) shape.longLines.push(line);
      recordLong = true;
    }
    if (!inQuotes) {
      const content = length - (lineStart === 0 ? bom : 0) - (cr ? 1 : 0);
      if (spansLines || content > 0) countRecord(shape, line);
      if (recordLong) shape.longRecords.push({ line: recordLine, lines: line - recordLine + 1 });
      if (spansLines && recordCommas > (shape.joinedRecord?.commas ?? -1)) shape.joinedRecord = { line: recordLine, until: line, commas: recordCommas };
      recordCommas = 0;
      spansLines = false;
      recordLong = false;
      recordLine = line + 1;
    } else {
      spansLines = true;
      if (line - quoteLine + 1 >= MAX_VALUE_LINES && !shape.openQuote) shape.openQuote = { line: quoteLine, until: line + 1 };
    }
    shape.lines++;
    line++;
    lineStart = at + 1;
  };

  /** Whether a quote at chunk position `q` would start a value: only blanks since the last comma or line start. */
  const startsValue = (bytes: Buffer, q: number): boolean => {
    for (let i = q - 1; i >= 0; i--) {
      if (offset === 0 && i < bom) return true;
      const b = bytes[i];
      if (b === COMMA || b === LF) return true;
      if (!isBlank(b)) return false;
    }
    return blankBefore;
  };

  const crBefore = (bytes: Buffer, at: number) => (at > 0 ? bytes[at - 1] === CR : lastByte === CR);

  /**
   * Ends a quoted value at a closing quote followed by `next`. A value over several lines must end
   * there, at a comma or line break: text after its closing quote means the quote that opened it
   * was stray, and the lines it spans are not one value (DuckDB would reject them as one record).
   */
  const closeQuote = (next: number) => {
    endInner();
    inQuotes = false;
    if (line > quoteLine && next !== COMMA && next !== CR && next !== LF && !shape.openQuote) shape.openQuote = { line: quoteLine, until: line };
  };

  return {
    update(bytes: Buffer) {
      if (shape.openQuote || bytes.length === 0) return; // a refused file: only its hash is still wanted
      chunk = bytes;
      if (offset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = 3;
      if (crLast && bytes[0] === LF) crlfs++;
      crLast = false;
      for (let k = bytes.indexOf(CR); k !== -1; k = bytes.indexOf(CR, k + 1)) {
        crs++;
        if (k + 1 === bytes.length) crLast = true;
        else if (bytes[k + 1] === LF) crlfs++;
      }
      if (shape.nulLine === null) {
        const nul = bytes.indexOf(0);
        if (nul !== -1) {
          let n = line;
          for (let at = bytes.indexOf(LF); at !== -1 && at < nul; at = bytes.indexOf(LF, at + 1)) n++;
          shape.nulLine = n;
        }
      }
      let i = 0;
      // The next quote at or after a position, found once: a file without quotes is not searched to its end at every line.
      let quoteAt = -1;
      const nextQuote = (from: number) => {
        if (quoteAt < from) {
          const q = bytes.indexOf(QUOTE, from);
          quoteAt = q === -1 ? Infinity : q;
        }
        return quoteAt;
      };
      if (pendingQuote) {
        pendingQuote = false;
        if (bytes[0] === QUOTE) i = 1; // "" inside a quoted value
        else closeQuote(bytes[0]);
      }
      while (i < bytes.length) {
        if (inQuotes) {
          const q = bytes.indexOf(QUOTE, i);
          const end = q === -1 ? bytes.length : q;
          let from = i;
          for (let at = bytes.indexOf(LF, i); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) {
            if (line > quoteLine) innerCommas += countCommas(bytes, from, at);
            endInner();
            endLine(offset + at, false);
            if (shape.openQuote) return;
            from = at + 1;
          }
          if (line > quoteLine) innerCommas += countCommas(bytes, from, end);
          if (q === -1 || q + 1 === bytes.length) {
            pendingQuote = q !== -1;
            break;
          }
          if (bytes[q + 1] === QUOTE) i = q + 2;
          else {
            closeQuote(bytes[q + 1]);
            if (shape.openQuote) return;
            i = q + 1;
          }
          continue;
        }
        const lf = bytes.indexOf(LF, i);
        const end = lf === -1 ? bytes.length : lf;
        let q = nextQuote(i);
        while (q < end && !startsValue(bytes, q)) q = nextQuote(q + 1);
        if (q < end) {
          inQuotes = true;
          quoteLine = line;
          i = q + 1;
        } else if (lf === -1) {
          break;
        } else {
          const cr = crBefore(bytes, lf);
          if (cr) shape.lineEnds.crlf ??= line;
          else shape.lineEnds.lf ??= line;
          endLine(offset + lf, cr);
          i = lf + 1;
        }
      }
      blankBefore = !inQuotes && startsValue(bytes, bytes.length);
      carriedCommas += countCommas(bytes, Math.max(0, lineStart - offset), bytes.length);
      lastByte = bytes[bytes.length - 1];
      offset += bytes.length;
    },
    finish() {
      shape.lineEnds.loneCr = crs > crlfs;
      if (shape.openQuote) return shape;
      if (pendingQuote) inQuotes = false; // a closing quote at the very end
      if (inQuotes) {
        shape.openQuote = { line: quoteLine, until: null };
        return shape;
      }
      // A last line without its line break (a lone CR there ends an empty line).
      if (offset > lineStart) endLine(offset, lastByte === CR);
      return shape;
    },
  };
}
