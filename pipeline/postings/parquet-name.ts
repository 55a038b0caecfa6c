import { createHash } from 'node:crypto';

/** A daily file as it is stored: its name and the sha256 of its bytes. */
export interface StoredDay { name: string; sha256: string }

/**
 * Parquet name of some daily files' conversion written to one file: `2025-03-01.csv.<16 hex>.parquet`
 * for one day, `2025-01-01.csv+177.<16 hex>.parquet` for a day and the 177 after it. The hex is of
 * every day's name and bytes and of what they were checked against: a file is named by its content,
 * so a new conversion never overwrites one the ledger names with other rows.
 */
export function parquetName(days: StoredDay[], checks: string): string {
  const hash = createHash('sha256');
  for (const day of days) hash.update(`${day.name} ${day.sha256}\n`);
  hash.update(checks);
  const others = days.length > 1 ? `+${days.length - 1}` : '';
  return `${days[0].name}${others}.${hash.digest('hex').slice(0, 16)}.parquet`;
}
