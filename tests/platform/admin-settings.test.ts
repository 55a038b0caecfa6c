/**
 * What an admin manages from the platform page besides users and uploads: the expected delivery
 * schedule of each input, and which snapshot is served (rollback, as `npm run rollback` does, under
 * the refresh lock). Every change is audited, from the page and from the command line alike.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSnapshot, currentSnapshot, publishSnapshot } from '../../pipeline/refresh/snapshot.ts';
import { acquireLock } from '../../pipeline/refresh/lock.ts';
import { listAudit } from '../../pipeline/platform/audit.ts';
import { appDbPath, openAppDb } from '../../pipeline/platform/app-db.ts';
import { run as rollbackCommand } from '../../pipeline/commands/rollback.ts';
import { Client, platformServer, type Platform } from './helpers.ts';

let warehouse: string;
let platform: Platform;
let admin: Client;

/** A snapshot with the manifest fields the list shows. */
function publish(id: string, label: string) {
  const build = beginSnapshot(warehouse, id);
  writeFileSync(join(build, 'manifest.json'), JSON.stringify({ data_label: label, finished_at: `${id}-finished`, summary: { programme_points: 3, year: 2025 } }));
  publishSnapshot(warehouse, build, id);
}

beforeAll(async () => {
  warehouse = mkdtempSync(join(tmpdir(), 'admin-settings-'));
  publish('20250101T000000000Z', '一月数据');
  publish('20250201T000000000Z', '二月数据');
  platform = await platformServer(warehouse, [{ username: 'admin1', role: 'admin' }]);
  admin = new Client(platform.url);
  expect((await admin.login('admin1')).status).toBe(200);
});
afterAll(() => platform?.close());

const lastAudit = () => listAudit(platform.db, { limit: 1 })[0];

describe('the delivery schedule', () => {
  it('is set and cleared per input, audited, and shown in 数据状态', async () => {
    const set = await admin.send('PUT', '/api/deliveries/demand', { every_days: 7 });
    expect(set.status).toBe(200);
    expect(set.json().find((d: { input: string }) => d.input === 'demand').every_days).toBe(7);
    expect(lastAudit()).toMatchObject({ actor: 'admin1', action: 'schedule_set', target: 'demand', detail: 'every 7 days' });
    const cleared = await admin.send('PUT', '/api/deliveries/demand', { every_days: null });
    expect(cleared.json().find((d: { input: string }) => d.input === 'demand').every_days).toBeNull();
  });

  it('refuses an interval that is not a whole number of days, and an unknown input', async () => {
    for (const every_days of [0, -3, 1.5, 'x']) {
      const reply = await admin.send('PUT', '/api/deliveries/demand', { every_days });
      expect(reply.status, String(every_days)).toBe(400);
      expect(reply.json().error).toMatch(/天数无效/);
    }
    expect((await admin.send('PUT', '/api/deliveries/nothing', { every_days: 7 })).json().error).toMatch(/未知的数据表/);
  });
});

describe('rollback from the platform', () => {
  it('lists the snapshots kept, the served one marked, with what their manifests say', async () => {
    const list = (await admin.get('/api/snapshots')).json();
    expect(list.map((s: { id: string; current: boolean; data_label: string }) => [s.id, s.current, s.data_label])).toEqual([
      ['20250101T000000000Z', false, '一月数据'], ['20250201T000000000Z', true, '二月数据'],
    ]);
  });

  it('serves an earlier snapshot, audited with the one it replaced', async () => {
    const reply = await admin.send('POST', '/api/rollback', { to: '20250101T000000000Z' });
    expect(reply.status).toBe(200);
    expect(currentSnapshot(warehouse)).toBe('20250101T000000000Z');
    expect(lastAudit()).toMatchObject({ actor: 'admin1', action: 'rollback', target: '20250101T000000000Z', detail: 'was 20250201T000000000Z' });
  });

  it('refuses a snapshot that is not kept, and waits while a refresh holds the lock', async () => {
    const unknown = await admin.send('POST', '/api/rollback', { to: '../20250201T000000000Z' });
    expect(unknown.status).toBe(400);
    expect(unknown.json().error).toMatch(/无此快照/);
    const release = acquireLock(warehouse, () => {});
    try {
      const locked = await admin.send('POST', '/api/rollback', { to: '20250201T000000000Z' });
      expect(locked.status).toBe(409);
      expect(locked.json().error).toMatch(/正在刷新/);
    } finally {
      release();
    }
    expect(currentSnapshot(warehouse)).toBe('20250101T000000000Z');
  });

  it('npm run rollback is audited in the platform database of the warehouse', async () => {
    const db = openAppDb(appDbPath(warehouse));
    try {
      expect(await rollbackCommand(['--to', '20250201T000000000Z', '--warehouse', warehouse])).toBe(0);
      expect(currentSnapshot(warehouse)).toBe('20250201T000000000Z');
      expect(listAudit(db, { limit: 1 })[0]).toMatchObject({ action: 'rollback', target: '20250201T000000000Z', detail: 'was 20250101T000000000Z' });
      expect(listAudit(db, { limit: 1 })[0].actor).toMatch(/^cli:/);
    } finally {
      db.close();
    }
  });
});
