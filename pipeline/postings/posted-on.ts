/**
 * A posting cannot be published after the day of the file that lists it: a posted_on later than
 * the file's day (with a day's grace, dayAfter) is a mistyped date, 2052 for 2025, and would count
 * the posting in a month that has not come. The detailed pass rejects it; the fast pass leaves a
 * day holding one to the detailed pass.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CsvScan } from '../load/read-csv.ts';
import { sqlString } from '../load/sql.ts';
import { dayAfter } from './daily-files.ts';

/** The file's day (`YYYY-MM-DD` of its name) and the latest posted_on it may hold. */
export const postedLatest = (fileName: string) => ({ day: fileName.slice(0, 10), latest: dayAfter(fileName.slice(0, 10)) });

/** Adds to `rejects` the rows of the scan (its files in the order of `names`) posted after their file's day. */
export async function checkPostedOn(conn: DuckDBConnection, scan: CsvScan, names: readonly string[], rejects: string): Promise<void> {
  const days = scan.files.map((f, i) => {
    const { day, latest } = postedLatest(names[i]);
    return `(${sqlString(f.path)}, DATE ${sqlString(latest)}, ${sqlString(`发布日期晚于文件日期 — after the file's day ${day} (a day's grace: ${latest} at the latest)`)})`;
  });
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT r.row_id, 'posted_on', r.posted_on, d.reason, NULL
    FROM ${scan.rows} r JOIN (VALUES ${days.join(', ')}) d(path, latest, reason) ON r.source_file = d.path
    WHERE TRY_CAST(r.posted_on AS DATE) > d.latest`);
}
