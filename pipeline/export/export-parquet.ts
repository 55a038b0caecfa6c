/**
 * Facts and marts as Hive-partitioned Parquet (`<table>/year=YYYY/province=PP0000/*.parquet`): the
 * layout Spark, Trino and ClickHouse read directly, so the warehouse can move to a distributed
 * engine without a conversion step. The province is the first two digits of the district code.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

/** Tables exported, each with a district_code to derive the province from. */
export const PARQUET_TABLES: Record<string, string> = {
  fact_programme_points: 'int_programme_points',
  mart_overview: 'mart_overview',
  mart_supply_slice: 'mart_supply_slice',
  mart_demand_slice: 'mart_demand_slice',
};

export interface ParquetExport { table: string; rows: number; path: string }

export async function exportParquet(conn: DuckDBConnection, dir: string): Promise<ParquetExport[]> {
  const out: ParquetExport[] = [];
  mkdirSync(dir, { recursive: true });
  for (const [table, source] of Object.entries(PARQUET_TABLES)) {
    const path = join(dir, table);
    const reader = await conn.runAndReadAll(
      `COPY (SELECT *, left(district_code, 2) || '0000' AS province FROM ${source})
       TO '${path.replaceAll("'", "''")}' (FORMAT parquet, PARTITION_BY (year, province), OVERWRITE_OR_IGNORE, COMPRESSION zstd)`,
    );
    out.push({ table, rows: Number(reader.getRowsJS()[0]?.[0] ?? 0), path });
  }
  return out;
}
