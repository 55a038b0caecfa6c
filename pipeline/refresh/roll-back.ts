/**
 * Serving an earlier snapshot again, from `npm run rollback` or the platform's admin page: `current`
 * is switched under the refresh lock, so a rollback never lands in the middle of a publish.
 */
import { acquireLock } from './lock.ts';
import { currentSnapshot, listSnapshots, switchCurrent } from './snapshot.ts';

export class NoSuchSnapshot extends Error {}

/** Points `current` at snapshot `to`; returns the snapshot served before. Throws LockedError while a refresh runs. */
export function rollBack(warehouseDir: string, to: string, warn: (message: string) => void): string | null {
  // The id only: the message reaches the admin page, which is not told where the warehouse lives.
  if (!listSnapshots(warehouseDir).includes(to)) throw new NoSuchSnapshot(`无此快照 — no snapshot ${to} is kept`);
  const release = acquireLock(warehouseDir, warn);
  try {
    const from = currentSnapshot(warehouseDir);
    switchCurrent(warehouseDir, to);
    return from;
  } finally {
    release();
  }
}
