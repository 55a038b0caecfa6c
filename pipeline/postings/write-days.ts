import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlName, sqlString } from '../load/sql.ts';
import { duckdbType, type Field, type TableSchema } from '../config/schema.ts';
import { faultPoint } from '../refresh/fault.ts';

/** Rows of a batch to store: the days' rows of `rows` (row_id, a day column, one text column per field), less the row_ids in `rejects`. */
export interface DaysSource {
  rows: string;
  rejects: string;
  /** Column of `rows` telling the days apart. */
  dayColumn: string;
  /** The days to write, in the order of their Parquet names: the day column's value (SQL literal) and its rows' row_id range. */
  days: { key: string; first: number; last: number }[];
  /** The field's text as its typed value (typedValue, or plainValue for text already checked). */
  typed(field: Field, v: string): string;
}

/**
 * Rows per day from which one COPY per day is cheaper than DuckDB's partitioned write of the batch
 * (a COPY costs a few milliseconds however small its file; the partitioned write costs more per row).
 */
const ROWS_PER_COPY = 10_000;

/**
 * The store's files are written once and read at every full rebuild, from the local disk: without
 * compression a day is written in about two thirds of the time, in three times the bytes. A file is
 * always read whole, so the Bloom filters DuckDB writes by default would only cost time (about a
 * tenth of the write).
 */
const PARQUET = 'FORMAT parquet, COMPRESSION uncompressed, WRITE_BLOOM_FILTER false';

/** Rejected row_ids up to which they are left out by a list of constants rather than a join. */
const LISTED_REJECTS = 1_000;

/**
 * How rejected rows are left out: SQL after the FROM table `r` (`join`) and after the WHERE
 * condition on a row_id range (`and`). The few rejects of a day (a feed's re-sent postings) are
 * listed as constants, a comparison per row cheaper than probing a join, which costs a fifth of
 * the write; many are left out by an explicit anti join (NOT EXISTS is planned as a delim join
 * that copies every row it scans, doubling the cost of the write).
 */
async function validRows(conn: DuckDBConnection, rejects: string) {
  const listed = (await conn.runAndReadAll(`SELECT row_id::DOUBLE AS row_id FROM ${rejects} LIMIT ${LISTED_REJECTS + 1}`))
    .getRowObjectsJS().map((r) => r.row_id as number);
  if (listed.length > LISTED_REJECTS) return { join: `ANTI JOIN ${rejects} j ON j.row_id = r.row_id`, and: () => '' };
  return {
    join: '',
    and: (first: number, last: number) => {
      const ids = listed.filter((id) => id >= first && id <= last);
      return ids.length ? `AND r.row_id NOT IN (${ids.join(', ')})` : '';
    },
  };
}

/**
 * Writes each day's valid rows (typed, exactly the schema's columns) to its own Parquet file under
 * a temporary name in the store, then renames it to its name in `parquets`. Until the ledger names
 * them they are orphans, which the next run removes: a killed run leaves no half-written file under
 * a name the ledger could trust.
 */
export async function writeDays(conn: DuckDBConnection, schema: TableSchema, source: DaysSource,
  parquets: string[], storeDir: string): Promise<void> {
  const values = schema.fields.map((f) => `${source.typed(f, sqlName(f.name))}::${duckdbType(f)} AS ${sqlName(f.name)}`).join(', ');
  const valid = await validRows(conn, source.rejects);
  const rows = source.days.reduce((n, d) => n + d.last - d.first + 1, 0);
  if (rows >= ROWS_PER_COPY * source.days.length) {
    for (const [i, parquet] of parquets.entries()) {
      const { first, last } = source.days[i];
      const part = join(storeDir, `.${parquet}.part`);
      const range = `r.row_id BETWEEN ${first} AND ${last}`;
      await conn.run(`COPY (SELECT ${values} FROM ${source.rows} r ${valid.join} WHERE ${range} ${valid.and(first, last)})
        TO ${sqlString(part)} (${PARQUET})`);
      renameSync(part, join(storeDir, parquet));
      faultPoint('postings:parquet');
    }
    return;
  }
  // Small days: one pass over the batch, DuckDB partitioning by day into a temporary folder of the store.
  const dir = join(storeDir, `.tmp-${parquets[0]}`);
  rmSync(dir, { recursive: true, force: true });
  // Day numbers by a join: a list lookup per row would cost as much as the write.
  const days = source.days.map((d, i) => `(${d.key}, ${i + 1})`).join(', ');
  await conn.run(`
    COPY (SELECT ${values}, d.day FROM ${source.rows} r JOIN (VALUES ${days}) d(k, day) ON r.${sqlName(source.dayColumn)} = d.k
      ${valid.join} WHERE true ${valid.and(-Infinity, Infinity)})
    TO ${sqlString(dir)} (${PARQUET}, PARTITION_BY (day))`);
  for (const [i, parquet] of parquets.entries()) {
    const part = join(dir, `day=${i + 1}`);
    // A day without valid rows has no partition; it still gets a file, so the ledger's every entry has one.
    mkdirSync(part, { recursive: true });
    if (readdirSync(part).length === 0) {
      await conn.run(`COPY (SELECT ${values} FROM ${source.rows} WHERE false) TO ${sqlString(join(part, 'empty.parquet'))} (${PARQUET})`);
    }
    const written = readdirSync(part);
    if (written.length !== 1) throw new Error(`${part}: expected one Parquet file, found ${written.length}`);
    renameSync(join(part, written[0]), join(storeDir, parquet));
    faultPoint('postings:parquet');
  }
  rmSync(dir, { recursive: true, force: true });
}
