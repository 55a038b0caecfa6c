/**
 * How a large table's columns are compressed in the warehouse file, chosen in advance. Left to
 * itself, DuckDB tries every method on every text column of every row group when it writes them:
 * for the two 10 M-row posting tables that trial cost more than the compression it chose
 * (docs/performance.md). A model declares the methods in its header:
 *
 *   -- compression: text dictionary, posting_id fsst
 *
 * `text` is every VARCHAR column the line does not name; a named column may be of any type. A
 * method that does not suit a row group's values (a dictionary of unique ids) is stored
 * uncompressed: the figures never change, only the file's size.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** DuckDB's methods a column may be given (`USING COMPRESSION`); DuckDB says which suit which types. */
const METHODS = ['uncompressed', 'dictionary', 'fsst', 'dict_fsst', 'zstd', 'rle', 'bitpacking', 'alp', 'alprd'] as const;
export type Method = (typeof METHODS)[number];

export interface Compression {
  /** Method of every VARCHAR column not named in `columns`. */
  text?: Method;
  columns: Record<string, Method>;
}

export interface Column { name: string; type: string }

const LINE = /^--\s*compression:\s*(.+)$/m;
const PAIR = /^([a-z_][a-z0-9_]*)\s+([a-z_]+)$/;

/** The compression line of a model's SQL, if any; throws naming `file` when it cannot be read. */
export function parseCompression(sql: string, file: string): Compression | undefined {
  const [, body] = LINE.exec(sql) ?? [];
  if (body === undefined) return undefined;
  const compression: Compression = { columns: {} };
  for (const part of body.split(',').map((p) => p.trim())) {
    const [, column, method] = PAIR.exec(part) ?? [];
    const where = `${file}, "-- compression:"`;
    if (!column) throw new Error(`${where} expects "column method" pairs separated by commas, not "${part}"`);
    if (!(METHODS as readonly string[]).includes(method)) throw new Error(`${where}: ${method} is not one of DuckDB's methods (${METHODS.join(', ')})`);
    if (column === 'text') compression.text = method as Method;
    else compression.columns[column] = method as Method;
  }
  return compression;
}

/**
 * A `CREATE TABLE` column list with each column's method; throws when the compression names a
 * column the table does not have (a renamed column would otherwise lose its method unseen).
 */
export function compressedColumns(columns: readonly Column[], compression: Compression, table: string): string {
  const names = new Set(columns.map((c) => c.name));
  const unknown = Object.keys(compression.columns).filter((name) => !names.has(name));
  if (unknown.length) throw new Error(`the compression of ${table} names columns it does not have: ${unknown.join(', ')}`);
  return columns.map(({ name, type }) => {
    const method = compression.columns[name] ?? (type === 'VARCHAR' ? compression.text : undefined);
    return `"${name}" ${type}${method ? ` USING COMPRESSION ${method}` : ''}`;
  }).join(', ');
}

/** The columns a query returns, with their DuckDB types, without running it. */
export async function describeQuery(conn: DuckDBConnection, sql: string): Promise<Column[]> {
  const described = await conn.runAndReadAll(`DESCRIBE ${sql}`);
  return described.getRowObjectsJS().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}
