import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, MAX_VALUE_LINES, shapeReader, type CsvShape } from '../../pipeline/load/csv-shape.ts';
import { checkAccounting } from '../../pipeline/load/accounting.ts';

/** The shape of `text` read in chunks of `size` bytes (every split point matters: quotes and line ends straddle chunks). */
function shapeOf(text: string | Buffer, size = Infinity): CsvShape {
  const bytes = Buffer.from(text);
  const reader = shapeReader();
  for (let at = 0; at < bytes.length; at += size) reader.update(bytes.subarray(at, Math.min(bytes.length, at + size)));
  return reader.finish();
}

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Records DuckDB reads from `text` as the loader reads it (rows plus malformed records, header excluded). */
async function duckdbRecords(text: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'shape-'));
  dirs.push(dir);
  await writeFile(join(dir, 'f.csv'), text);
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE TEMP TABLE r AS FROM read_csv('${join(dir, 'f.csv')}', columns = {'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR'},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', store_rejects = true, rejects_table = 'e', rejects_scan = 's')`);
  const [[n]] = (await conn.runAndReadAll(`SELECT ((SELECT count(*) FROM r) + (SELECT count(DISTINCT line) FROM e))::INTEGER`)).getRows();
  return n as number;
}

const CASES: Record<string, string> = {
  plain: 'a,b,c\n1,2,3\n4,5,6\n',
  'no final line break': 'a,b,c\n1,2,3\n4,5,6',
  'blank lines': 'a,b,c\n\n1,2,3\n\n,,\n4,5,6\n\n',
  crlf: 'a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n',
  bom: '\ufeffa,b,c\n1,2,3\n',
  'quoted value over lines': 'a,b,c\n1,"two\nlines",3\n4,5,6\n',
  'escaped quotes': 'a,b,c\n1,"say ""hi""\n",3\n4,5,6\n',
  'quote inside an unquoted value': 'a,b,c\n1,2"x,3\n4,5,6\n',
  'quote after blanks opens a value': 'a,b,c\n1, "x\ny",3\n4,5,6\n',
  'text after a closing quote': 'a,b,c\n1,"x"y,3\n4,5,6\n',
};

describe('the shape of a CSV, read while it is hashed', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: the records DuckDB reads, however the file is cut into chunks`, async () => {
      const expected = await duckdbRecords(text);
      for (const size of [1, 2, 3, 5, Infinity]) expect(shapeOf(text, size).records - 1, `chunks of ${size}`).toBe(expected);
    });
  }

  it('counts physical lines', () => {
    expect(shapeOf('a,b,c\n1,"x\ny",3\n4,5,6').lines).toBe(4);
    expect(shapeOf('a,b,c\n\n').lines).toBe(2);
  });

  it('a quote that never closes: the line it opens on', () => {
    const text = `a,b,c\n1,2,3\n4,"5,6\n${'7,8,9\n'.repeat(3)}`;
    for (const size of [1, 4, Infinity]) expect(shapeOf(text, size).openQuote).toEqual({ line: 3, until: null });
  });

  it(`a quoted value over more than ${MAX_VALUE_LINES} lines counts as never closed`, () => {
    const long = `a,b,c\n1,"${'x\n'.repeat(MAX_VALUE_LINES)}",3\n`;
    expect(shapeOf(long).openQuote).toEqual({ line: 2, until: 2 + MAX_VALUE_LINES });
    const fits = `a,b,c\n1,"${'x\n'.repeat(MAX_VALUE_LINES - 2)}",3\n`;
    expect(shapeOf(fits)).toMatchObject({ openQuote: null, records: 2 });
  });

  it('a quoted value over lines with text after its closing quote: the opening quote was stray', () => {
    const text = 'a,b,c\n1,"x,2\n3,"y",z\n';
    for (const size of [1, 2, 13, Infinity]) expect(shapeOf(text, size).openQuote, `chunks of ${size}`).toEqual({ line: 2, until: 3 });
    expect(shapeOf('a,b,c\n1,"x\ny"z,2\n').openQuote).toEqual({ line: 2, until: 3 });
    expect(shapeOf('a,b,c\n1,"x"z,2\n').openQuote).toBeNull(); // on one line: DuckDB rejects that record alone
  });

  it('the line inside a quoted value spanning lines with the most commas: a whole record inside means two stray quotes', () => {
    // Line 3 is a record of its own inside the value that line 2 opens and line 4 closes.
    const text = 'a,b,c\n1,"x,2\n3,4,5\n6",7,8\n9,10,11\n';
    for (const size of [1, 2, 7, Infinity]) {
      expect(shapeOf(text, size).recordInValue, `chunks of ${size}`).toEqual({ line: 2, inner: 3, commas: 2 });
      expect(shapeOf(text, size).openQuote).toBeNull();
    }
    // An address over two lines: a line inside with no comma; a quote written as text ("") is no end.
    expect(shapeOf('a,b,c\n1,"重庆市\n渝中区 ""解放碑""",3\n').recordInValue).toEqual({ line: 2, inner: 3, commas: 0 });
    expect(shapeOf('a,b,c\n1,"x,y",3\n').recordInValue).toBeNull();
  });

  it('the record spanning lines with the most commas, inside quotes or out: two records\' worth means stray quotes joined two lines', () => {
    // A quote opens b on line 3 and closes part-way through line 4: lines 3 and 4 are read as one record of 3 fields.
    const joined = 'a,b,c\n1,2,3\n4,"5,6\n7,8",9\n10,11,12\n';
    // A quote opens c on line 2 and closes in a of line 3: one record of 5 fields.
    const wide = 'a,b,c\n1,2,"3\n4",5,6\n';
    // Lines 2–4 are one record: its value has a line break and a comma in it, but it holds one record's commas and one more.
    const address = 'a,b,c\n1,"重庆市渝中区,\n解放碑\n",3\n';
    for (const size of [1, 2, 3, 7, Infinity]) {
      expect(shapeOf(joined, size).joinedRecord, `chunks of ${size}`).toEqual({ line: 3, until: 4, commas: 4 });
      expect(shapeOf(wide, size).joinedRecord, `chunks of ${size}`).toEqual({ line: 2, until: 3, commas: 4 });
      expect(shapeOf(address, size).joinedRecord, `chunks of ${size}`).toEqual({ line: 2, until: 4, commas: 3 });
      expect(shapeOf(`${joined}${address.slice(6)}`, size).joinedRecord, 'the record with most commas').toEqual({ line: 3, until: 4, commas: 4 });
      expect(shapeOf('a,b,c\n1,2,3\n"x",5,6', size).joinedRecord, 'no value spans lines').toBeNull();
    }
  });

  it('line endings: CR LF and LF alone in one file, or a CR without LF, are named instead of failing in the reader', () => {
    for (const size of [1, 5, Infinity]) {
      expect(shapeOf('a,b,c\n1,2,3\n4,5,6\r\n7,8,9\n', size).lineEnds, `chunks of ${size}`).toEqual({ crlf: 3, lf: 1, loneCr: false });
      expect(shapeOf('a,b,c\r1,2,3\r', size).lineEnds.loneCr).toBe(true);
      expect(shapeOf('a,b,c\r\n1,"x\ny",3\r\n', size).lineEnds).toEqual({ crlf: 1, lf: null, loneCr: false });
    }
  });

  it('the line of the first NUL byte', () => {
    for (const size of [1, 3, Infinity]) expect(shapeOf('a,b,c\n1,2,3\n4,\u00005,6\n7,8,9\0\n', size).nulLine).toBe(3);
    expect(shapeOf('a,b,c\n').nulLine).toBeNull();
  });

  it('every record with a line over the maximum: where it starts and how many lines it spans', () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 1);
    const text = `a,b,c\n1,2,${long}\n3,"${long}\nend",4\n5,6,7\n8,"two\n${long}",9\n${'1,2,3\n'.repeat(6)}9,9,${long}`;
    for (const size of [4096, 1 << 20, Infinity]) {
      const shape = shapeOf(text, size);
      expect(shape.longRecords, `chunks of ${size}`).toEqual([{ line: 2, lines: 1 }, { line: 3, lines: 2 }, { line: 6, lines: 2 }, { line: 14, lines: 1 }]);
      expect(shape.longLines, 'the first five long lines, for messages').toEqual([2, 3, 7, 14]);
    }
  });
});

describe('every data record is read or rejected', () => {
  it('a count that differs from the file\'s records stops the load, naming the long lines', () => {
    const shape = shapeOf(`a,b,c\n1,2,3\n4,5,${'x'.repeat(MAX_LINE_BYTES + 1)}\n`);
    expect(() => checkAccounting('f.csv', shape, 1, 2)).not.toThrow();
    expect(() => checkAccounting('f.csv', shape, 1, 1)).toThrow(
      `f.csv: 读取不完整 — 1 of its 2 data records were read; the run stops rather than publish a table missing rows; ` +
      `lines longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes: f.csv:3`);
  });
});
