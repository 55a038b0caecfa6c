/**
 * A build's warehouse is checkpointed once its models are built, beside outputs that only read it;
 * a write still under way makes DuckDB refuse, and the work is left to the close.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { checkpointBeside, NO_AUTOMATIC_CHECKPOINT } from '../../pipeline/refresh/checkpoint.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function warehouse() {
  const dir = mkdtempSync(join(tmpdir(), 'chanjiao-checkpoint-'));
  dirs.push(dir);
  const file = join(dir, 'warehouse.duckdb');
  const instance = await DuckDBInstance.create(file, { checkpoint_threshold: NO_AUTOMATIC_CHECKPOINT });
  const conn = await instance.connect();
  // Smaller than a row group: kept in the WAL until a checkpoint, as a city build's tables are.
  await conn.run('CREATE TABLE mart_a AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(50000)');
  const walBytes = () => (existsSync(`${file}.wal`) ? statSync(`${file}.wal`).size : 0);
  return { instance, conn, walBytes };
}

describe('checkpointBeside', () => {
  it('writes the WAL into the file when no write is under way', async () => {
    const { instance, conn, walBytes } = await warehouse();
    const before = walBytes();
    expect(before).toBeGreaterThan(1_000_000); // the threshold kept DuckDB from checkpointing on its own
    await expect(checkpointBeside(instance)).resolves.toBe(true);
    expect(walBytes()).toBeLessThan(before / 100);
    expect((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM mart_a')).getRows()[0][0]).toBe(50000);
    instance.closeSync();
  });

  it('leaves the work to the close while another connection is writing a table', async () => {
    const { instance, walBytes } = await warehouse();
    const writer = await instance.connect();
    await writer.run('BEGIN');
    await writer.run('CREATE TABLE mart_plan (n INTEGER)');
    const before = walBytes();
    await expect(checkpointBeside(instance)).resolves.toBe(false);
    expect(walBytes()).toBe(before);
    await writer.run('INSERT INTO mart_plan VALUES (1)');
    await writer.run('COMMIT');
    writer.closeSync();
    instance.closeSync();
    const reopened = await (await DuckDBInstance.create(join(dirs[0], 'warehouse.duckdb'), { access_mode: 'READ_ONLY' })).connect();
    const counts = await reopened.runAndReadAll('SELECT (SELECT count(*) FROM mart_a)::INTEGER, (SELECT count(*) FROM mart_plan)::INTEGER');
    expect(counts.getRows()[0]).toEqual([50000, 1]);
  });
});
