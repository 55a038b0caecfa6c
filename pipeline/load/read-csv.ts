import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import type { TableSchema } from '../config/schema.ts';
import { READ_BUFFER_BYTES, READ_LINE_BYTES } from './csv-shape.ts';
import type { HeaderMap } from './map-header.ts';
import { paddedColumn, totalRowTest } from './normalise.ts';
import { sqlName, sqlString } from './sql.ts';

/** What one CSV scan leaves behind. */
export interface CsvScan {
  /** Temporary table: row_id (0-based position among the rows DuckDB parsed) and one text column per field. */
  rows: string;
  /** DuckDB's log of malformed rows (wrong number of fields), numbered by record. */
  errors: string;
  /** DuckDB's list of the files it read, by file_id (file_path as given). */
  scans: string;
  /** 1-based line of the header row: the rows start after it. */
  headerLine: number;
  /** Its 1-based record number, blank lines counted (a quoted value may span lines). */
  headerRecord: number;
  /** Rows DuckDB parsed, including the empty ones dropped from `rows`. */
  parsed: number;
  /** Each file read, in the order given: its rows are row_id first … first + parsed - 1 (source_file is its path). */
  files: ScannedFile[];
}

export interface ScannedFile {
  path: string; first: number; parsed: number;
  /** Of those, rows without any value (only separators: ,,,,), dropped: said in a note. */
  empty: number;
}

/** Spaces, tabs, line breaks, no-break, thin, zero-width and ideographic spaces, BOM: padding spreadsheets leave around values. */
export const BLANKS = ' \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff';
const PADDED = sqlString(`^[${BLANKS}]|[${BLANKS}]$`);

/** Trimmed text of a file column, NULL when empty (the schemas' missingValues); trims only padded values, as trim is costly. */
function cleanValue(column: string): string {
  return `NULLIF(CASE WHEN regexp_matches(${column}, ${PADDED}) THEN trim(${column}, ${sqlString(BLANKS)}) ELSE ${column} END, '')`;
}

function paddedValue(column: string): string {
  return `CASE WHEN regexp_matches(${column}, ${PADDED}) AND trim(${column}, ${sqlString(BLANKS)}) <> '' THEN ${column} END`;
}

/**
 * Bulk-reads a UTF-8 CSV with DuckDB into a temporary table of schema fields (all text; absent
 * optional fields NULL). Declared columns and auto_detect=false stop DuckDB guessing; rows with the
 * wrong number of fields go to the rejects log with their record number instead of failing the
 * scan. Fields are found by header position, so Chinese or duplicated header texts do not matter.
 * Rows without any value (padding from spreadsheet exports) are dropped. Types and constraints
 * are checked afterwards in SQL. With `totals`, each row also says whether a cell reads 合计/小计/总计
 * (total_text: its cells in the file's order, NULL on any other row), and with `padded` keeps a padded value's text beside it (paddedColumn), for normaliseRows. Several files of one header layout are read in one scan (a day's
 * fixed cost paid once); their rows follow each other in row_id when DuckDB runs on one thread.
 */
export async function readCsv(conn: DuckDBConnection, csvPath: string | readonly string[], schema: TableSchema, header: HeaderMap,
  name: string, options: { totals?: boolean; padded?: boolean; crlf?: boolean } = {}): Promise<CsvScan> {
  const scan = { rows: `${name}_rows`, errors: `${name}_csv_errors`, scans: `${name}_csv_scans` };
  const paths = [csvPath].flat().map((p) => resolve(p));
  const columns = Array.from({ length: header.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const values = schema.fields.map((f) => {
    const at = header.positions.get(f.name);
    return `${at === undefined ? 'NULL::VARCHAR' : cleanValue(`c${at}`)} AS ${sqlName(f.name)}`;
  });
  // what padding was trimmed, so normalisation counts it as a change like any other
  if (options.padded) {
    values.push(...schema.fields.map((f) => {
      const at = header.positions.get(f.name);
      return `${at === undefined ? 'NULL::VARCHAR' : paddedValue(`c${at}`)} AS ${paddedColumn(f.name)}`;
    }));
  }
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${scan.rows} AS
    SELECT ordinality - 1 AS row_id, filename AS source_file, ${values.join(', ')}${options.totals ? `,
      CASE WHEN ${totalRowTest(header.width, schema.primaryKey.map((f) => header.positions.get(f)))}
        THEN left(concat_ws(',', ${Array.from({ length: header.width }, (_, i) => `coalesce(c${i}, '')`).join(', ')}), 80) END AS total_text` : ''}
    FROM read_csv([${paths.map(sqlString).join(', ')}],
      columns = {${columns}}, header = true, skip = ${header.record - 1}, auto_detect = false, filename = true,${options.crlf ? ` new_line = '\\r\\n',` : ''}
      delim = ',', quote = '"', escape = '"', max_line_size = ${READ_LINE_BYTES}, buffer_size = ${READ_BUFFER_BYTES},
      store_rejects = true, rejects_table = '${scan.errors}', rejects_scan = '${scan.scans}') WITH ORDINALITY`);
  const empty = `coalesce(${schema.fields.map((f) => sqlName(f.name)).join(', ')}) IS NULL`;
  const parsed = await conn.runAndReadAll(`SELECT source_file, min(row_id)::INTEGER AS first, count(*)::INTEGER AS n,
    count(*) FILTER (WHERE ${empty})::INTEGER AS empty FROM ${scan.rows} GROUP BY source_file`);
  const byPath = new Map(parsed.getRowObjectsJS().map((r) => [r.source_file as string, r]));
  const files = paths.map((path) => ({
    path, first: (byPath.get(path)?.first ?? 0) as number, parsed: (byPath.get(path)?.n ?? 0) as number, empty: (byPath.get(path)?.empty ?? 0) as number,
  }));
  await conn.run(`DELETE FROM ${scan.rows} WHERE ${empty}`);
  return { ...scan, headerLine: header.line, headerRecord: header.record, parsed: files.reduce((n, f) => n + f.parsed, 0), files };
}
