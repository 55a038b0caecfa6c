/**
 * raw_postings: every stored day's postings, each posting once. A posting sent again on a later day
 * keeps its posting_id; the copy with the latest posted_on (then the latest daily file) wins, so a
 * correction replaces what it corrects and a re-sent posting is not counted twice.
 *
 * raw_posting_files records which stored days (by their Parquet file) the table holds. A run that
 * starts from a copy of the previous warehouse and finds only later days added to the store
 * appends them (appendRawPostings) instead of de-duplicating the whole year again; their rows are
 * left in delta_raw_postings for the incremental models.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnDefinitions, rawTable, readSchema, storedColumns } from '../config/schema.ts';
import { sqlName, sqlString } from '../load/sql.ts';
import type { Ledger } from './ledger.ts';
import { DAY_COLUMN, fileDay } from './write-days.ts';
import { tableExists } from '../transform/table-exists.ts';
import { compressedColumns, type Compression } from '../transform/compression.ts';

const FILES_TABLE = 'raw_posting_files';

/** The raw table that gained rows in an appending run; its new rows are in `delta_<table>`. */
export const POSTINGS_DELTA = 'raw_postings';

/** Ids and employers are mostly distinct in a row group; the other texts repeat (compression.ts). */
const COMPRESSION: Compression = { text: 'dictionary', columns: { posting_id: 'fsst', employer: 'fsst' } };

const columns = () => readSchema('postings').fields.map((f) => sqlName(f.name)).join(', ');

/**
 * The stored rows of the days, with the day of the daily file each came from: their Parquet files in day order
 * (daily files are named by date), read for the days asked only when a file holds others (a batch
 * file of small days, some asked for no more: corrected or deleted since, or not added here).
 */
export function storedRows(storeDir: string, ledger: Ledger, names: string[]): string {
  const asked = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    const { parquet } = ledger.files[name];
    if (!asked.has(parquet)) asked.set(parquet, []);
    asked.get(parquet)!.push(name);
  }
  const path = (parquet: string) => sqlString(join(storeDir, parquet));
  const files = [...asked.keys()].map(path).join(', ');
  const partial = [...asked].filter(([, days]) => days.length < ledger.files[days[0]].parquet_days);
  if (partial.length === 0) return `read_parquet([${files}])`;
  const whole = [...asked.keys()].filter((parquet) => !partial.some(([p]) => p === parquet));
  const read = [
    ...whole.length ? [`filename IN (${whole.map(path).join(', ')})`] : [],
    ...partial.map(([parquet, days]) => `(filename = ${path(parquet)} AND ${DAY_COLUMN} IN (${days.map(fileDay).join(', ')}))`),
  ];
  return `(SELECT * EXCLUDE (filename) FROM read_parquet([${files}], filename = true) WHERE ${read.join(' OR ')})`;
}

/**
 * The stored copies of the posting_ids sent more than once, with the texts doubtfulCopies compares:
 * a temporary table of the postings' connection, found once for both (dropped by dropResent).
 */
export const RESENT_TABLE = 'resent_postings';

/**
 * Every copy among `stored` of a posting_id it holds more than once, found by a 64-bit hash of the
 * posting_id (rows of a shared hash are still ranked per posting_id, each alone): only the few
 * posting_ids sent again are ranked. Ranking every row carried all its columns through a sort, a
 * third of the whole build.
 */
async function findResent(conn: DuckDBConnection, stored: string): Promise<void> {
  // `stored` twice, not a CTE read twice: DuckDB would hold every row of the CTE (nationally 3.5 s more CPU)
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${RESENT_TABLE} AS
    SELECT posting_id, posted_on, ${DAY_COLUMN}, employer, title FROM ${stored}
    WHERE hash(posting_id) IN (SELECT hash(posting_id) FROM ${stored} GROUP BY ALL HAVING count(*) > 1)`);
}

/** Drops what findResent left, once the doubtful copies are counted (load-postings.ts). */
export async function dropResent(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DROP TABLE IF EXISTS ${RESENT_TABLE}`);
}

/**
 * One copy of each posting of `stored`, whose resent copies findResent has just found: the latest
 * posted_on, then the latest daily file. A day holds a posting_id once (a repeat within a day is
 * rejected), so the copies to leave out are named by posting_id and day.
 */
const latestCopies = (stored: string) => `
  WITH older AS (
    SELECT posting_id, ${DAY_COLUMN} FROM ${RESENT_TABLE}
    QUALIFY row_number() OVER (PARTITION BY posting_id ORDER BY posted_on DESC, ${DAY_COLUMN} DESC) > 1)
  SELECT ${columns()} FROM ${stored} r
  ANTI JOIN older o ON r.posting_id = o.posting_id AND r.${DAY_COLUMN} = o.${DAY_COLUMN}`;

async function count(conn: DuckDBConnection, table: string): Promise<number> {
  return (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`)).getRowObjectsJS()[0].n as number;
}

async function recordFiles(conn: DuckDBConnection, ledger: Ledger, names: string[]): Promise<void> {
  const rows = names.map((name) => `(${sqlString(name)}, ${sqlString(ledger.files[name].parquet)})`);
  if (rows.length) await conn.run(`INSERT INTO ${FILES_TABLE} VALUES ${rows.join(', ')}`);
}

/** Creates raw_postings from the ledger's Parquet files (empty, with the schema's columns, when there are none); returns its rows. */
export async function buildRawPostings(conn: DuckDBConnection, storeDir: string, ledger: Ledger): Promise<number> {
  const table = rawTable('postings');
  await conn.run(`CREATE OR REPLACE TABLE ${table} (${compressedColumns(storedColumns(readSchema('postings')), COMPRESSION, table)})`);
  await conn.run(`CREATE OR REPLACE TABLE ${FILES_TABLE} (name VARCHAR PRIMARY KEY, parquet VARCHAR NOT NULL)`);
  const names = Object.keys(ledger.files);
  if (names.length === 0) return 0;
  const stored = storedRows(storeDir, ledger, names);
  await findResent(conn, stored);
  await conn.run(`INSERT INTO ${table} ${latestCopies(stored)}`);
  await recordFiles(conn, ledger, names);
  return count(conn, table);
}

/**
 * The days the ledger adds to what raw_postings holds, when that is all that changed: no stored
 * day gone or reconverted, every added day later than every held one. Null otherwise (or when the
 * warehouse has no raw_posting_files), and raw_postings must be built whole.
 */
export async function addedDays(conn: DuckDBConnection, ledger: Ledger): Promise<string[] | null> {
  if (!(await tableExists(conn, FILES_TABLE))) return null;
  const held = (await conn.runAndReadAll(`SELECT name, parquet FROM ${FILES_TABLE}`)).getRowObjectsJS() as { name: string; parquet: string }[];
  if (held.some(({ name, parquet }) => ledger.files[name]?.parquet !== parquet)) return null;
  const last = held.map((h) => h.name).sort().at(-1) ?? '';
  const heldNames = new Set(held.map((h) => h.name));
  const added = Object.keys(ledger.files).filter((name) => !heldNames.has(name));
  return added.every((name) => name > last) ? added : null;
}

/**
 * Adds the given later days to raw_postings: their latest copies replace older copies of the same
 * posting unless the held copy was posted later. The rows added or replaced stay in the temporary
 * table delta_raw_postings, the held copies they replaced in replaced_raw_postings. Returns the
 * postings in raw_postings.
 */
export async function appendRawPostings(conn: DuckDBConnection, storeDir: string, ledger: Ledger, added: string[]): Promise<number> {
  const table = rawTable('postings');
  const delta = `delta_${POSTINGS_DELTA}`;
  const replaced = `replaced_${POSTINGS_DELTA}`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${delta} (${columnDefinitions(readSchema('postings'))});
    CREATE OR REPLACE TEMP TABLE ${replaced} AS FROM ${delta}`);
  if (added.length > 0) {
    const stored = storedRows(storeDir, ledger, added);
    await findResent(conn, stored);
    // The held copies of the new postings are looked up once, with their row ids to delete them by;
    // those a later held copy keeps are then dropped from the list, which leaves the replaced ones.
    await conn.run(`
      INSERT INTO ${delta} ${latestCopies(stored)};
      CREATE OR REPLACE TEMP TABLE held_${POSTINGS_DELTA} AS
        SELECT ${table}.rowid AS held_row, ${table}.* FROM ${table} SEMI JOIN ${delta} AS d ON ${table}.posting_id = d.posting_id;
      DELETE FROM ${delta} USING held_${POSTINGS_DELTA} AS held WHERE held.posting_id = ${delta}.posting_id AND held.posted_on > ${delta}.posted_on;
      DELETE FROM held_${POSTINGS_DELTA} AS held WHERE NOT EXISTS (SELECT 1 FROM ${delta} AS d WHERE d.posting_id = held.posting_id);
      INSERT INTO ${replaced} SELECT * EXCLUDE (held_row) FROM held_${POSTINGS_DELTA};
      DELETE FROM ${table} WHERE rowid IN (SELECT held_row FROM held_${POSTINGS_DELTA});
      INSERT INTO ${table} SELECT * FROM ${delta}`);
    await recordFiles(conn, ledger, added);
  }
  return count(conn, table);
}
