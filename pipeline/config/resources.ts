/**
 * What a refresh may use of the machine, from the environment, so an operator sizes a run to the
 * machine without editing code (docs/scaling.md):
 *   CHANJIAO_MEMORY_LIMIT         DuckDB memory_limit (default 1536MB; DuckDB's own default is 80 %
 *                                 of RAM). Past it DuckDB spills to the build's tmp/ instead of growing;
 *                                 the Node side (export, reports) needs about 1 GB more at national size.
 *   CHANJIAO_OUTPUT_MEMORY_LIMIT  DuckDB memory_limit once the models are built (default 768MB): the
 *                                 tests, the export and the reports then run beside each other and
 *                                 need Node's memory more than DuckDB's cache
 *   CHANJIAO_TEMP_MAX             DuckDB max_temp_directory_size (default 8GB): what a build may spill
 *                                 to disk; past it the run stops with DuckDB's message, `current` untouched
 *   CHANJIAO_CONVERTED_MAX        largest CSV an .xlsx input may convert to (default 1GB)
 *   CHANJIAO_THREADS              DuckDB threads (default: every core, but one for a small build:
 *                                 isSmallBuild, buildSettings)
 *   CHANJIAO_WHOLE_MART_MAX_ROWS  a mart with more rows is not written as one Arrow file, only cut
 *                                 for on-demand fetching (default 100000; see split-marts.ts)
 */
import { availableParallelism } from 'node:os';

export interface Resources {
  memory_limit: string;
  output_memory_limit: string;
  temp_max: string;
  /** Bytes. */
  converted_max: number;
  threads: number;
  whole_mart_max_rows: number;
}

const positive = (text: string | undefined, name: string, fallback: number): number => {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${text}: must be a positive integer`);
  return value;
};

const size = (text: string | undefined, name: string, fallback: string): string => {
  const value = text || fallback;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) throw new Error(`${name}=${value}: must be a size such as 2GB or 1536MB`);
  return value;
};

const UNITS: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

/** Bytes of a size as DuckDB reads it (KB = 1000 bytes, KiB = 1024). */
export function sizeBytes(size: string): number {
  const [, n, unit] = /^(\d+(?:\.\d+)?)\s*(\w+)$/.exec(size)!;
  return Math.round(Number(n) * UNITS[unit.toLowerCase()]);
}

export function readResources(env: Record<string, string | undefined> = process.env): Resources {
  return {
    memory_limit: size(env.CHANJIAO_MEMORY_LIMIT, 'CHANJIAO_MEMORY_LIMIT', '1536MB'),
    output_memory_limit: size(env.CHANJIAO_OUTPUT_MEMORY_LIMIT, 'CHANJIAO_OUTPUT_MEMORY_LIMIT', '768MB'),
    temp_max: size(env.CHANJIAO_TEMP_MAX, 'CHANJIAO_TEMP_MAX', '8GB'),
    converted_max: sizeBytes(size(env.CHANJIAO_CONVERTED_MAX, 'CHANJIAO_CONVERTED_MAX', '1GB')),
    threads: positive(env.CHANJIAO_THREADS, 'CHANJIAO_THREADS', availableParallelism()),
    whole_mart_max_rows: positive(env.CHANJIAO_WHOLE_MART_MAX_ROWS, 'CHANJIAO_WHOLE_MART_MAX_ROWS', 100_000),
  };
}

/** DuckDB instance options for a build: the limits above, spilling into `tempDir`. */
export function duckdbConfig(resources: Resources, tempDir: string): Record<string, string> {
  return {
    memory_limit: resources.memory_limit, threads: String(resources.threads), temp_directory: tempDir, max_temp_directory_size: resources.temp_max,
  };
}

/**
 * Input bytes under which a build is small (isSmallBuild): DuckDB's CSV buffer (16 × its 2 MiB
 * max_line_size), the unit by which it splits reading a file across threads.
 */
export const SMALL_BUILD_BYTES = 32 * 2 ** 20;

/**
 * A build reading `inputBytes` (refresh/input-bytes.ts) is small when every file fits one CSV
 * buffer and every table a few row groups, as a city's do: it is sized for that (buildSettings, and
 * the planner's worker, planner/solve-in-worker.ts).
 */
export const isSmallBuild = (inputBytes: number) => inputBytes < SMALL_BUILD_BYTES;

/**
 * DuckDB settings of a build, over duckdbConfig's, as SET statements (DuckDB ignores
 * disabled_compression_methods given when the instance is opened). A small build:
 * - runs each query on one thread: DuckDB has little to split across threads but tasks to
 *   schedule, while the build's own connections keep the cores busy (the load beside the postings,
 *   two model lanes, then the tests, the export and the reports side by side). CHANJIAO_THREADS,
 *   when set, is kept.
 * - leaves FSST out of the compressions DuckDB tries when it writes the file: its analysis is
 *   most of the checkpoint's CPU for 5 % of the bytes. A large build keeps it: the national
 *   warehouse is 666 MB with it and 1,160 MB without.
 */
export function buildSettings(small: boolean, env: Record<string, string | undefined> = process.env): string[] {
  if (!small) return [];
  return [...(env.CHANJIAO_THREADS ? [] : ['SET threads = 1']), "SET disabled_compression_methods = 'fsst'"];
}
