/** An in-memory warehouse built from a data folder: inputs, postings stage and every model, as a refresh builds it. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs } from '../../pipeline/load/index.ts';
import { loadPostings } from '../../pipeline/postings/index.ts';
import { readPolicy, runModels } from '../../pipeline/transform/run-models.ts';
import { writeOutlook } from '../../pipeline/outlook/write-outlook.ts';
import { REFERENCE, scratch } from './fixture.ts';

export async function buildWarehouse(dataDir: string): Promise<DuckDBConnection> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const policy = readPolicy();
  const report = await loadInputs(conn, { dataDir, referenceDir: REFERENCE, policy: policy.load as { reject_share_max: number } });
  await loadPostings(conn, {
    dataDir, referenceDir: REFERENCE, warehouseDir: scratch('wh-'), tmpDir: scratch('postings-tmp-'),
    policy: policy.load as { reject_share_max: number }, report, lookups: report.inputs,
  });
  await writeOutlook(conn, policy);
  await runModels(conn, { policy });
  return conn;
}

/** Rows of a query as plain objects. */
export async function query<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}
