/**
 * The daily files of the postings feed: `postings/YYYY-MM-DD.csv` (or .xlsx) in the data folder.
 * The date in the name orders the files, so when a posting is sent again the later file wins.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LoadError } from '../load/errors.ts';

export const POSTINGS_FOLDER = 'postings';

export interface DailyFile {
  /** File name, the key of the store's ledger, e.g. `2025-03-01.csv`. */
  name: string;
  /** Path as the data folder was given, so rejects can be opened as printed. */
  path: string;
}

const DAILY = /^\d{4}-\d{2}-\d{2}\.(csv|xlsx)$/;

/** `YYYY-MM-DD` of a date (UTC). */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Why a file's day cannot be a day of postings: not a calendar date, or later than the day after the
 * refresh's (a day's grace for time zones: a file dated tomorrow in Chongqing is today in UTC).
 */
function dayProblem(day: string, now: Date): string | null {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || dayOf(date) !== day) return `日期无效 — ${day} is not a calendar date`;
  const latest = dayOf(new Date(now.getTime() + 86_400_000));
  if (day > latest) return `日期晚于刷新日 — ${day} is after the refresh day ${dayOf(now)} (a day's grace: ${latest} at the latest); check the file's name`;
  return null;
}

/**
 * The folder's daily files by date; other files are reported and skipped. A day given twice, a name
 * that is no calendar date or a day after tomorrow stops the run: its postings would be counted in a
 * month that is not theirs.
 */
export function listDailyFiles(dataDir: string, warn: (message: string) => void, now: Date): DailyFile[] {
  const dir = join(dataDir, POSTINGS_FOLDER);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  for (const name of names.filter((n) => !DAILY.test(n))) {
    warn(`${join(dir, name)}: 忽略文件 — ignored (daily postings files are named YYYY-MM-DD.csv or .xlsx)`);
  }
  const daily = names.filter((n) => DAILY.test(n));
  for (const name of daily) {
    const problem = dayProblem(name.slice(0, 10), now);
    if (problem) throw new LoadError(`${join(dir, name)}: ${problem}`);
  }
  daily.forEach((name, i) => {
    if (i > 0 && daily[i - 1].slice(0, 10) === name.slice(0, 10)) {
      throw new LoadError(`${join(dir, daily[i - 1])} / ${name}: 文件重复 — the same day twice, keep only one`);
    }
  });
  return daily.map((name) => ({ name, path: join(dir, name) }));
}
