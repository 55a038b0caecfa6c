import { statSync } from 'node:fs';
import { LoadError } from './errors.ts';

/**
 * What changes when a file is written: its size, modification and change times (ctime cannot be
 * set back, unlike mtime) and its inode (a file replaced by a rename). Taken before an input is
 * hashed and compared after it is read, so the hash in the run report is of exactly the bytes
 * loaded, and a file rewritten while a refresh reads it stops the run instead of mixing old and new rows.
 */
export interface FileStamp { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }

export function stampOf(path: string): FileStamp {
  const { size, mtimeNs, ctimeNs, ino } = statSync(path, { bigint: true });
  return { size, mtimeNs, ctimeNs, ino };
}

/** Throws a LoadError when `file` is no longer the one stamped. */
export function assertUnchanged(file: string, stamp: FileStamp): void {
  let now: FileStamp | null = null;
  try {
    now = stampOf(file);
  } catch {
    // gone: changed as well
  }
  if (!now || now.size !== stamp.size || now.mtimeNs !== stamp.mtimeNs || now.ctimeNs !== stamp.ctimeNs || now.ino !== stamp.ino) {
    throw new LoadError(`${file}: 文件在读取期间被修改 — the file changed while it was read; nothing of it was loaded. Run the refresh again once it is completely written`);
  }
}

/**
 * Throws a LoadError unless `path` (a link followed) is a regular file: reading a device such as
 * /dev/zero or a named pipe would never end, and would hold the refresh's lock meanwhile.
 */
export function assertRegularFile(path: string): void {
  const stats = statSync(path);
  if (stats.isFile()) return;
  const kind = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'a socket';
  throw new LoadError(`${path}: 不是普通文件 — not a regular file but ${kind}: an input must be a file saved on disk`);
}
