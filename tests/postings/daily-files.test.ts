/** Which files of a data folder are the postings feed, and what is said of the others. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDailyFiles } from '../../pipeline/postings/daily-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'daily-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('daily postings files', () => {
  it('reads postings/YYYY-MM-DD.csv and says that a postings file beside the other inputs is not read', () => {
    mkdirSync(join(dir, 'postings'));
    writeFileSync(join(dir, 'postings', '2025-03-01.csv'), 'posting_id\n');
    writeFileSync(join(dir, 'postings.csv'), 'posting_id\n');
    const warnings: string[] = [];
    const files = listDailyFiles(dir, (m) => warnings.push(m), new Date('2025-03-02T00:00:00Z'));
    expect(files.map((f) => f.name)).toEqual(['2025-03-01.csv']);
    expect(warnings).toEqual([`${join(dir, 'postings.csv')}: 未读取 — not read: postings are read from one file a day, `
      + `${join(dir, 'postings', 'YYYY-MM-DD.csv')} (or .xlsx); split this file by day into that folder`]);
  });
});
