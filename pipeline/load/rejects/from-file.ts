import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../../config/schema.ts';
import { collectRejects } from './collect.ts';
import { mapLines } from '../line-map.ts';
import type { CsvScan } from '../read-csv.ts';
import type { Reject } from './reject.ts';

/**
 * The rejects of one file with the line numbers of the original file (see mapLines), warning when
 * a stray quote makes them approximate.
 */
export async function fileRejects(
  conn: DuckDBConnection,
  source: { table: string; file: string; csvPath: string; schema: TableSchema; scan: CsvScan; rejects: string; name: string; originals?: string },
  warn: (msg: string) => void,
): Promise<Reject[]> {
  const consistent = await mapLines(conn, source.csvPath, source.scan, source.name);
  if (!consistent) warn(`${source.file}: 行号可能不准 — line numbers of rejects may be approximate (a stray " inside a value)`);
  return collectRejects(conn, source);
}
