import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  abandonSnapshot, beginSnapshot, clearAbandonedBuilds, currentSnapshot, listSnapshots, publishSnapshot, pruneSnapshots, snapshotId, switchCurrent,
} from '../../pipeline/refresh/snapshot.ts';

function publish(dir: string, id: string, body: string) {
  const build = beginSnapshot(dir, id);
  writeFileSync(join(build, 'manifest.json'), body);
  publishSnapshot(dir, build, id);
}

describe('snapshots', () => {
  it('ids sort in time order', () => {
    const a = snapshotId(new Date('2026-01-02T03:04:05.006Z'));
    const b = snapshotId(new Date('2026-01-02T03:04:05.007Z'));
    expect(a).toBe('20260102T030405006Z');
    expect([b, a].sort()).toEqual([a, b]);
  });

  it('current switches only on publish, and an abandoned build leaves it as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snap-'));
    expect(currentSnapshot(dir)).toBeNull();
    publish(dir, 'a', 'first');
    const build = beginSnapshot(dir, 'b');
    writeFileSync(join(build, 'manifest.json'), 'half-built');
    expect(readFileSync(join(dir, 'current/manifest.json'), 'utf8')).toBe('first');
    abandonSnapshot(build);
    expect(existsSync(build)).toBe(false);
    expect(currentSnapshot(dir)).toBe('a');
    publish(dir, 'c', 'second');
    expect(readFileSync(join(dir, 'current/manifest.json'), 'utf8')).toBe('second');
  });

  it('rolls back to an earlier snapshot and refuses an unknown one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snap-'));
    publish(dir, 'a', 'first');
    publish(dir, 'b', 'second');
    switchCurrent(dir, 'a');
    expect(readFileSync(join(dir, 'current/manifest.json'), 'utf8')).toBe('first');
    expect(() => switchCurrent(dir, 'zzz')).toThrow(/no snapshot zzz/);
  });

  it('prunes all but the newest N, never the current one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snap-'));
    for (const id of ['a', 'b', 'c', 'd']) publish(dir, id, id);
    switchCurrent(dir, 'a');
    const { removed, deleted } = pruneSnapshots(dir, 2);
    expect(removed).toEqual(['b']);
    expect(listSnapshots(dir)).toEqual(['a', 'c', 'd']);
    await deleted;
    expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual(['a', 'c', 'd']);
  });

  it('deletes at the next start a pruned snapshot a process ended before deleting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snap-'));
    for (const id of ['a', 'b']) publish(dir, id, id);
    renameSync(join(dir, 'snapshots', 'a'), join(dir, 'snapshots', '.pruned-a'));
    expect(clearAbandonedBuilds(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'snapshots'))).toEqual(['b']);
  });
});
