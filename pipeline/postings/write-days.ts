import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlName, sqlString } from '../load/sql.ts';
import { duckdbType, type Field, type TableSchema } from '../config/schema.ts';
import { faultPoint } from '../refresh/fault.ts';
import { parquetName, type StoredDay } from './parquet-name.ts';

/** Rows of a batch to store: the days' rows of `rows` (row_id, a day column, one text column per field), less the row_ids in `rejects`. */
export interface DaysSource {
  rows: string;
  rejects: string;
  /** Column of `rows` telling the days apart. */
  dayColumn: string;
  /** The days to write, in the order of their files: the day column's value (SQL literal) and its rows' row_id range. */
  days: { key: string; first: number; last: number }[];
  /** The field's text as its typed value (typedValue, or plainValue for text already checked). */
  typed(field: Field, v: string): string;
}

/** Rows per day from which a day gets a file of its own. */
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

/** Where a day's rows were written: the Parquet file and how many days it holds. */
export interface WrittenDay { parquet: string; parquet_days: number }

/**
 * The column of every stored row giving the day its daily file is named for (a folder holds one
 * file a day): a file of small days holds many. A date, not the file's name: a constant text
 * column costs a large day's write a few percent, a date next to nothing.
 */
export const DAY_COLUMN = 'file_day';

/** The DAY_COLUMN value of a daily file's rows (SQL). */
export const fileDay = (name: string) => `DATE ${sqlString(name.slice(0, 10))}`;

/**
 * Writes the days' valid rows (typed, the schema's columns and DAY_COLUMN) to Parquet in the store,
 * each file under a temporary name first, then renamed to its name (parquetName). Until the ledger
 * names them they are orphans, which the next run removes: a killed run leaves no half-written file
 * under a name the ledger could trust. Large days get a file each; small ones share one, as a file
 * costs a few milliseconds to write and as much to create however small it is (a city's year of
 * days of a few hundred rows each). Returns, per day, the file it is in.
 */
export async function writeDays(conn: DuckDBConnection, schema: TableSchema, source: DaysSource,
  files: StoredDay[], checks: string, storeDir: string): Promise<WrittenDay[]> {
  const values = schema.fields.map((f) => `${source.typed(f, sqlName(f.name))}::${duckdbType(f)} AS ${sqlName(f.name)}`).join(', ');
  const valid = await validRows(conn, source.rejects);
  const write = async (parquet: string, select: string) => {
    const part = join(storeDir, `.${parquet}.part`);
    await conn.run(`COPY (${select}) TO ${sqlString(part)} (${PARQUET})`);
    renameSync(part, join(storeDir, parquet));
    faultPoint('postings:parquet');
  };
  const rows = source.days.reduce((n, d) => n + d.last - d.first + 1, 0);
  if (rows >= ROWS_PER_COPY * source.days.length) {
    const written: WrittenDay[] = [];
    for (const [i, file] of files.entries()) {
      const { first, last } = source.days[i];
      const parquet = parquetName([file], checks);
      await write(parquet, `SELECT ${values}, ${fileDay(file.name)} AS ${DAY_COLUMN} FROM ${source.rows} r ${valid.join}
        WHERE r.row_id BETWEEN ${first} AND ${last} ${valid.and(first, last)}`);
      written.push({ parquet, parquet_days: 1 });
    }
    return written;
  }
  // Small days: one file, each row naming its day (by a join: a list lookup per row would cost as much as the write).
  const parquet = parquetName(files, checks);
  const days = source.days.map((d, i) => `(${d.key}, ${fileDay(files[i].name)})`).join(', ');
  await write(parquet, `SELECT ${values}, d.${DAY_COLUMN} FROM ${source.rows} r
    JOIN (VALUES ${days}) d(k, ${DAY_COLUMN}) ON r.${sqlName(source.dayColumn)} = d.k ${valid.join} WHERE true ${valid.and(-Infinity, Infinity)}`);
  return files.map(() => ({ parquet, parquet_days: files.length }));
}
