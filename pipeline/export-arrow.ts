/**
 * Writes warehouse tables as Arrow IPC files for the dashboard. DuckDB's node-api has no Arrow
 * export, so columns are read chunk by chunk and rebuilt with explicit Arrow types: counts stay
 * Int32 (a BIGINT would arrive in the browser as bigint) and strings plain Utf8 (a JS string array
 * would otherwise become a Dictionary).
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { JSDuckDBValueConverter } from '@duckdb/node-api';
import {
  Bool, DateDay, Float64, Int32, RecordBatch, RecordBatchFileWriter, Table, Utf8, vectorFromArray,
  type DataType,
} from 'apache-arrow';

/** Rows per Arrow record batch: bounds JS memory whatever the table's size. */
const BATCH_ROWS = 65_536;

const ARROW_TYPES: Record<string, () => DataType> = {
  INTEGER: () => new Int32(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
  VARCHAR: () => new Utf8(),
  DATE: () => new DateDay(),
};

interface Column { name: string; type: string }

async function describe(conn: DuckDBConnection, table: string): Promise<Column[]> {
  const reader = await conn.runAndReadAll(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_name = $table ORDER BY ordinal_position`,
    { table },
  );
  const columns = reader.getRowObjectsJS() as unknown as Column[];
  for (const c of columns) {
    if (!ARROW_TYPES[c.type]) throw new Error(`${table}.${c.name}: type ${c.type} cannot go to the dashboard; cast it in the model (INTEGER, DOUBLE, BOOLEAN, VARCHAR, DATE)`);
  }
  return columns;
}

function toBatch(columns: Column[], values: unknown[][]): RecordBatch {
  const vectors = Object.fromEntries(
    columns.map((c, i) => [c.name, vectorFromArray(values[i], ARROW_TYPES[c.type]())]),
  );
  return new Table(vectors).batches[0];
}

/** Exports one table to an Arrow IPC file; returns its row count. */
export async function exportArrow(conn: DuckDBConnection, table: string, path: string): Promise<number> {
  const columns = await describe(conn, table);
  const writer = new RecordBatchFileWriter();
  const out = writer.toNodeStream().pipe(createWriteStream(path));
  const result = await conn.stream(`SELECT * FROM "${table}"`);
  let pending: unknown[][] = columns.map(() => []);
  let rows = 0;
  const flush = () => {
    // An empty table still gets one (empty) batch, so the file carries its schema.
    if (pending[0].length === 0 && rows > 0) return;
    writer.write(toBatch(columns, pending));
    rows += pending[0].length;
    pending = columns.map(() => []);
  };
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    chunk.convertColumns(JSDuckDBValueConverter).forEach((col, i) => pending[i].push(...col));
    if (pending[0].length >= BATCH_ROWS) flush();
  }
  flush();
  writer.finish();
  await finished(out);
  return rows;
}
