/**
 * How much a refresh reads, to size the build for it (config/resources.ts isSmallBuild): every
 * file of the data folder and every file delivered on the platform (accepted or not: counting a
 * file too many only keeps every core).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uploadsDir } from '../config/accepted-inputs.ts';

/** Bytes of the files under `dir`, a file linked into it counted by the file it links to. */
function treeBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false }))
    .reduce((n, stat) => n + (stat?.isFile() ? stat.size : 0), 0);
}

export const inputBytes = (dataDir: string, warehouseDir: string): number => treeBytes(dataDir) + treeBytes(uploadsDir(warehouseDir));
