/**
 * Builds one warehouse from the shipped sample before the test files run, so integration and
 * end-to-end tests read the real pipeline's output (and never hard-code its figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { refresh } from '../../pipeline/refresh.ts';
import { DEFAULTS } from '../../pipeline/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A warehouse folder whose `current` snapshot was built from data/sample. */
    sampleWarehouse: string;
  }
}

export default async function setup(project: TestProject) {
  const warehouseDir = mkdtempSync(join(tmpdir(), 'chanjiao-sample-wh-'));
  await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir });
  project.provide('sampleWarehouse', warehouseDir);
  return () => rmSync(warehouseDir, { recursive: true, force: true });
}
