/**
 * The daily files of the postings feed: `postings/YYYY-MM-DD.csv` (or .xlsx) in the data folder,
 * and the days delivered on the platform and accepted (`<warehouse>/uploads/postings/`), which
 * stand in for the folder's file of their day. The date in the name orders the files, so when a
 * posting is sent again the later file wins.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LoadError } from '../load/errors.ts';
import { assertRegularFile } from '../load/stable-file.ts';
import { acceptedPostingsDir } from '../config/accepted-inputs.ts';

export const POSTINGS_FOLDER = 'postings';


export interface DailyFile {
  /** File name, the key of the store's ledger, e.g. `2025-03-01.csv`. */
  name: string;
  /** Path as the data folder was given, so rejects can be opened as printed. */
  path: string;
}

export const DAILY = /^\d{4}-\d{2}-\d{2}\.(csv|xlsx)$/;

/** `YYYY-MM-DD` of a date (UTC). */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The latest day a file may hold postings of, given its own day: the next (a day's grace for time
 * zones: a posting of tomorrow in Chongqing is today's in UTC).
 */
export const dayAfter = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/** The refresh's day in Chongqing (UTC+8, no summer time): the day the feed's senders name their files by. */
export const beijingDay = (now: Date) => dayOf(new Date(now.getTime() + 8 * 3_600_000));

/**
 * Why a file's day cannot be a day of postings: not a calendar date, or later than the day after the
 * refresh's in Chongqing (a day's grace: a feed may name its files for the day it publishes them).
 */
export function dayProblem(day: string, now: Date): string | null {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || dayOf(date) !== day) return `日期无效 — ${day} is not a calendar date`;
  const today = beijingDay(now);
  const latest = dayAfter(today);
  if (day > latest) return `日期晚于刷新日 — ${day} is after the refresh day ${today} (Beijing time; a day's grace: ${latest} at the latest); check the file's name`;
  return null;
}

/**
 * The daily files by date, the data folder's and the accepted deliveries of `warehouseDir` (when
 * given), a delivered day in place of the folder's file of that day; other files, and a whole feed
 * in one file beside the other inputs, are reported and skipped. A day given twice in one folder, a
 * name that is no calendar date or a day after tomorrow stops the run: its postings would be
 * counted in a month that is not theirs.
 */
export function listDailyFiles(dataDir: string, warn: (message: string) => void, now: Date, warehouseDir?: string): DailyFile[] {
  // A feed delivered as one file beside the other inputs would otherwise be passed over without a word.
  for (const whole of ['csv', 'xlsx'].map((ext) => join(dataDir, `${POSTINGS_FOLDER}.${ext}`)).filter(existsSync)) {
    warn(`${whole}: 未读取 — not read: postings are read from one file a day, ${join(dataDir, POSTINGS_FOLDER, 'YYYY-MM-DD.csv')} (or .xlsx); split this file by day into that folder`);
  }
  const days = new Map(dailyFilesIn(join(dataDir, POSTINGS_FOLDER), warn, now).map((f) => [f.name.slice(0, 10), f]));
  if (warehouseDir) for (const f of dailyFilesIn(acceptedPostingsDir(warehouseDir), warn, now)) days.set(f.name.slice(0, 10), f);
  return [...days.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function dailyFilesIn(dir: string, warn: (message: string) => void, now: Date): DailyFile[] {
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
  daily.forEach((name) => assertRegularFile(join(dir, name)));
  return daily.map((name) => ({ name, path: join(dir, name) }));
}
