/**
 * Differences between two warehouses, table by table: rows one has and the other lacks (as
 * multisets), doubles compared to 9 decimals since a parallel sum's last bits depend on the order.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface TableDifference { table: string; only_first: number; only_second: number }

/** `ignore`: columns left out of the comparison, per table (what names each warehouse's own files). */
export async function tableDifferences(first: string, second: string, ignore: Record<string, string[]> = {}):
  Promise<{ tables: string[]; differences: TableDifference[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${first}' AS a (READ_ONLY); ATTACH '${second}' AS b (READ_ONLY)`);
    const names = async (db: string) => (await conn.runAndReadAll(
      `SELECT table_name FROM duckdb_tables() WHERE database_name = '${db}' ORDER BY 1`)).getRowsJS().map((r) => String(r[0]));
    const [tables, others] = [await names('a'), await names('b')];
    // A table only one side has counts as -1 rows on the other.
    const differences: TableDifference[] = [
      ...tables.filter((t) => !others.includes(t)).map((table) => ({ table, only_first: -1, only_second: 0 })),
      ...others.filter((t) => !tables.includes(t)).map((table) => ({ table, only_first: 0, only_second: -1 })),
    ];
    for (const table of tables.filter((t) => others.includes(t))) {
      const columns = (await conn.runAndReadAll(
        `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'a' AND table_name = '${table}' ORDER BY column_index`,
      )).getRowsJS().filter(([name]) => !ignore[table]?.includes(String(name)))
        .map(([name, type]) => (type === 'DOUBLE' ? `round("${name}", 9)` : `"${name}"`)).join(', ');
      const count = async (x: string, y: string) => Number((await conn.runAndReadAll(
        `SELECT count(*)::INTEGER FROM (SELECT ${columns} FROM ${x}.${table} EXCEPT ALL SELECT ${columns} FROM ${y}.${table})`,
      )).getRowsJS()[0][0]);
      const [only_first, only_second] = [await count('a', 'b'), await count('b', 'a')];
      if (only_first || only_second) differences.push({ table, only_first, only_second });
    }
    return { tables, differences };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
