import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportParquet, PARQUET_TABLES } from '../../pipeline/export/export-parquet.ts';
import { rows, sampleConnection } from '../support/warehouse.ts';

describe('Hive-partitioned Parquet export', () => {
  it('writes year=/province= partitions whose rows read back equal the warehouse tables', async () => {
    const conn = await sampleConnection();
    const dir = mkdtempSync(join(tmpdir(), 'parquet-'));
    const exported = await exportParquet(conn, dir);
    expect(exported.map((e) => e.table)).toEqual(Object.keys(PARQUET_TABLES));
    const years = await rows<{ year: number }>(conn, 'SELECT DISTINCT year FROM int_programme_points ORDER BY 1');
    expect(readdirSync(join(dir, 'fact_programme_points')).sort()).toEqual(years.map((y) => `year=${y.year}`));
    // The sample is one city: every district code starts with 50, so one province partition per year.
    expect(readdirSync(join(dir, 'fact_programme_points', `year=${years[0].year}`))).toEqual(['province=500000']);
    for (const { table, rows: written } of exported) {
      const source = PARQUET_TABLES[table];
      const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM ${source}`);
      const [back] = await rows<{ n: number; years: number }>(conn,
        `SELECT count(*)::INTEGER AS n, count(DISTINCT year)::INTEGER AS years
         FROM read_parquet('${join(dir, table)}/**/*.parquet', hive_partitioning = true)`);
      expect(written, table).toBe(n);
      expect(back.n, table).toBe(n);
      expect(back.years, table).toBe(years.length);
    }
  });
});
