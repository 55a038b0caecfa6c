/**
 * Published snapshots are never modified, so a new snapshot can share their unchanged files by
 * hard link instead of writing them again (reports, Arrow files of marts a run did not rebuild).
 */
import { existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Hard-links every file below `from` into the same place below `to`, but files `to` already has
 * (written by this run) and those `skip` names (by file name); returns the number linked.
 */
export function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): number {
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  let files = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) files += linkTree(source, target, skip);
    else if (!skip(entry.name) && !existsSync(target)) {
      linkSync(source, target);
      files += 1;
    }
  }
  return files;
}
