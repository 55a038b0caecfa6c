import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../pipeline/sample/write-csv.ts';

describe('write-csv', () => {
  it('writes the header and rows in field order with LF endings, across batches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const path = join(dir, 't.csv');
    const csv = openCsv(path, ['b', 'a'], 2);
    for (let i = 0; i < 3; i++) csv.write({ a: i, b: i % 2 === 0 });
    expect(csv.close()).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe('b,a\ntrue,0\nfalse,1\ntrue,2\n');
    rmSync(dir, { recursive: true });
  });
});
