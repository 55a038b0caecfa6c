import { createHash } from 'node:crypto';

/**
 * Parquet name of a daily file's conversion, `2025-03-01.csv.<16 hex>.parquet`, from the file's bytes
 * and what it was checked against: a new conversion never overwrites the one the ledger names.
 */
export const parquetName = (name: string, sha256: string, checks: string) =>
  `${name}.${createHash('sha256').update(`${sha256} ${checks}`).digest('hex').slice(0, 16)}.parquet`;
