/**
 * How much a refresh reads, to size DuckDB for it (config/resources.ts buildSettings): every
 * file of the data folder and every file delivered on the platform (accepted or not: counting a
 * file too many only keeps every core).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uploadsDir } from '../config/accepted-inputs.ts';

function treeBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((n, entry) => n + statSync(join(entry.parentPath, entry.name)).size, 0);
}

export const inputBytes = (dataDir: string, warehouseDir: string): number => treeBytes(dataDir) + treeBytes(uploadsDir(warehouseDir));
