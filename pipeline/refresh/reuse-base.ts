/**
 * A postings-only run (docs/operations.md) starts from the served snapshot when this run's base —
 * every input but the daily postings, the policy, the code (base-key.ts) — is the one that
 * snapshot was built from: its warehouse is copied, and its load report stands for this run's.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LoadReport } from '../load/load-inputs.ts';
import type { Reject } from '../load/rejects/reject.ts';
import type { Manifest } from './manifest.ts';
import { CURRENT, WAREHOUSE_FILE } from './snapshot.ts';
import { isBaseInput } from './base-key.ts';

export interface Base { from: string; dir: string; manifest: Manifest }

/** The served snapshot when its base key is `key()` (computed only when it could matter); null means a full run. */
export async function reusableBase(warehouseDir: string, previous: Manifest | null, key: () => Promise<string | null>): Promise<Base | null> {
  const dir = join(warehouseDir, CURRENT);
  if (!previous?.base || !existsSync(join(dir, WAREHOUSE_FILE))) return null;
  return (await key()) === previous.base.key ? { from: previous.snapshot, dir, manifest: previous } : null;
}

export function copyBaseWarehouse(base: Base, buildDir: string): void {
  copyFileSync(join(base.dir, WAREHOUSE_FILE), join(buildDir, WAREHOUSE_FILE));
}

/** The load report of the base: the previous run's inputs and load warnings, and the rejects kept in load_rejects. */
export async function baseReport(conn: DuckDBConnection, base: Base): Promise<LoadReport> {
  const kept = await conn.runAndReadAll(`SELECT * FROM load_rejects WHERE "table" <> 'postings'`);
  return {
    inputs: base.manifest.inputs.filter(isBaseInput),
    rejects: kept.getRowObjectsJS() as unknown as Reject[],
    warnings: [...(base.manifest.base?.warnings ?? [])],
  };
}
