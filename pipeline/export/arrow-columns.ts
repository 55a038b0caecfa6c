/**
 * Column arrays → Arrow record batches and IPC files, writing the Arrow buffers directly (offsets
 * and UTF-8 bytes, typed arrays, validity bitmaps) instead of going value by value through Arrow's
 * builders: thousands of small per-school and per-province files are written in seconds. Types
 * follow the dashboard contract: INTEGER → Int32, DOUBLE → Float64, BOOLEAN → Bool, VARCHAR → Utf8
 * (plain Utf8: a JS string array given to Arrow would become a Dictionary). The values are DuckDB's
 * raw column values (DuckDBDataChunk.getColumns), which for these four types are JS primitives.
 */
import {
  Bool, Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, tableToIPC, type Data, type DataType,
} from 'apache-arrow';

export type ColumnType = 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';
export interface ColumnSpec { name: string; type: ColumnType }
export const COLUMN_TYPES: readonly string[] = ['INTEGER', 'DOUBLE', 'BOOLEAN', 'VARCHAR'];

const encoder = new TextEncoder();
/** Names repeat on most rows (majors, categories, industries): each is encoded once. */
const encoded = new Map<string, Uint8Array>();
const EMPTY = new Uint8Array(0);

/** A text's UTF-8 bytes; a value already given as its bytes (split-marts.ts) is taken as it is. */
function utf8Bytes(value: unknown): Uint8Array {
  if (value === null || value === undefined) return EMPTY;
  if (value instanceof Uint8Array) return value;
  const text = String(value);
  let bytes = encoded.get(text);
  if (!bytes) {
    if (encoded.size >= 100_000) encoded.clear();
    bytes = encoder.encode(text);
    encoded.set(text, bytes);
  }
  return bytes;
}

/** Validity bitmap (1 = value present) and the null count, or no bitmap when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap?: Uint8Array; nullCount: number } {
  let nullCount = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => (v === null || v === undefined ? nullCount++ : (bitmap[i >> 3] |= 1 << (i & 7))));
  return nullCount ? { nullBitmap: bitmap, nullCount } : { nullCount: 0 };
}

/**
 * A Utf8 column from its values' UTF-8 bytes run together and each value's byte length (null for
 * a null value): as DuckDB gives them (export-arrow.ts), they are the column's data and offsets.
 */
export function utf8FromBytes(bytes: Uint8Array, lengths: readonly (number | null)[]): Data<Utf8> {
  const offsets = new Int32Array(lengths.length + 1);
  lengths.forEach((n, i) => (offsets[i + 1] = offsets[i] + (n ?? 0)));
  return makeData({ type: new Utf8(), length: lengths.length, valueOffsets: offsets, data: bytes, ...validity(lengths) });
}

/** A Utf8 column from its values, each text encoded once (utf8Bytes) into one run of bytes. */
function utf8Data(values: readonly unknown[]): Data<Utf8> {
  const parts = values.map(utf8Bytes);
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return utf8FromBytes(data, values.map((v, i) => (v === null || v === undefined ? null : parts[i].length)));
}

export function columnData(type: ColumnType, values: readonly unknown[]): Data {
  const length = values.length;
  const nulls = validity(values);
  switch (type) {
    case 'VARCHAR':
      return utf8Data(values);
    case 'INTEGER':
      return makeData({ type: new Int32(), length, data: Int32Array.from(values, (v) => Number(v ?? 0)), ...nulls });
    case 'DOUBLE':
      return makeData({ type: new Float64(), length, data: Float64Array.from(values, (v) => Number(v ?? 0)), ...nulls });
    case 'BOOLEAN': {
      const bits = new Uint8Array((length + 7) >> 3);
      values.forEach((v, i) => v === true && (bits[i >> 3] |= 1 << (i & 7)));
      return makeData({ type: new Bool(), length, data: bits, ...nulls });
    }
  }
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  INTEGER: () => new Int32(), DOUBLE: () => new Float64(), BOOLEAN: () => new Bool(), VARCHAR: () => new Utf8(),
};

/** One schema for every batch of a file (all fields nullable), so a streamed file's batches agree. */
export function arrowSchema(columns: readonly ColumnSpec[]): Schema {
  return new Schema(columns.map((c) => new Field(c.name, ARROW_TYPES[c.type](), true)));
}

/** One record batch of `schema` holding the columns' data (from columnData or utf8FromBytes), all of one length. */
export function recordBatch(schema: Schema, children: Data[]): RecordBatch {
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: children[0]?.length ?? 0, nullCount: 0, children }));
}

/** An Arrow IPC file holding the given columns in one batch; values[i] is column i's values, all of one length. */
export function arrowFile(columns: readonly ColumnSpec[], values: readonly (readonly unknown[])[]): Uint8Array {
  const schema = arrowSchema(columns);
  return tableToIPC(new Table(schema, [recordBatch(schema, columns.map((c, i) => columnData(c.type, values[i] ?? [])))]), 'file');
}
