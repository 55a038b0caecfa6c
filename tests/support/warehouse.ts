/** Read-only access to the sample warehouse built by the global setup. */
import { inject } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
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
