/** The refresh's resource limits come from the environment, with defaults that fit a small machine. */
import { availableParallelism, tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSettings, duckdbConfig, isSmallBuild, readResources, SMALL_BUILD_BYTES } from '../../pipeline/config/resources.ts';
import { inputBytes } from '../../pipeline/refresh/input-bytes.ts';

describe('resources', () => {
  it('defaults to a 1536MB DuckDB memory limit (768MB once the models are built), 8GB of spill, 1GB converted .xlsx, every core and whole marts up to 100,000 rows', () => {
    expect(readResources({})).toEqual({
      memory_limit: '1536MB', output_memory_limit: '768MB', temp_max: '8GB', converted_max: 1e9, threads: availableParallelism(), whole_mart_max_rows: 100_000,
    });
  });

  it('takes the limits from the environment and spills into the given folder', () => {
    const resources = readResources({
      CHANJIAO_MEMORY_LIMIT: '3GB', CHANJIAO_OUTPUT_MEMORY_LIMIT: '1GB', CHANJIAO_THREADS: '1', CHANJIAO_WHOLE_MART_MAX_ROWS: '1000',
      CHANJIAO_TEMP_MAX: '20GiB', CHANJIAO_CONVERTED_MAX: '64KiB',
    });
    expect(duckdbConfig(resources, '/w/build/tmp')).toEqual({
      memory_limit: '3GB', threads: '1', temp_directory: '/w/build/tmp', max_temp_directory_size: '20GiB',
    });
    expect(resources.converted_max).toBe(65_536);
    expect(resources.whole_mart_max_rows).toBe(1000);
    expect(resources.output_memory_limit).toBe('1GB');
  });

  it('refuses values DuckDB would misread', () => {
    expect(() => readResources({ CHANJIAO_MEMORY_LIMIT: '2' })).toThrow('CHANJIAO_MEMORY_LIMIT=2: must be a size such as 2GB or 1536MB');
    expect(() => readResources({ CHANJIAO_OUTPUT_MEMORY_LIMIT: 'lots' })).toThrow('CHANJIAO_OUTPUT_MEMORY_LIMIT=lots: must be a size such as 2GB or 1536MB');
    expect(() => readResources({ CHANJIAO_THREADS: '0' })).toThrow('CHANJIAO_THREADS=0: must be a positive integer');
    expect(() => readResources({ CHANJIAO_TEMP_MAX: '8' })).toThrow('CHANJIAO_TEMP_MAX=8: must be a size such as 2GB or 1536MB');
  });

  it('calls a build small under 32 MiB of input, and runs it on one DuckDB thread without FSST, keeping CHANJIAO_THREADS when set', () => {
    expect([isSmallBuild(SMALL_BUILD_BYTES - 1), isSmallBuild(SMALL_BUILD_BYTES)]).toEqual([true, false]);
    expect(buildSettings(true, {})).toEqual(['SET threads = 1', "SET disabled_compression_methods = 'fsst'"]);
    expect(buildSettings(true, { CHANJIAO_THREADS: '3' })).toEqual(["SET disabled_compression_methods = 'fsst'"]);
    expect(buildSettings(false, {})).toEqual([]);
  });

  it('keeps FSST out of a small build’s file, where a large build’s uses it', async () => {
    const compressions = async (small: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), 'chanjiao-fsst-'));
      try {
        const instance = await DuckDBInstance.create(join(dir, 'w.duckdb'));
        const conn = await instance.connect();
        for (const setting of buildSettings(small, {})) await conn.run(setting);
        // Distinct texts sharing their words: what FSST compresses and a dictionary cannot.
        await conn.run(`CREATE TABLE t AS SELECT '重庆市第' || i || '职业教育中心 智能制造与数字技术专业群 ' || i AS name FROM range(20000) r(i)`);
        await conn.run('CHECKPOINT');
        const rows = (await conn.runAndReadAll(`SELECT DISTINCT compression FROM pragma_storage_info('t')`)).getRowsJS().map((r) => String(r[0]));
        instance.closeSync();
        return rows;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    expect(await compressions(false)).toContain('FSST');
    expect(await compressions(true)).not.toContain('FSST');
  });

  it('counts as input every file of the data folder, subfolders and linked files too, and every file delivered on the platform', () => {
    const root = mkdtempSync(join(tmpdir(), 'chanjiao-input-bytes-'));
    try {
      const data = join(root, 'data');
      const warehouse = join(root, 'warehouse');
      mkdirSync(join(data, 'postings'), { recursive: true });
      writeFileSync(join(data, 'schools.csv'), 'x'.repeat(100));
      writeFileSync(join(data, 'postings', '2025-01-01.csv'), 'x'.repeat(20));
      expect(inputBytes(data, warehouse)).toBe(120); // no uploads folder yet
      mkdirSync(join(warehouse, 'uploads', 'postings'), { recursive: true });
      writeFileSync(join(warehouse, 'uploads', 'postings', '2025-01-02.csv'), 'x'.repeat(7));
      expect(inputBytes(data, warehouse)).toBe(127);
      // A bureau's file linked into the data folder counts by its own size; a broken link counts nothing.
      writeFileSync(join(root, 'demand.csv'), 'x'.repeat(1000));
      symlinkSync(join(root, 'demand.csv'), join(data, 'demand.csv'));
      symlinkSync(join(root, 'gone.csv'), join(data, 'gone.csv'));
      expect(inputBytes(data, warehouse)).toBe(1127);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
