import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import type { CsvScan } from './read-csv.ts';
import { sqlString } from './sql.ts';

/**
 * Maps scanned rows back to lines of the original file. DuckDB drops blank lines and malformed
 * rows from the scan and numbers its rejects by record, not by line, so neither the scan position
 * nor DuckDB's record number is the line a person sees when a quoted value spans lines. The file
 * is read once more as plain lines; a line starts a record when the quotes before it are
 * balanced. Result: a table (logical = DuckDB's record number, line = original line, row_id =
 * scan position, NULL for header/blank/malformed records). Only built when there are rejects.
 * Returns false when the recount disagrees with DuckDB's scan (line numbers then approximate).
 */
export async function mapLines(conn: DuckDBConnection, csvPath: string, scan: CsvScan, name: string): Promise<boolean> {
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_physical AS
    SELECT l FROM read_csv(${sqlString(resolve(csvPath))}, columns = {'l': 'VARCHAR'},
      header = false, auto_detect = false, quote = '', escape = '', delim = chr(0))`);
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_lines AS
    WITH physical AS (
      SELECT rowid + 1 AS line, l IS NULL AS blank, coalesce(length(l) - length(replace(l, '"', '')), 0) AS quotes
      FROM ${name}_physical),
    records AS (
      SELECT line, blank, row_number() OVER (ORDER BY line) AS logical
      FROM (SELECT *, sum(quotes) OVER (ORDER BY line ROWS UNBOUNDED PRECEDING) - quotes AS quotes_before FROM physical)
      WHERE quotes_before % 2 = 0),
    kinds AS (
      SELECT *, logical > 1 AND NOT blank AND logical NOT IN (SELECT line FROM ${scan.errors}) AS is_row FROM records)
    SELECT logical, line::INTEGER AS line,
           CASE WHEN is_row THEN row_number() OVER (PARTITION BY is_row ORDER BY logical) - 1 END AS row_id
    FROM kinds`);
  const check = await conn.runAndReadAll(`
    SELECT count(row_id) = ${scan.parsed} AS consistent FROM ${name}_lines`);
  return check.getRowObjectsJS()[0].consistent as boolean;
}
