/**
 * Published snapshots are never modified, so a new snapshot can share their unchanged files by
 * hard link instead of writing them again (reports, Arrow files of marts a run did not rebuild).
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Links made at once: the file system's work runs on libuv's threads, not on the event loop. */
const AT_ONCE = 64;

/**
 * Hard-links every file below `from` into the same place below `to`, but files `to` already has
 * (written by this run) and those `skip` names (by file name); returns the number linked. A
 * national snapshot shares tens of thousands of files: linked asynchronously, the export, the
 * model tests and the reports running beside it go on meanwhile.
 */
export async function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): Promise<number> {
  if (!existsSync(from)) return 0;
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  let files = 0;
  for (let i = 0; i < entries.length; i += AT_ONCE) {
    const linked = await Promise.all(entries.slice(i, i + AT_ONCE).map(async (entry) => {
      const [source, target] = [join(from, entry.name), join(to, entry.name)];
      if (entry.isDirectory()) return linkTree(source, target, skip);
      if (skip(entry.name)) return 0;
      try {
        await link(source, target);
        return 1;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 0;
        throw error;
      }
    }));
    files += linked.reduce((n, k) => n + k, 0);
  }
  return files;
}
