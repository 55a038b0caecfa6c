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
