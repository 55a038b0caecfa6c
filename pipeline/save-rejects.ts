/**
 * Keeps every rejected input row in the warehouse (table load_rejects), so an analyst can query
 * them all; the manifest lists only the first ones.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RejectEntry } from './manifest.ts';

export async function saveRejects(conn: DuckDBConnection, rejects: RejectEntry[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE load_rejects
    ("table" VARCHAR, file VARCHAR, line INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`);
  const appender = await conn.createAppender('load_rejects');
  for (const r of rejects) {
    appender.appendVarchar(r.table);
    appender.appendVarchar(r.file);
    appender.appendInteger(r.line);
    appender.appendVarchar(r.column);
    if (r.value === null || r.value === undefined) appender.appendNull();
    else appender.appendVarchar(String(r.value));
    appender.appendVarchar(r.reason);
    appender.endRow();
  }
  appender.closeSync();
}
