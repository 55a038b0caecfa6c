import { DuckDBInstance } from '@duckdb/node-api';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../pipeline/load/index.ts';
import { MAX_LINE_BYTES } from '../../pipeline/load/csv-shape.ts';
import { FIXTURES, inputsFrom, inputsWith, load, removeInputs, VALID } from './helpers.ts';
import { xlsxWithRows } from '../hostile/files.ts';

afterAll(removeInputs);

const programmes = () => readFileSync(join(VALID, 'programmes.csv'), 'utf8').trimEnd().split('\n');

describe('what is loaded is what was read', () => {
  it('a file rewritten between its hash and its read stops the load instead of loading new rows under the old hash', async () => {
    // An unknown column makes the loader warn between hashing the file and reading it with DuckDB:
    // the moment a delivery still being written would grow.
    const [header, ...rows] = programmes();
    const dir = await inputsWith({ 'programmes.csv': [`${header},note`, ...rows.map((r) => `${r},x`), ''].join('\n') });
    const file = join(dir, 'programmes.csv');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const grow = (message: string) => {
      if (message.includes('"note"')) appendFileSync(file, `${rows[0].replace(/^\d+/, '2031')},x\n`);
    };
    const error = await loadInputs(conn, {
      dataDir: dir, referenceDir: join(FIXTURES, 'no-reference'), policy: { reject_share_max: 0.5 }, effects: { warn: grow },
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `${file}: 文件在读取期间被修改 — the file changed while it was read; nothing of it was loaded. Run the refresh again once it is completely written`);
  });

  it(`a line over ${MAX_LINE_BYTES.toLocaleString('en')} bytes is a reject with its line number; the other rows load`, async () => {
    const lines = programmes();
    lines[2] = lines[2].replace(/active$/, 'x'.repeat(MAX_LINE_BYTES + 10));
    const dir = await inputsWith({ 'programmes.csv': `${lines.join('\n')}\n` });
    const { report } = await load(dir);
    expect(report.rejects.filter((r) => r.table === 'programmes').map((r) => [r.line, r.reason])).toEqual([[3, `line longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`]]);
    expect(report.inputs.find((i) => i.table === 'programmes')).toMatchObject({ rows: lines.length - 2, rejected: 1 });
  });

  // Chinese text cut at DuckDB's limit would split a character; a line past 2,000,000 bytes or its
  // buffer (32 MB) was not read at all: each is still one reject, at the line its record starts on.
  it.each([
    ['Chinese text, cut mid-character at the limit', '焊工'.repeat(180_000)],
    ['Chinese text over 2,000,000 bytes', '焊工'.repeat(400_000)],
    ['over DuckDB\'s 32 MB buffer', 'x'.repeat(40_000_000)],
    ['over DuckDB\'s 32 MB buffer, inside a quoted value over two lines', `"active\n${'x'.repeat(40_000_000)}"`],
  ])('a line over the maximum (%s): a reject of its record, the others load', async (_, text) => {
    const lines = programmes();
    lines[1] = lines[1].replace(/active$/, text);
    lines[3] = lines[3].replace(/active$/, text);
    const dir = await inputsWith({ 'programmes.csv': `${lines.join('\n')}\n` });
    const { report } = await load(dir);
    const reason = `line longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`;
    const spans = text.includes('\n') ? 1 : 0;
    expect(report.rejects.filter((r) => r.table === 'programmes').map((r) => [r.line, r.reason, r.value]))
      .toEqual([[2, reason, lines[1].slice(0, 200)], [4 + spans, reason, lines[3].slice(0, 200)]]);
    expect(report.inputs.find((i) => i.table === 'programmes')).toMatchObject({ rows: lines.length - 3, rejected: 2 });
  }, 60_000);

  it('the maximum is of the bytes sent: a GB18030 line under it is read whole, though half as long again in UTF-8', async () => {
    const lines = programmes();
    const [before, after] = [lines[1].replace(/active$/, ''), lines.slice(2).join('\n')];
    const text = Buffer.from('bab8b9a4'.repeat(250_000), 'hex'); // 焊工 in GB18030: 1,000,000 bytes, 1,500,000 in UTF-8
    expect(text.length).toBeLessThan(MAX_LINE_BYTES);
    const dir = await inputsWith({ 'programmes.csv': Buffer.concat([Buffer.from(`${lines[0]}\n${before}`), text, Buffer.from(`\n${after}\n`)]) });
    const { report } = await load(dir);
    // Read whole: rejected for its value (not a status), not for its length.
    expect(report.rejects.filter((r) => r.table === 'programmes').map((r) => [r.line, r.column, r.value.length])).toEqual([[2, 'status', 500_000]]);
  }, 60_000);

  it('a sheet row over the maximum as CSV: a reject of that row, the others load', async () => {
    const rows = programmes().map((line, i): [number, string[]] => [i + 1, line.split(',')]);
    rows[2][1][8] = '焊工'.repeat(180_000);
    const dir = await inputsFrom(VALID, { 'programmes.xlsx': xlsxWithRows(rows) }, ['programmes.csv']);
    const { report } = await load(dir);
    expect(report.rejects.filter((r) => r.table === 'programmes').map((r) => [r.line, r.reason]))
      .toEqual([[3, `line longer than the maximum of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`]]);
    expect(report.inputs.find((i) => i.table === 'programmes')).toMatchObject({ rows: rows.length - 2, rejected: 1 });
  }, 60_000);
});
