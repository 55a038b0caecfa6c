/**
 * Writes warehouse tables as Arrow IPC files for the dashboard. DuckDB's node-api has no Arrow
 * export, so the table is streamed chunk by chunk and its raw column values rebuilt as Arrow
 * buffers (arrow-columns.ts): counts stay Int32 (a BIGINT would arrive in the browser as bigint)
 * and strings plain Utf8.
 */
import { writeFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { arrowSchema, COLUMN_TYPES, recordBatch, type ColumnSpec } from './arrow-columns.ts';

/** Rows per Arrow record batch: the browser decodes a file batch by batch. */
const BATCH_ROWS = 65_536;

/**
 * The table's columns, as an empty query of it describes them (a fifth of the cost of asking
 * information_schema, once per mart); refuses a type the dashboard cannot take, naming the column.
 */
export async function martColumns(conn: DuckDBConnection, table: string): Promise<ColumnSpec[]> {
  const reader = await conn.runAndReadAll(`SELECT * FROM "${table}" LIMIT 0`);
  const types = reader.columnTypes();
  const columns = reader.columnNames().map((name, i) => ({ name, type: String(types[i]) })) as ColumnSpec[];
  for (const c of columns) {
    if (!COLUMN_TYPES.includes(c.type)) throw new Error(`${table}.${c.name}: type ${c.type} cannot go to the dashboard; cast it in the model (${COLUMN_TYPES.join(', ')})`);
  }
  return columns;
}

/**
 * Exports one table to an Arrow IPC file; returns its row count. The file is assembled in memory
 * and written at once (Arrow's Node stream writes buffer by buffer, several times slower): only
 * marts small enough to download whole come here (resources' whole_mart_max_rows).
 */
export async function exportArrow(conn: DuckDBConnection, table: string, path: string): Promise<number> {
  const columns = await martColumns(conn, table);
  const schema = arrowSchema(columns);
  const batches: RecordBatch[] = [];
  const result = await conn.stream(`SELECT * FROM "${table}"`);
  let pending: unknown[][] = columns.map(() => []);
  let rows = 0;
  const flush = () => {
    // An empty table still gets one (empty) batch, so the file carries its schema.
    if (pending[0].length === 0 && rows > 0) return;
    batches.push(recordBatch(schema, columns, pending));
    rows += pending[0].length;
    pending = columns.map(() => []);
  };
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    chunk.getColumns().forEach((col, i) => {
      for (const value of col) pending[i].push(value);
    });
    if (pending[0].length >= BATCH_ROWS) flush();
  }
  flush();
  writeFileSync(path, tableToIPC(new Table(schema, batches), 'file'));
  return rows;
}
