/**
 * Builds one warehouse from the shipped sample before the test files run, so integration and
 * end-to-end tests read the real pipeline's output (and never hard-code its figures).
 *
 * The postings store (a year of daily files, each converted once) is kept between test runs in
 * node_modules/.cache: the store checks every day's sha256 and validation key itself, so a stale
 * cache is converted again, never trusted.
 *
 * Every temporary folder of the run (the tests' own, the servers', chromium's, those of the CLI
 * runs they start) is made in one folder of the run, removed at its end: TMPDIR points there for
 * the test files and every process they start, which come after this setup.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { DEFAULTS, ROOT } from '../../pipeline/config/paths.ts';
import { POSTINGS_STORE } from '../../pipeline/postings/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A warehouse folder whose `current` snapshot was built from data/sample. */
    sampleWarehouse: string;
    /** The run's temporary folder: the TMPDIR of the tests and of every process they start. */
    runTmpDir: string;
  }
}

const STORE_CACHE = join(ROOT, 'node_modules/.cache/chanjiao', POSTINGS_STORE);

export default async function setup(project: TestProject) {
  const runTmpDir = mkdtempSync(join(tmpdir(), 'chanjiao-test-run-'));
  process.env.TMPDIR = runTmpDir;
  project.provide('runTmpDir', runTmpDir);
  const removeRunTmp = () => rmSync(runTmpDir, { recursive: true, force: true });
  try {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'chanjiao-sample-wh-'));
    const store = join(warehouseDir, POSTINGS_STORE);
    if (existsSync(STORE_CACHE)) cpSync(STORE_CACHE, store, { recursive: true });
    await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir });
    rmSync(STORE_CACHE, { recursive: true, force: true });
    cpSync(store, STORE_CACHE, { recursive: true });
    project.provide('sampleWarehouse', warehouseDir);
  } catch (error) {
    removeRunTmp();
    throw error;
  }
  return removeRunTmp;
}
