/** Whether the warehouse holds a (persistent, not temporary) table of that name. */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function tableExists(conn: DuckDBConnection, table: string): Promise<boolean> {
  const found = await conn.runAndReadAll(
    'SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = $table AND NOT temporary', { table });
  return found.getRowObjectsJS()[0].n === 1;
}
