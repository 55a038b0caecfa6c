/** Which files of a data folder are the postings feed, and what is said of the others. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayProblem, listDailyFiles } from '../../pipeline/postings/daily-files.ts';

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

  it('takes the refresh day in Chongqing: at 02:18 on 7 December there, a file of the 8th is tomorrow\'s, not later', () => {
    const now = new Date('2026-12-06T18:18:00Z'); // 2026-12-07 02:18 in Chongqing
    expect(dayProblem('2026-12-08', now)).toBeNull();
    expect(dayProblem('2026-12-09', now)).toBe('日期晚于刷新日 — 2026-12-09 is after the refresh day 2026-12-07 (Beijing time; a day\'s grace: 2026-12-08 at the latest); check the file\'s name');
    expect(dayProblem('2026-02-30', now)).toBe('日期无效 — 2026-02-30 is not a calendar date');
  });
});
