import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { READ_LINE_BYTES } from './csv-shape.ts';
import type { CsvScan } from './read-csv.ts';
import { sqlString } from './sql.ts';

/**
 * Tests for "this physical line starts a record": first assuming quotes pair up (so a quoted value
 * may span lines); if that disagrees with DuckDB's count, a stray quote inside an unquoted value
 * (which DuckDB keeps as text) broke the pairing, so one record per line is tried next.
 */
const RECORD_STARTS = ['quotes_before % 2 = 0', 'true'];

/**
 * Maps scanned rows back to lines of the original file. DuckDB drops blank lines and malformed
 * rows from the scan and numbers its rejects by record, not by line, so neither the scan position
 * nor DuckDB's record number is the line a person sees when a quoted value spans lines. The file
 * is read once more as plain lines to find where records start (not strictly: in a CR LF file, a
 * line break typed inside a cell, Alt+Enter in Excel, is a bare LF, a line of its own to a person
 * and to this reading alike). Result: table <name>_lines
 * (logical = DuckDB's record number, line = original line, row_id = scan position; NULL for
 * title and header lines, blank and malformed records). Only built when there are rejects. Returns false when no
 * reading agrees with DuckDB's count (line numbers are then approximate).
 */
export async function mapLines(conn: DuckDBConnection, csvPath: string, scan: CsvScan, name: string): Promise<boolean> {
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_physical AS
    SELECT l FROM read_csv(${sqlString(resolve(csvPath))}, columns = {'l': 'VARCHAR'},
      header = false, auto_detect = false, quote = '', escape = '', delim = chr(0), max_line_size = ${READ_LINE_BYTES},
      strict_mode = false)`);
  for (const startsRecord of RECORD_STARTS) {
    await conn.run(`
      CREATE OR REPLACE TEMP TABLE ${name}_lines AS
      WITH physical AS (
        SELECT rowid + 1 AS line, l IS NULL AS blank, coalesce(length(l) - length(replace(l, '"', '')), 0) AS quotes
        FROM ${name}_physical),
      records AS (
        SELECT line, blank, row_number() OVER (ORDER BY line) AS logical
        FROM (SELECT *, sum(quotes) OVER (ORDER BY line ROWS UNBOUNDED PRECEDING) - quotes AS quotes_before FROM physical)
        WHERE ${startsRecord}),
      kinds AS (
        SELECT *, logical > ${scan.headerRecord} AND NOT blank AND logical NOT IN (SELECT line FROM ${scan.errors}) AS is_row FROM records)
      SELECT logical, line::INTEGER AS line,
             CASE WHEN is_row THEN row_number() OVER (PARTITION BY is_row ORDER BY logical) - 1 END AS row_id
      FROM kinds`);
    const check = await conn.runAndReadAll(`SELECT count(row_id) = ${scan.parsed} AS consistent FROM ${name}_lines`);
    if (check.getRowObjectsJS()[0].consistent) return true;
  }
  return false;
}
