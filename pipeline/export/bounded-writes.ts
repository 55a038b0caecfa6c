/**
 * File writes that go on while the next file is prepared (reports, per-school Arrow files):
 * creating thousands of small files costs more in waiting on the disk than in computing them.
 */
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

/** Files written one after another, each started as soon as its bytes are ready, all done at the end. */
export interface FileWrites {
  start(path: string, content: string | Uint8Array): Promise<void>;
  done(): Promise<void>;
}

/** Writes in flight at most: each holds its file's bytes, and each open file takes a descriptor. */
const MAX_WRITES = 32;

/** File writes that go on while the next report renders, never more than MAX_WRITES at once. */
export class BoundedWrites implements FileWrites {
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

/**
 * Each file written at once, on the calling thread: for a worker thread that does nothing but
 * render and write, cheaper than handing the writes to libuv's threads (the national school
 * reports took about a tenth less CPU, most of it system time).
 */
export const immediateWrites = (): FileWrites => ({
  start: async (path, content) => writeFileSync(path, content),
  done: async () => {},
});
