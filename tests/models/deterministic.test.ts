/**
 * The same inputs publish the same figures: a second build of every model over the sample's raw
 * tables gives tables equal to the first, value for value. DuckDB aggregates in parallel, so a sum
 * of DOUBLEs depends on the order its threads meet the rows; such a sum once moved a published gap
 * from -6,693.6 to -6,693.5 between two refreshes of unchanged data.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readModels } from '../../pipeline/transform/model-files.ts';
import { readPolicy, runModels } from '../../pipeline/transform/run-models.ts';
import { sampleWarehouseDir } from '../support/warehouse.ts';

describe('model builds', () => {
  it('give the same value in every cell when built twice from the same raw tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deterministic-'));
    try {
      copyFileSync(join(sampleWarehouseDir(), 'current/warehouse.duckdb'), join(dir, 'w.duckdb'));
      const db = await DuckDBInstance.create(join(dir, 'w.duckdb'), { threads: '4' });
      const conn = await db.connect();
      const models = readModels().map((m) => m.name);
      for (const name of models) await conn.run(`CREATE TABLE first_${name} AS SELECT * FROM ${name}`);
      await runModels(conn, { policy: readPolicy() });
      const differing: string[] = [];
      for (const name of models) {
        const result = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM (
          (SELECT * FROM ${name} EXCEPT ALL SELECT * FROM first_${name})
          UNION ALL (SELECT * FROM first_${name} EXCEPT ALL SELECT * FROM ${name}))`);
        const rows = Number(result.getRows()[0][0]);
        if (rows > 0) differing.push(`${name}: ${rows}`);
      }
      conn.closeSync();
      expect(differing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
