import { DuckDBInstance } from '@duckdb/node-api';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../pipeline/load/index.ts';
import { MAX_LINE_BYTES } from '../../pipeline/load/csv-shape.ts';
import { FIXTURES, inputsWith, load, removeInputs, VALID } from './helpers.ts';

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
});
