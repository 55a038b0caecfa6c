/**
 * File writes that go on while the next file is prepared (reports, per-school Arrow files):
 * creating thousands of small files costs more in waiting on the disk than in computing them.
 */
import { writeFile } from 'node:fs/promises';

/** Writes in flight at most: each holds its file's bytes, and each open file takes a descriptor. */
const MAX_WRITES = 32;

/** File writes that go on while the next report renders, never more than MAX_WRITES at once. */
export class BoundedWrites {
  private pending = new Set<Promise<void>>();
  private failure: unknown;

  /** Starts writing a file, after waiting for a slot; an earlier failed write is thrown here. */
  async start(path: string, content: string | Uint8Array) {
    while (this.pending.size >= MAX_WRITES) await Promise.race(this.pending);
    this.check();
    const write: Promise<void> = writeFile(path, content)
      .catch((error) => { this.failure ??= error; })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for every write; throws the first failure. */
  async done() {
    await Promise.all(this.pending);
    this.check();
  }

  private check() {
    if (this.failure !== undefined) throw this.failure;
  }
}
