/**
 * The browser never downloads row-level national data: marts at school grain are written cut into
 * one small file per school, fetched when its page opens, and marts at county grain are also
 * rolled up to provinces for the national view.
 *   marts/schools/<school_code>.arrow      one school's programme points, all years
 *   marts/schools/<mart>/<school_code>.arrow  one school's rows of another school-grain mart (its report)
 *   marts/provinces/<mart>.arrow           a county-grain mart summed to provinces (district_code PP0000)
 *   marts/provinces/dim_province.arrow     province codes and names, shaped like dim_district
 *   marts/split.json                       what was written: files, rows, bytes, largest file
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { arrowFile, type ColumnSpec, type ColumnType } from './arrow-columns.ts';
import { martColumns } from './export-arrow.ts';
import { BoundedWrites } from './bounded-writes.ts';
import { tableExists } from '../transform/table-exists.ts';
import { PROVINCES } from '../config/provinces.ts';

/** The per-school detail: what a school page shows, fetched when the page opens. */
export const SCHOOL_DETAIL = 'mart_school_programme';

/** Marts at school grain, cut per school (dashboard/src/lib/snapshot-files.ts reads them where they are written). */
export const SCHOOL_MARTS = [SCHOOL_DETAIL, 'mart_school_report'];

/** Marts at county grain whose every numeric column but year/month adds up (the mart contract). */
export const COUNTY_MARTS = ['mart_overview', 'mart_supply_slice', 'mart_demand_slice', 'mart_posting_demand'];

const KEY_NUMBERS = new Set(['year', 'month']);

export interface SplitExport {
  name: string;
  files: number;
  rows: number;
  bytes: number;
  max_file_bytes: number;
  /** A roll-up's rows before rolling up: the county-grain mart's. */
  source_rows?: number;
}

/**
 * Streams `sql` (ordered by the column `key`) and writes one Arrow file per key value; `pathFor`
 * names the file. Only one key's rows are held in memory at a time, and a few files' bytes while
 * they are written.
 */
async function writeSplit(conn: DuckDBConnection, name: string, sql: string, columns: ColumnSpec[],
  key: string, pathFor: (value: string) => string, texts: TextIds = new Map()): Promise<SplitExport> {
  const at = columns.findIndex((c) => c.name === key);
  const out: SplitExport = { name, files: 0, rows: 0, bytes: 0, max_file_bytes: 0 };
  let current: string | null = null;
  let pending: unknown[][] = columns.map(() => []);
  const writes = new BoundedWrites();
  const flush = async () => {
    if (current === null) return;
    const bytes = arrowFile(columns, pending);
    await writes.start(pathFor(current), bytes);
    out.files++;
    out.rows += pending[0].length;
    out.bytes += bytes.length;
    out.max_file_bytes = Math.max(out.max_file_bytes, bytes.length);
    pending = columns.map(() => []);
  };
  const result = await conn.stream(sql);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const values = (chunk.getColumns() as unknown[][])
      .map((column, c) => (texts.has(c) ? column.map((id) => (id === null ? null : texts.get(c)![id as number])) : column));
    // Rows arrive ordered by key: copy each run of one key's rows as slices, not value by value.
    let start = 0;
    const take = (end: number) => {
      if (end > start) values.forEach((column, c) => pending[c].push(...column.slice(start, end)));
      start = end;
    };
    for (let i = 0; i < chunk.rowCount; i++) {
      const value = String(values[at][i]);
      if (value === current) continue;
      take(i);
      await flush();
      current = value;
    }
    take(chunk.rowCount);
  }
  await flush();
  await writes.done();
  return out;
}

/** Per column index, the UTF-8 bytes of each text the query gives as an id. */
type TextIds = Map<number, Uint8Array[]>;

/**
 * The query of a school-grain mart's rows, ordered by the school then every other column (so a
 * school's file is the same bytes from the same data), with each text column but the key given as
 * the id of its value in a list of the column's distinct values, read once: turning a text into a
 * JS string costs the node API more than the rest of the split (a buffer for every string over 12
 * bytes), and a school's rows repeat a few hundred names. The lists are temporary tables of the
 * connection, dropped by `drop` once the files are written.
 */
async function textsById(conn: DuckDBConnection, table: string, columns: ColumnSpec[], key: string):
  Promise<{ sql: string; texts: TextIds; drop: () => Promise<void> }> {
  const texts: TextIds = new Map();
  const select: string[] = [];
  const joins: string[] = [];
  const encoder = new TextEncoder();
  const list = (column: number) => `split_texts_${column}`;
  for (const [i, { name, type }] of columns.entries()) {
    if (type !== 'VARCHAR' || name === key) {
      select.push(`m."${name}"`);
      continue;
    }
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${list(i)} AS
      SELECT value, (row_number() OVER (ORDER BY value) - 1)::INTEGER AS id FROM (SELECT DISTINCT "${name}" AS value FROM ${table} WHERE "${name}" IS NOT NULL)`);
    const rows = (await conn.runAndReadAll(`SELECT value FROM ${list(i)} ORDER BY id`)).getRowsJS();
    texts.set(i, rows.map(([value]) => encoder.encode(String(value))));
    select.push(`${list(i)}.id AS "${name}"`);
    joins.push(`LEFT JOIN ${list(i)} ON ${list(i)}.value = m."${name}"`);
  }
  const order = [key, ...columns.map((c) => c.name)].map((name) => `m."${name}"`).join(', ');
  const drop = async () => { for (const i of texts.keys()) await conn.run(`DROP TABLE ${list(i)}`); };
  return { sql: `SELECT ${select.join(', ')} FROM ${table} AS m ${joins.join(' ')} ORDER BY ${order}`, texts, drop };
}

/** The mart summed to provinces: district_code becomes PP0000, additive columns are summed. */
function rollupSql(table: string, columns: ColumnSpec[]): string {
  const select = columns.map(({ name, type }) => {
    if (name === 'district_code') return `left(district_code, 2) || '0000' AS district_code`;
    if (type === 'VARCHAR' || type === 'BOOLEAN' || KEY_NUMBERS.has(name)) return `"${name}"`;
    return `sum("${name}")::${type as ColumnType} AS "${name}"`;
  });
  return `SELECT ${select.join(', ')} FROM ${table} GROUP BY ALL ORDER BY ALL`;
}

async function writeWhole(conn: DuckDBConnection, name: string, sql: string, columns: ColumnSpec[], path: string): Promise<SplitExport> {
  const values = (await conn.runAndReadAll(sql)).getColumns() as unknown[][];
  const bytes = arrowFile(columns, values.length ? values : columns.map(() => []));
  writeFileSync(path, bytes);
  const rows = values[0]?.length ?? 0;
  return { name, files: 1, rows, bytes: bytes.length, max_file_bytes: bytes.length };
}

/**
 * Writes the split and rolled-up files and their index into `martsDir`; marts that do not exist are
 * skipped. With `reuse`, only the rebuilt marts are written and split.json keeps the previous
 * snapshot's entries for the others (the caller links their files).
 */
export async function exportSplitMarts(conn: DuckDBConnection, martsDir: string,
  reuse?: { previous: SplitExport[]; rebuilt: ReadonlySet<string> }): Promise<SplitExport[]> {
  const fresh = (table: string) => !reuse || reuse.rebuilt.has(table);
  const done: SplitExport[] = [];
  const provincesDir = join(martsDir, 'provinces');
  mkdirSync(provincesDir, { recursive: true });
  for (const table of SCHOOL_MARTS) {
    if (!fresh(table) || !(await tableExists(conn, table))) continue;
    const columns = await martColumns(conn, table);
    const dir = table === SCHOOL_DETAIL ? join(martsDir, 'schools') : join(martsDir, 'schools', table);
    mkdirSync(dir, { recursive: true });
    const { sql, texts, drop } = await textsById(conn, table, columns, 'school_code');
    done.push(await writeSplit(conn, `schools/${table}`, sql, columns, 'school_code', (code) => join(dir, `${code}.arrow`), texts));
    await drop();
  }
  for (const table of COUNTY_MARTS) {
    if (!fresh(table) || !(await tableExists(conn, table))) continue;
    const columns = await martColumns(conn, table);
    const source_rows = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`)).getRowsJS()[0][0] as number;
    const rollup = await writeWhole(conn, `provinces/${table}`, rollupSql(table, columns), columns, join(provincesDir, `${table}.arrow`));
    done.push({ ...rollup, source_rows });
  }
  if (fresh('dim_district')) done.push(await writeProvinces(conn, provincesDir));
  const written = new Set(done.map((d) => d.name));
  const all = reuse ? [...reuse.previous.filter((p) => !written.has(p.name)), ...done] : done;
  writeFileSync(join(martsDir, 'split.json'), `${JSON.stringify(all, null, 2)}\n`);
  return all;
}

/** The province list, shaped like dim_district, for the roll-ups. */
function writeProvinces(conn: DuckDBConnection, provincesDir: string): Promise<SplitExport> {
  const names = PROVINCES.map((p) => `('${p.code}0000', '${p.name}')`).join(', ');
  return writeWhole(conn, 'provinces/dim_province',
    `SELECT DISTINCT left(d.district_code, 2) || '0000' AS district_code, p.name AS district_name, '全国' AS area_group
     FROM dim_district AS d JOIN (VALUES ${names}) AS p(code, name) ON p.code = left(d.district_code, 2) || '0000' ORDER BY 1`,
    [{ name: 'district_code', type: 'VARCHAR' }, { name: 'district_name', type: 'VARCHAR' }, { name: 'area_group', type: 'VARCHAR' }],
    join(provincesDir, 'dim_province.arrow'));
}
