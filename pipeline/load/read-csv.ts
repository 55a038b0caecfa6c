import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import type { TableSchema } from '../schema.ts';
import type { HeaderMap } from './map-header.ts';
import { sqlName, sqlString } from './sql.ts';

/** What one CSV scan leaves behind. */
export interface CsvScan {
  /** Temporary table: row_id (0-based position among the rows DuckDB parsed) and one text column per field. */
  rows: string;
  /** DuckDB's log of malformed rows (wrong number of fields), numbered by record. */
  errors: string;
  /** Rows DuckDB parsed, including the empty ones dropped from `rows`. */
  parsed: number;
}

/** Spaces, tabs, no-break and ideographic spaces: padding spreadsheets leave around values. */
const BLANKS = ' \t\u00a0\u3000';
const PADDED = sqlString(`^[${BLANKS}]|[${BLANKS}]$`);

/** Trimmed text of a file column, NULL when empty (the schemas' missingValues); trims only padded values, as trim is costly. */
function cleanValue(column: string): string {
  return `NULLIF(CASE WHEN regexp_matches(${column}, ${PADDED}) THEN trim(${column}, ${sqlString(BLANKS)}) ELSE ${column} END, '')`;
}

/**
 * Bulk-reads a UTF-8 CSV with DuckDB into a temporary table of schema fields (all text; absent
 * optional fields NULL). Declared columns and auto_detect=false stop DuckDB guessing; rows with the
 * wrong number of fields go to the rejects log with their record number instead of failing the
 * scan. Fields are found by header position, so Chinese or duplicated header texts do not matter.
 * Rows without any value (padding from spreadsheet exports) are dropped. Types and constraints
 * are checked afterwards in SQL.
 */
export async function readCsv(conn: DuckDBConnection, csvPath: string, schema: TableSchema, header: HeaderMap, name: string): Promise<CsvScan> {
  const scan = { rows: `${name}_rows`, errors: `${name}_csv_errors` };
  const columns = Array.from({ length: header.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const values = schema.fields.map((f) => {
    const at = header.positions.get(f.name);
    return `${at === undefined ? 'NULL::VARCHAR' : cleanValue(`c${at}`)} AS ${sqlName(f.name)}`;
  });
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${scan.rows} AS
    SELECT ordinality - 1 AS row_id, ${values.join(', ')}
    FROM read_csv(${sqlString(resolve(csvPath))},
      columns = {${columns}}, header = true, auto_detect = false,
      delim = ',', quote = '"', escape = '"',
      store_rejects = true, rejects_table = '${scan.errors}', rejects_scan = '${name}_csv_scans') WITH ORDINALITY`);
  const parsed = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${scan.rows}`);
  await conn.run(`DELETE FROM ${scan.rows} WHERE coalesce(${schema.fields.map((f) => sqlName(f.name)).join(', ')}) IS NULL`);
  return { ...scan, parsed: parsed.getRowObjectsJS()[0].n as number };
}
