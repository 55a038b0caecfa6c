import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../../config/schema.ts';
import type { CsvScan } from '../read-csv.ts';
import type { Reject } from './reject.ts';
import { LONG_LINE_REASON } from '../csv-shape.ts';
import { sqlString } from '../sql.ts';

/** Longest raw line quoted in a reject: an unclosed quote can swallow the rest of the file. */
const QUOTED_LINE_MAX = 200;

/** DuckDB's malformed-row log, one reject per line: "expected 9 fields, found 4". */
function malformedRows(scan: CsvScan): string {
  const reason = `CASE
    WHEN error_type IN ('TOO MANY COLUMNS', 'MISSING COLUMNS')
      THEN regexp_replace(error_message, '^Expected Number of Columns: (\\d+) Found: (\\d+).*$', 'expected \\1 fields, found \\2')
    WHEN error_type = 'UNQUOTED VALUE' THEN 'quote not closed, or text after a closing quote'
    WHEN error_type = 'LINE SIZE OVER MAXIMUM' THEN ${sqlString(LONG_LINE_REASON)}
    ELSE lower(error_type) END`;
  // A line too long has no column: it sorts first.
  const value = `left(ltrim(arg_min(csv_line, coalesce(column_idx, -1)), chr(10) || chr(13)), ${QUOTED_LINE_MAX})`;
  return `SELECT line, ${value} AS value, arg_min(${reason}, coalesce(column_idx, -1)) AS reason FROM ${scan.errors} GROUP BY line`;
}

/**
 * Reads all rejects of one table, with original line numbers (from the table mapLines built),
 * in file order and, within a line, schema column order. Where the map has no line (it could not
 * be made consistent), the scan position stands in, so no reject is ever left out.
 */
export async function collectRejects(
  conn: DuckDBConnection,
  source: { table: string; file: string; schema: TableSchema; scan: CsvScan; rejects: string; name: string; originals?: string },
): Promise<Reject[]> {
  const lines = `${source.name}_lines`;
  // the file's own text where normalisation rewrote a value (originalsOf); none for a table read as it is
  const originals = source.originals ?? '(SELECT NULL::BIGINT AS row_id, NULL::VARCHAR AS field, NULL::VARCHAR AS original WHERE false)';
  const order = source.schema.fields.map((f) => sqlString(f.name)).join(', ');
  const result = await conn.runAndReadAll(`
    SELECT line::INTEGER AS line, field, value, reason FROM (
      SELECT coalesce(m.line, j.row_id + ${source.scan.headerLine + 1}) AS line, j.field, coalesce(o.original, j.value, '') AS value,
             j.reason || coalesce(' (first at line ' || coalesce(f.line, j.first_row_id + ${source.scan.headerLine + 1}) || ')', '')
               || CASE WHEN o.original IS NOT NULL AND j.value IS DISTINCT FROM o.original THEN ' (read as ' || coalesce(j.value, 'no value') || ')' ELSE '' END AS reason
      FROM ${source.rejects} j LEFT JOIN ${lines} m ON m.row_id = j.row_id LEFT JOIN ${lines} f ON f.row_id = j.first_row_id
      LEFT JOIN ${originals} o ON o.row_id = j.row_id AND o.field = j.field
      UNION ALL
      SELECT coalesce(m.line, e.line), '', e.value, e.reason FROM (${malformedRows(source.scan)}) e LEFT JOIN ${lines} m ON m.logical = e.line)
    ORDER BY line, list_position([${order}], field) NULLS LAST`);
  return result.getRowObjectsJS().map((r) => ({
    table: source.table,
    file: source.file,
    line: r.line as number,
    column: r.field as string,
    value: r.value as string,
    reason: r.reason as string,
  }));
}
