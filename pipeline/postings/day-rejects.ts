import type { DuckDBConnection } from '@duckdb/node-api';
import { originalsOf } from '../load/normalise.ts';
import { fileRejects } from '../load/rejects/from-file.ts';
import type { CsvScan, ScannedFile } from '../load/read-csv.ts';
import type { Reject } from '../load/rejects/reject.ts';
import { sqlString } from '../load/sql.ts';
import type { TableSchema } from '../config/schema.ts';

/**
 * One day's rejects out of a batch: its share of the batch's rejects and of the values as the file
 * wrote them where normalisation rewrote them (both renumbered to the day's own rows), and of
 * DuckDB's malformed-row log (numbered per file already), then line-numbered by the loader exactly
 * as for a file read alone.
 */
export async function dayRejects(
  conn: DuckDBConnection,
  batch: { schema: TableSchema; scan: CsvScan; rejects: string; name: string },
  day: { scanned: ScannedFile; file: string; csvPath: string },
  warn: (msg: string) => void,
): Promise<Reject[]> {
  const name = `${batch.name}_day`;
  const { first, parsed } = day.scanned;
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_csv_errors AS
    SELECT e.* FROM ${batch.scan.errors} e JOIN ${batch.scan.scans} s USING (scan_id, file_id)
    WHERE s.file_path = ${sqlString(day.scanned.path)}`);
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_rejects AS
    SELECT row_id - ${first} AS row_id, field, value, reason, first_row_id - ${first} AS first_row_id
    FROM ${batch.rejects} WHERE row_id BETWEEN ${first} AND ${first + parsed - 1}`);
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_originals AS
    SELECT row_id - ${first} AS row_id, field, original FROM ${originalsOf(batch.scan.rows)} WHERE row_id BETWEEN ${first} AND ${first + parsed - 1}`);
  const scan = { ...batch.scan, errors: `${name}_csv_errors`, parsed, files: [day.scanned] };
  return fileRejects(conn, {
    table: batch.schema.name, file: day.file, csvPath: day.csvPath, schema: batch.schema, scan, rejects: `${name}_rejects`, name,
    originals: `${name}_originals`,
  }, warn);
}
