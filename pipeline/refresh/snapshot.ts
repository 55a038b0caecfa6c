/**
 * Warehouse snapshots. A refresh builds a complete snapshot in a hidden directory, and only when
 * everything in it is written and checked is `current` switched to it, by renaming a new symlink
 * over the old one (atomic on POSIX): readers see the old snapshot or the new, never a mix.
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export const CURRENT = 'current';

/** The DuckDB file of a snapshot. */
export const WAREHOUSE_FILE = 'warehouse.duckdb';
export const SNAPSHOTS = 'snapshots';

/** A sortable, filesystem-safe snapshot id from the refresh start time, e.g. 20261129T021500123Z. */
export function snapshotId(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** Creates the hidden build directory for a snapshot and returns its path. */
export function beginSnapshot(warehouseDir: string, id: string): string {
  const dir = join(warehouseDir, SNAPSHOTS, `.building-${id}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Prefix of a pruned snapshot moved aside, being deleted (pruneSnapshots). */
const PRUNED = '.pruned-';

/**
 * Removes builds left by a refresh that was killed, and pruned snapshots a finished process left
 * undeleted; call only while holding the refresh lock. Returns the interrupted builds.
 */
export function clearAbandonedBuilds(warehouseDir: string): string[] {
  const dir = join(warehouseDir, SNAPSHOTS);
  if (!existsSync(dir)) return [];
  const left = readdirSync(dir).filter((d) => d.startsWith('.building-') || d.startsWith(PRUNED));
  for (const d of left) rmSync(join(dir, d), { recursive: true, force: true });
  return left.filter((d) => d.startsWith('.building-'));
}

/** Drops a snapshot that failed; `current` is untouched. */
export function abandonSnapshot(buildDir: string): void {
  rmSync(buildDir, { recursive: true, force: true });
}

/** Moves a finished build into place and points `current` at it. Returns the snapshot path. */
export function publishSnapshot(warehouseDir: string, buildDir: string, id: string): string {
  const finalDir = join(warehouseDir, SNAPSHOTS, id);
  renameSync(buildDir, finalDir);
  switchCurrent(warehouseDir, id);
  return finalDir;
}

/** Points `current` at an existing snapshot id (also the rollback command's core). */
export function switchCurrent(warehouseDir: string, id: string): void {
  if (!existsSync(join(warehouseDir, SNAPSHOTS, id))) throw new Error(`no snapshot ${id} in ${warehouseDir}/${SNAPSHOTS}`);
  const tmp = join(warehouseDir, `.${CURRENT}-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(join(SNAPSHOTS, id), tmp);
  renameSync(tmp, join(warehouseDir, CURRENT));
}

/** The snapshot id `current` points at, or null when there is none yet. */
export function currentSnapshot(warehouseDir: string): string | null {
  try {
    return readlinkSync(join(warehouseDir, CURRENT)).split('/').pop() ?? null;
  } catch {
    return null;
  }
}

/** What a snapshot's manifest says of it, for a person choosing one to serve (null fields when it has none). */
export interface SnapshotSummary { id: string; data_label: string | null; finished_at: string | null; programme_points: number | null; year: number | null }

export function describeSnapshot(warehouseDir: string, id: string): SnapshotSummary {
  const path = join(warehouseDir, SNAPSHOTS, id, 'manifest.json');
  const m = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  return { id, data_label: m.data_label ?? null, finished_at: m.finished_at ?? null, programme_points: m.summary?.programme_points ?? null, year: m.summary?.year ?? null };
}

/** Published snapshot ids, oldest first. */
export function listSnapshots(warehouseDir: string): string[] {
  const dir = join(warehouseDir, SNAPSHOTS);
  return existsSync(dir) ? readdirSync(dir).filter((d) => !d.startsWith('.')).sort() : [];
}

/**
 * Keeps the newest `keep` snapshots (and always the current one). The others are moved aside at
 * once (a rename: they are gone from the list) and deleted in the background: a snapshot holds
 * thousands of report files, whose deletion need not hold up the run that published a new one.
 */
export function pruneSnapshots(warehouseDir: string, keep: number): { removed: string[]; deleted: Promise<void> } {
  const current = currentSnapshot(warehouseDir);
  const removed = listSnapshots(warehouseDir).slice(0, -keep).filter((id) => id !== current);
  const aside = removed.map((id) => {
    const to = join(warehouseDir, SNAPSHOTS, `${PRUNED}${id}`);
    renameSync(join(warehouseDir, SNAPSHOTS, id), to);
    return to;
  });
  return { removed, deleted: Promise.all(aside.map((dir) => rm(dir, { recursive: true, force: true }))).then(() => {}) };
}
