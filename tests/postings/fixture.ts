/**
 * The refresh fixture (tests/fixtures/refresh) as a scratch data folder the tests can change: days
 * of postings added, corrected or removed, as the platform's nightly delivery would.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('../fixtures/refresh/', import.meta.url));
export const REFERENCE = fileURLToPath(new URL('../../data/reference/', import.meta.url));

/** A fresh temporary folder; `cleanup()` removes every folder made so far. */
export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
const made: string[] = [];
export const cleanup = () => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));

/** A copy of the fixture's data folder (day 2025-03-03 of postings only). */
export function dataFolder(): string {
  const dir = scratch('refresh-data-');
  cpSync(join(FIXTURE, 'data'), dir, { recursive: true });
  return dir;
}

/** Delivers a variant file as a day of postings, e.g. `deliver(dir, '2025-03-03-corrected.csv', '2025-03-03.csv')`. */
export function deliver(dataDir: string, variant: string, day = variant): void {
  cpSync(join(FIXTURE, 'variants', variant), join(dataDir, 'postings', day));
}
