/**
 * Query results as plain JS objects, made fast and compact for the hundreds of thousands of rows the
 * reports and the planner keep in memory.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlName } from '../load/sql.ts';

/** A warehouse row as plain JS values (the marts hold INTEGER, DOUBLE, VARCHAR and BOOLEAN only). */
export type Rec = Record<string, string | number | boolean | null>;

/** A text column inside the packed column: NULL → '', any other value → \x02 + value with \x01 and \x1f escaped. */
const packedText = (name: string) =>
  `coalesce(chr(2) || replace(replace(${sqlName(name)}, chr(1), chr(1) || '1'), chr(31), chr(1) || '2'), '')`;

function unpackText(field: string): string | null {
  if (field === '') return null;
  const text = field.slice(1);
  return text.includes('\x01') ? text.replace(/\x01([12])/g, (_, c: string) => (c === '1' ? '\x01' : '\x1f')) : text;
}

/**
 * The rows of a query as plain objects. Converting DuckDB's text values to JS one by one costs
 * about a microsecond each, so every text column of a row travels in one packed string, split
 * here; the other columns convert as they are. Columns of the same name come as DuckDB gives them.
 */
export async function readRows(conn: DuckDBConnection, sql: string): Promise<Rec[]> {
  const described = (await conn.runAndReadAll(`DESCRIBE ${sql}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
  const names = described.map((c) => c.column_name);
  if (new Set(names).size !== names.length) return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Rec[];
  const isText = described.map((c) => c.column_type === 'VARCHAR');
  const texts = names.filter((_, i) => isText[i]);
  const others = names.filter((_, i) => !isText[i]);
  const packed = (await conn.runAndReadAll(`SELECT ${[...others.map(sqlName), ...texts.length ? [`concat_ws(chr(31), ${texts.map(packedText).join(', ')})`] : []]
    .join(', ')} FROM (${sql})`)).getRowsJS();
  // One string per distinct value of a column: the rows repeat names and labels many times over, and
  // hundreds of thousands of rows are kept for the whole run.
  const seen = texts.map(() => new Map<string, string | null>());
  const text = (column: number, field: string) => {
    let value = seen[column].get(field);
    if (value === undefined) seen[column].set(field, value = unpackText(field));
    return value;
  };
  // Each row as one object literal of the query's columns: V8 lays every row out the same compact
  // way (set one column at a time, rows took about three times the memory and longer to make).
  let other = 0;
  let t = 0;
  const make = new Function('values', 'fields', 'text', `return {${names.map((name, i) =>
    `[${JSON.stringify(name)}]: ${isText[i] ? `text(${t}, fields[${t++}])` : `values[${other++}]`}`).join(', ')}};`) as
    (values: unknown[], fields: string[], texts: typeof text) => Rec;
  return packed.map((values) => make(values, texts.length ? String(values[others.length]).split('\x1f') : [], text));
}
