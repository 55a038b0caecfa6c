import type { DuckDBConnection } from '@duckdb/node-api';
import type { CsvScan } from '../load/read-csv.ts';

export interface FileCounts {
  rows: number;
  rejected: number;
  /** Records DuckDB read from the file, empty rows and malformed records included (what accounting.ts checks). */
  read: number;
}

/**
 * Per file of a batch scan, in scan.files order: rows read and rows rejected, malformed rows
 * counted in both, a row failing several checks once: what loadTable counts for a single file.
 */
export async function countByFile(conn: DuckDBConnection, scan: CsvScan, rejects: string): Promise<FileCounts[]> {
  const result = await conn.runAndReadAll(`
    WITH scanned AS (
      SELECT source_file, count(*) AS rows, count(*) FILTER (WHERE row_id IN (SELECT row_id FROM ${rejects})) AS rejected
      FROM ${scan.rows} GROUP BY source_file),
    malformed AS (
      SELECT s.file_path AS source_file, count(DISTINCT e.line) AS n
      FROM ${scan.errors} e JOIN ${scan.scans} s USING (scan_id, file_id) GROUP BY ALL)
    SELECT source_file, (coalesce(c.rows, 0) + coalesce(m.n, 0))::INTEGER AS rows,
           (coalesce(c.rejected, 0) + coalesce(m.n, 0))::INTEGER AS rejected, coalesce(m.n, 0)::INTEGER AS malformed
    FROM scanned c FULL JOIN malformed m USING (source_file)`);
  const byFile = new Map(result.getRowObjectsJS().map((r) => [r.source_file as string, r as { rows: number; rejected: number; malformed: number }]));
  return scan.files.map((f) => {
    const { rows = 0, rejected = 0, malformed = 0 } = byFile.get(f.path) ?? {};
    return { rows, rejected, read: f.parsed + malformed };
  });
}
