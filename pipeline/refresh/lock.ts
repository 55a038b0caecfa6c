/**
 * One refresh at a time per warehouse. The lock file names its holder (pid, start time and the
 * process's start in clock ticks since boot, so a pid reused by another process is not taken for
 * the holder). It appears whole, by a hard link of a file already written (atomic, fails when one
 * exists). A lock whose holder is gone is taken over by exactly one taker: takers of one stale
 * lock race to create a claim named after its content (O_EXCL); the winner checks the lock is
 * still that one and renames its own lock over it. Nothing is deleted by a taker that could be
 * someone else's lock; the claims of a lock go once it has been replaced.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faultPoint } from './fault.ts';

export interface LockHolder {
  pid: number;
  started_at: string;
  /** /proc/<pid>/stat field 22 (starttime); absent where there is no /proc or in a lock from an older version. */
  proc_start?: string;
}

export class LockedError extends Error {}

export const LOCK_FILE = 'refresh.lock';
const CLAIM = `${LOCK_FILE}.takeover-`;

/** The start time of a process in clock ticks since boot, or null when it cannot be read. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that wrote `holder` still runs: its pid alive, with the same start time when that is known. */
export function holderAlive(holder: LockHolder): boolean {
  if (!pidAlive(holder.pid)) return false;
  if (holder.proc_start === undefined) return true;
  const start = processStart(holder.pid);
  return start === null || start === holder.proc_start;
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

const parse = (text: string): LockHolder | null => {
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    return null;
  }
};

const locked = (holder: LockHolder) =>
  new LockedError(`另一个刷新正在运行 Another refresh is running (pid ${holder.pid}, since ${holder.started_at}); try again when it ends`);

/**
 * Takes the stale lock `seen` over for `mine` (the path of our written lock file); false when
 * another taker won it. Claims are numbered: a claim whose claimant died is passed over for the next.
 */
function takeOver(dir: string, seen: string, mine: string): boolean {
  const key = createHash('sha256').update(seen).digest('hex').slice(0, 16);
  for (let n = 0; ; n++) {
    const claim = join(dir, `${CLAIM}${key}-${n}`);
    try {
      linkSync(mine, claim); // whole at once, like the lock: a claim is never seen empty
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const claimant = parse(readText(claim) ?? '');
      if (claimant && holderAlive(claimant)) return false;
      continue;
    }
    if (readText(join(dir, LOCK_FILE)) !== seen) {
      rmSync(claim, { force: true }); // replaced already: our claim is of no use
      return false;
    }
    renameSync(mine, join(dir, LOCK_FILE));
    for (const name of readdirSync(dir)) if (name.startsWith(`${CLAIM}${key}-`)) rmSync(join(dir, name), { force: true });
    return true;
  }
}

/** Who holds the warehouse's refresh lock, alive or not; null when nobody does. */
export function lockHolder(warehouseDir: string): LockHolder | null {
  return parse(readText(join(warehouseDir, LOCK_FILE)) ?? '');
}

/** Takes the warehouse's refresh lock or throws LockedError; returns the release function. */
export function acquireLock(warehouseDir: string, warn: (message: string) => void, now = new Date()): () => void {
  mkdirSync(warehouseDir, { recursive: true });
  const path = join(warehouseDir, LOCK_FILE);
  const start = processStart(process.pid);
  const me = JSON.stringify({ pid: process.pid, started_at: now.toISOString(), ...(start === null ? {} : { proc_start: start }) } satisfies LockHolder);
  const mine = join(warehouseDir, `.${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(mine, me);
  // Never throws: it runs in the refresh's `finally`, where a throw would replace the reason the
  // run failed. A lock left behind names this process, and the next run takes it over.
  const release = () => {
    try {
      faultPoint('lock:release');
      if (readText(path) === me) rmSync(path, { force: true });
    } catch (error) {
      warn(`刷新锁未能删除 — could not remove the refresh lock: ${(error as Error).message}; the next run takes it over`);
    }
  };
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
        return release;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = readText(path);
      if (seen === null) continue; // released in the meantime
      const holder = parse(seen);
      if (holder && holderAlive(holder)) throw locked(holder);
      if (takeOver(warehouseDir, seen, mine)) {
        warn(`recovered a stale refresh lock${holder ? ` (pid ${holder.pid} from ${holder.started_at} is gone)` : ''}`);
        return release;
      }
      const winner = parse(readText(path) ?? '');
      if (winner) throw locked(winner);
    }
    throw new LockedError('另一个刷新正在运行 Another refresh is running: could not take the refresh lock');
  } finally {
    rmSync(mine, { force: true });
  }
}
