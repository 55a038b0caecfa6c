/**
 * Rows computed in JavaScript (the outlook, the plan) appended to a table through DuckDB's
 * appender: each value is handed over as the column's type, with no SQL text to build and parse
 * (VALUES lists of a thousand rows cost the planner stage a tenth of a second each).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type RowValue = string | number | boolean | null;

/** Appends the rows (one value per column, in the table's order) to an existing table; a non-finite number is NULL. */
export async function appendRows(conn: DuckDBConnection, table: string, rows: readonly RowValue[][]): Promise<void> {
  const appender = await conn.createAppender(table);
  try {
    const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
    // Checked before any row is appended: closing the appender writes what it holds.
    const wrong = rows.find((row) => row.length !== types.length);
    if (wrong) throw new Error(`${table}: a row of ${wrong.length} values for ${types.length} columns`);
    for (const row of rows) {
      row.forEach((v, i) => (v === null || (typeof v === 'number' && !Number.isFinite(v)) ? appender.appendNull() : appender.appendValue(v, types[i])));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
