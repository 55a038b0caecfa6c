import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadInputs, type LoadReport } from '../../pipeline/load/index.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/load/', import.meta.url));
/** A tiny, complete and valid input set (hand-made; school names invented). */
export const VALID = join(FIXTURES, 'valid');

const made: string[] = [];

/** Removes the data folders a test file made (call from afterAll). */
export const removeInputs = () => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));

/** Real-shaped inputs: real school identifiers and catalogue rows, invented figures (see its README.md). */
export const REAL = join(FIXTURES, 'real');

/** A fresh data folder: a fixture set with some files replaced (text is written as UTF-8), and some removed. */
export async function inputsFrom(base: string, files: Record<string, string | Buffer> = {}, removed: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'load-test-'));
  made.push(dir);
  await cp(base, dir, { recursive: true });
  for (const name of removed) await rm(join(dir, name));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** A fresh data folder: the valid set with some files replaced (text is written as UTF-8). */
export const inputsWith = (files: Record<string, string | Buffer> = {}) => inputsFrom(VALID, files);

/** The valid set with one file taken from a fixture folder (for files whose bytes matter). */
export const inputsWithFixture = async (folder: string, file: string) =>
  inputsWith({ [file]: await readFile(join(FIXTURES, folder, file)) });

export interface Loaded {
  report: LoadReport;
  conn: DuckDBConnection;
}

/** Loads a data folder into an in-memory database; the high default threshold lets single rejects through. */
export async function load(dataDir: string, rejectShareMax = 0.5, referenceDir = join(FIXTURES, 'no-reference')): Promise<Loaded> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const report = await loadInputs(conn, { dataDir, referenceDir, policy: { reject_share_max: rejectShareMax } });
  return { report, conn };
}

/** The error a load throws (fails the test when it does not throw). */
export async function loadFailure(dataDir: string, rejectShareMax = 0.5): Promise<Error> {
  try {
    await load(dataDir, rejectShareMax);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`loading ${dataDir} did not fail`);
}

/** Rows of a query as plain objects. */
export async function query(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS();
}
