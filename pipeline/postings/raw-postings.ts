/**
 * raw_postings: every stored day's postings, each posting once. A posting sent again on a later day
 * keeps its posting_id; the copy with the latest posted_on (then the latest daily file) wins, so a
 * correction replaces what it corrects and a re-sent posting is not counted twice.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnDefinitions, rawTable, readSchema } from '../schema.ts';
import { sqlName, sqlString } from '../load/sql.ts';
import type { Ledger } from './ledger.ts';

/** Creates raw_postings from the ledger's Parquet files (empty, with the schema's columns, when there are none); returns its rows. */
export async function buildRawPostings(conn: DuckDBConnection, storeDir: string, ledger: Ledger): Promise<number> {
  const schema = readSchema('postings');
  const table = rawTable(schema.name);
  await conn.run(`CREATE OR REPLACE TABLE ${table} (${columnDefinitions(schema)})`);
  // Daily files are named by date, and so are their Parquet files: the later file sorts last.
  const files = Object.keys(ledger.files).sort().map((name) => sqlString(join(storeDir, ledger.files[name].parquet)));
  if (files.length === 0) return 0;
  const columns = schema.fields.map((f) => sqlName(f.name)).join(', ');
  await conn.run(`
    INSERT INTO ${table}
    SELECT ${columns} FROM read_parquet([${files.join(', ')}], filename = true)
    QUALIFY row_number() OVER (PARTITION BY posting_id ORDER BY posted_on DESC, filename DESC) = 1`);
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  return count.getRowObjectsJS()[0].n as number;
}
