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

/** The folder's daily files by date; other files are reported and skipped, a day given twice aborts. */
export function listDailyFiles(dataDir: string, warn: (message: string) => void): DailyFile[] {
  const dir = join(dataDir, POSTINGS_FOLDER);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  for (const name of names.filter((n) => !DAILY.test(n))) {
    warn(`${join(dir, name)}: 忽略文件 — ignored (daily postings files are named YYYY-MM-DD.csv or .xlsx)`);
  }
  const daily = names.filter((n) => DAILY.test(n));
  daily.forEach((name, i) => {
    if (i > 0 && daily[i - 1].slice(0, 10) === name.slice(0, 10)) {
      throw new LoadError(`${join(dir, daily[i - 1])} / ${name}: 文件重复 — the same day twice, keep only one`);
    }
  });
  return daily.map((name) => ({ name, path: join(dir, name) }));
}
