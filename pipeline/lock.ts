/**
 * One refresh at a time per warehouse. The lock file names its holder (pid, start time), so a
 * second refresh can say who it is waiting for, and a lock left by a dead process is taken over.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface LockHolder { pid: number; started_at: string }

export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the warehouse's refresh lock or throws LockedError; returns the release function. */
export function acquireLock(warehouseDir: string, warn: (message: string) => void, now = new Date()): () => void {
  mkdirSync(warehouseDir, { recursive: true });
  const path = join(warehouseDir, 'refresh.lock');
  const me: LockHolder = { pid: process.pid, started_at: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockHolder | null = null;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      // unreadable: a holder that died while writing it
    }
    if (holder && alive(holder.pid)) {
      throw new LockedError(`另一个刷新正在运行 Another refresh is running (pid ${holder.pid}, since ${holder.started_at}); try again when it ends`);
    }
    warn(`recovered a stale refresh lock${holder ? ` (pid ${holder.pid} from ${holder.started_at} is gone)` : ''}`);
    rmSync(path, { force: true });
  }
  throw new LockedError('could not take the refresh lock');
}
