import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { typedValue } from '../load/field-checks.ts';
import type { CsvScan } from '../load/read-csv.ts';
import { sqlName, sqlString } from '../load/sql.ts';
import { duckdbType, type TableSchema } from '../schema.ts';
import { faultPoint } from '../fault.ts';

/** Where a batch is written before its files are renamed into the store; a killed run's leftover is an orphan. */
const BATCH_DIR = '.tmp-batch';

/**
 * Writes each day's valid rows (typed, exactly the schema's columns) to its own Parquet file in one
 * pass over the batch: DuckDB partitions by day into a temporary folder of the store, then each
 * file is renamed to its name in `parquets` (scan.files order). Until the ledger names them they
 * are orphans, which the next run removes.
 */
export async function writeDays(conn: DuckDBConnection, schema: TableSchema, batch: { scan: CsvScan; rejects: string },
  parquets: string[], storeDir: string): Promise<void> {
  const dir = join(storeDir, BATCH_DIR);
  rmSync(dir, { recursive: true, force: true });
  const values = schema.fields.map((f) => `${typedValue(f, sqlName(f.name))}::${duckdbType(f)} AS ${sqlName(f.name)}`).join(', ');
  const days = batch.scan.files.map((f) => sqlString(f.path)).join(', ');
  await conn.run(`
    COPY (SELECT ${values}, list_position([${days}], source_file) AS day FROM ${batch.scan.rows} r
          WHERE NOT EXISTS (SELECT 1 FROM ${batch.rejects} j WHERE j.row_id = r.row_id))
    TO ${sqlString(dir)} (FORMAT parquet, PARTITION_BY (day))`);
  for (const [i, parquet] of parquets.entries()) {
    const part = join(dir, `day=${i + 1}`);
    // A day without valid rows has no partition; it still gets a file, so the ledger's every entry has one.
    mkdirSync(part, { recursive: true });
    if (readdirSync(part).length === 0) {
      await conn.run(`COPY (SELECT ${values} FROM ${batch.scan.rows} WHERE false) TO ${sqlString(join(part, 'empty.parquet'))} (FORMAT parquet)`);
    }
    const written = readdirSync(part);
    if (written.length !== 1) throw new Error(`${part}: expected one Parquet file, found ${written.length}`);
    renameSync(join(part, written[0]), join(storeDir, parquet));
    faultPoint('postings:parquet');
  }
  rmSync(dir, { recursive: true, force: true });
}
