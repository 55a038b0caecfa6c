/**
 * Arrow IPC → plain row objects. Views filter and sum the same rows on every filter change, and
 * plain objects are far faster to read than Arrow's lazy row proxies, so rows are built once here.
 */
import { tableFromIPC } from 'apache-arrow';

export type Cell = number | string | boolean | null;

/** Decodes an Arrow IPC file (or stream) into one object per row, keyed by column name; nulls stay null. */
export function decodeRows<T = Record<string, Cell>>(bytes: Uint8Array): T[] {
  const table = tableFromIPC(bytes);
  const rows = Array.from({ length: table.numRows }, () => ({}) as Record<string, Cell>);
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    // Without nulls the typed-array fast path is exact; with nulls, get(i) honours the validity bitmap.
    const values = column.nullCount === 0 ? column.toArray() : null;
    for (let i = 0; i < rows.length; i++) {
      const value = values ? values[i] : column.get(i);
      // A 64-bit integer would arrive as bigint, which breaks arithmetic; the contract forbids it, this keeps views safe.
      rows[i][field.name] = typeof value === 'bigint' ? Number(value) : (value ?? null);
    }
  }
  return rows as T[];
}
