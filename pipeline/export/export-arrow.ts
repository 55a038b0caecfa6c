/**
 * Writes warehouse tables as Arrow IPC files for the dashboard. DuckDB's node-api has no Arrow
 * export, so the table's columns are read from DuckDB and rebuilt as Arrow buffers
 * (arrow-columns.ts): counts stay Int32 (a BIGINT would arrive in the browser as bigint) and
 * strings plain Utf8.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBBlobValue, DuckDBListValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { arrowSchema, columnData, COLUMN_TYPES, recordBatch, utf8FromBytes, type ColumnSpec } from './arrow-columns.ts';

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

/** A column's aggregates in the one row DuckDB hands the table over as, all over one pass of its rows, so in one order. */
const aggregates = ({ name, type }: ColumnSpec) => (type === 'VARCHAR'
  ? [`encode(string_agg("${name}", ''))`, `list(strlen("${name}")::INTEGER)`]
  : [`list("${name}")`]);

/**
 * Exports one table to an Arrow IPC file; returns its row count. DuckDB hands the table over as
 * one row of aggregates: a text column as its values' UTF-8 bytes run together and their byte
 * lengths, which are an Arrow Utf8 column's data and offsets (arrow-columns.ts utf8FromBytes), any
 * other column as a list of its values. No text becomes a JS string, for which the node API makes a
 * buffer of every value over 12 bytes, to be encoded back to UTF-8. The file is assembled in memory
 * and written at once (Arrow's Node stream writes buffer by buffer, several times slower): only
 * marts small enough to download whole come here (resources' whole_mart_max_rows).
 */
export async function exportArrow(conn: DuckDBConnection, table: string, path: string): Promise<number> {
  const columns = await martColumns(conn, table);
  const schema = arrowSchema(columns);
  const [count, ...values] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER, ${columns.flatMap(aggregates).join(', ')} FROM "${table}"`))
    .getRows()[0] as [number, ...DuckDBValue[]];
  // An empty table's aggregates are null.
  const items = (v: DuckDBValue) => (v instanceof DuckDBListValue ? v.items : []);
  let next = 0;
  // A text column's bytes, and its lengths as its items.
  const data = columns.map(({ type }) => ({
    type, bytes: type === 'VARCHAR' ? (values[next++] as DuckDBBlobValue | null)?.bytes ?? new Uint8Array(0) : undefined, items: items(values[next++]),
  }));
  const batches: RecordBatch[] = [];
  const written = columns.map(() => 0); // bytes of each text column in the batches so far
  // An empty table still gets one (empty) batch, so the file carries its schema.
  for (let start = 0; start === 0 || start < count; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, count);
    batches.push(recordBatch(schema, data.map((column, c) => {
      if (!column.bytes) return columnData(column.type, column.items.slice(start, end));
      const lengths = column.items.slice(start, end) as (number | null)[];
      const from = written[c];
      written[c] += lengths.reduce((n: number, length) => n + (length ?? 0), 0);
      return utf8FromBytes(column.bytes.subarray(from, written[c]), lengths);
    })));
  }
  writeFileSync(path, tableToIPC(new Table(schema, batches), 'file'));
  return count;
}
