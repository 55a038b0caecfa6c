/** Read-only access to the sample warehouse built by the global setup. */
import { inject } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { linkTree } from '../../pipeline/refresh/link-tree.ts';
import { CURRENT, SNAPSHOTS } from '../../pipeline/refresh/snapshot.ts';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Manifest } from '../../pipeline/refresh/manifest.ts';

export const sampleWarehouseDir = () => inject('sampleWarehouse');

export function sampleManifest(): Manifest {
  return JSON.parse(readFileSync(join(sampleWarehouseDir(), 'current/manifest.json'), 'utf8'));
}

/** A read-only connection to the sample's warehouse.duckdb. */
export async function sampleConnection(): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(join(sampleWarehouseDir(), 'current/warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  return db.connect();
}

/** Runs a query and returns plain JS row objects. */
export async function rows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/**
 * A warehouse of its own serving the sample's snapshot, laid out as a refresh lays it out (the
 * server serves only files inside `snapshots/`): the files hard-linked, `files` written over them.
 */
export async function servedSampleCopy(warehouse: string, files: Record<string, string | Uint8Array> = {}): Promise<void> {
  const snapshot = realpathSync(join(sampleWarehouseDir(), CURRENT));
  const id = basename(snapshot);
  const copy = join(warehouse, SNAPSHOTS, id);
  mkdirSync(copy, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(copy, name)), { recursive: true });
    writeFileSync(join(copy, name), content);
  }
  await linkTree(snapshot, copy);
  symlinkSync(join(SNAPSHOTS, id), join(warehouse, CURRENT));
}
