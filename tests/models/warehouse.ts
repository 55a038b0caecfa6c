/** Test warehouse: an in-memory DuckDB with raw_ tables typed from schemas/ and filled from a fixture. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../../pipeline/config/policy.ts';
import { runModels } from '../../pipeline/transform/run-models.ts';
import { TABLES, rawColumnDefinitions, rawTable, readSchema, storedFields } from '../../pipeline/config/schema.ts';
import { writeOutlook } from '../../pipeline/outlook/write-outlook.ts';
import { writePlan } from '../../pipeline/planner/write-plan.ts';
import { tinyPolicy, type Fixture, type Row } from '../fixtures/models/tiny.ts';
import { CLASSIFICATION_TABLES } from '../../pipeline/config/schema.ts';
import { createWordsTable } from '../../pipeline/postings/posting-words.ts';

const literal = (value: Row[number]) =>
  value === null ? 'NULL' : typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);

/** The postings feed's raw tables and the optional proposal, which the loader creates beside TABLES; a fixture may leave them empty. */
const FEED_TABLES = [...CLASSIFICATION_TABLES, 'postings', 'plan_proposals'] as const;

/** Opens a fresh in-memory database holding the fixture as the loader and the outlook stage would leave it. */
export async function openWarehouse(fixture: Fixture | (Fixture & { plan_proposals: Row[] }), policy: Policy = tinyPolicy): Promise<DuckDBConnection> {
  return (await openDatabase(fixture, policy)).conn;
}

/** The same, with its database, for a test that opens more connections to it. */
export async function openDatabase(fixture: Fixture | (Fixture & { plan_proposals: Row[] }), policy: Policy = tinyPolicy): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const table of [...TABLES, ...FEED_TABLES]) {
    const schema = readSchema(table);
    await conn.run(`CREATE TABLE ${rawTable(table)} (${rawColumnDefinitions(schema)})`);
    const rows = (fixture as Partial<Record<string, Row[]>>)[table] ?? [];
    if (rows.length > 0) {
      await conn.run(`INSERT INTO ${rawTable(table)} (${storedFields(schema).map((f) => `"${f.name}"`).join(', ')}) VALUES ${rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ')}`);
    }
  }
  await createWordsTable(conn);
  await writeOutlook(conn, policy);
  return { instance, conn };
}

/** Rows of a query as plain objects (counts are INTEGER in the marts, so they arrive as numbers). */
export async function query(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** The fixture with every model built under the given policy, and the planner's marts. */
export async function buildWarehouse(fixture: Fixture, policy: Policy): Promise<DuckDBConnection> {
  const conn = await openWarehouse(fixture, policy);
  await runModels(conn, { policy });
  await writePlan(conn, policy);
  return conn;
}

/** One row of a query, failing loudly when the key does not select exactly one. */
export async function one(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  const rows = await query(conn, sql);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0];
}
