/**
 * Content fingerprints of files and source trees, for deciding what a run may reuse from the
 * previous snapshot: equal fingerprints mean equal inputs, so equal outputs.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config/paths.ts';

/** Adds every file below `dir` (names and bytes, in name order) to the hash. */
function hashTree(hash: Hash, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path);
    else hash.update(entry.name).update(readFileSync(path));
  }
}

/** Adds the source folders and files (relative to the project root) to the hash. */
function hashSources(hash: Hash, sources: readonly string[]): void {
  for (const source of sources) {
    const path = join(ROOT, source);
    if (statSync(path).isDirectory()) hashTree(hash, path);
    else hash.update(source).update(readFileSync(path));
  }
}

/**
 * Fingerprint of input files (table and sha256, in any order), settings (as JSON) and source code:
 * equal keys mean equal outputs of whatever is made from them.
 */
export function contentKey(inputs: readonly { table: string; sha256: string }[], settings: readonly unknown[],
  sources: readonly string[]): string {
  const hash = createHash('sha256');
  for (const line of inputs.map((i) => `${i.table} ${i.sha256}\n`).sort()) hash.update(line);
  for (const value of settings) hash.update(JSON.stringify(value));
  hashSources(hash, sources);
  return hash.digest('hex');
}

/** sha256 of a file's bytes, streamed (input tables run to hundreds of megabytes). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
