import type { DuckDBConnection } from '@duckdb/node-api';

/** Drops the temporary tables whose names start with `prefix`, so each table's scratch space is freed before the next. */
export async function dropTempTables(conn: DuckDBConnection, prefix: string): Promise<void> {
  const tables = await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, '${prefix}')`,
  );
  for (const { table_name } of tables.getRowObjectsJS()) await conn.run(`DROP TABLE "${table_name}"`);
}
