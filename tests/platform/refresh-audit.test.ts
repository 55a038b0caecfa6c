/**
 * A refresh killed mid-run (a signal, out of memory: with the server it ran in) has only its start
 * in the audit log until it is found dead: at the server's next start, at the next refresh, or when
 * the log is read. It is then audited as killed with its run id, once, however often it is found.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { appendHistory, KILLED, readHistory, type RunRecord } from '../../pipeline/refresh/history.ts';
import { acquireLock, LOCK_FILE } from '../../pipeline/refresh/lock.ts';
import { refresh as realRefresh } from '../../pipeline/refresh/refresh.ts';
import { openAppDb } from '../../pipeline/platform/app-db.ts';
import { addUser } from '../../pipeline/platform/accounts.ts';
import { createGate } from '../../pipeline/platform/gate.ts';
import { audit, listAudit } from '../../pipeline/platform/audit.ts';
import type { UploadSettings } from '../../pipeline/platform/uploads.ts';
import { Client, platformServer, type Platform } from './helpers.ts';

const servers: Platform[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

const line = (run: string, outcome: RunRecord['outcome'], started_at: string, trigger: RunRecord['trigger'] = 'schedule'): RunRecord => ({
  run, started_at, finished_at: started_at, outcome, trigger, snapshot: null, stages: {}, rows: 0, rejected: 0, drift: [], error: null,
});

/** The pid of a process that has ended: a lock naming it is held by nobody. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

const settings = (warehouseDir: string): UploadSettings => ({
  warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath, maxBytes: 1 << 20, providerMayAccept: false,
});

const refreshEntries = (db: ReturnType<typeof openAppDb>) =>
  listAudit(db, { action: 'refresh' }).reverse().map((e) => ({ actor: e.actor, target: e.target, detail: e.detail.split(':')[0] }));

describe('a refresh killed mid-run, in the audit log', () => {
  it('is audited as killed with its run id when the server starts, once across restarts; a live run is not', async () => {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'refresh-audit-'));
    const dbPath = join(warehouseDir, 'app.sqlite');
    appendHistory(warehouseDir, line('r0', 'running', '2026-12-01T02:00:00.000Z'));
    appendHistory(warehouseDir, line('r0', 'ok', '2026-12-01T02:00:00.000Z'));
    // r1 was killed and recorded so by the run after it (r2); r2 was killed too and nothing has run since.
    appendHistory(warehouseDir, line('r1', 'running', '2026-12-02T02:00:00.000Z'));
    appendHistory(warehouseDir, { ...line('r1', 'killed', '2026-12-02T02:00:00.000Z'), finished_at: '2026-12-03T02:00:00.000Z', error: KILLED });
    appendHistory(warehouseDir, line('r2', 'running', '2026-12-03T02:00:00.000Z', 'manual'));
    writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), started_at: '2026-12-03T02:00:00.000Z' }));

    let db = openAppDb(dbPath);
    await addUser(db, { username: 'admin1', role: 'admin' });
    createGate({ db, trustProxy: false, uploads: settings(warehouseDir) });
    expect(refreshEntries(db)).toEqual([
      { actor: 'system', target: 'r1', detail: 'killed' },
      { actor: 'system', target: 'r2', detail: 'killed' },
    ]);
    expect(listAudit(db, { action: 'refresh' })[0].detail).toContain('2026-12-03T02:00:00.000Z');

    // Started again (the same database reopened): nothing more.
    createGate({ db, trustProxy: false, uploads: settings(warehouseDir) });
    db.close();
    db = openAppDb(dbPath);
    createGate({ db, trustProxy: false, uploads: settings(warehouseDir) });
    expect(refreshEntries(db)).toHaveLength(2);

    // A run whose process holds the lock is running, not killed.
    appendHistory(warehouseDir, line('r3', 'running', '2026-12-04T02:00:00.000Z'));
    writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: process.pid, started_at: '2026-12-04T02:00:00.000Z' }));
    createGate({ db, trustProxy: false, uploads: settings(warehouseDir) });
    expect(refreshEntries(db).map((e) => e.target)).toEqual(['r1', 'r2']);
    db.close();
  });

  it('names the run an admin started, and audits it as killed by that admin\'s start, found at the next start, the next refresh or a reading of the log', async () => {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'refresh-audit-'));
    mkdirSync(warehouseDir, { recursive: true });
    let n = 0;
    // A refresh as the real one begins: it takes the lock and writes its start line, then runs (here: for ever).
    const refresh = () => {
      const started = `2026-12-0${++n}T10:00:00.000Z`;
      writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: process.pid, started_at: started }));
      appendHistory(warehouseDir, line(`run-${n}`, 'running', started, 'manual'));
      return new Promise<string>(() => {});
    };
    const users = [{ username: 'admin1', role: 'admin' as const }];
    const first = await platformServer(warehouseDir, users, { refresh, uploads: settings(warehouseDir) });
    servers.push(first);
    const admin = new Client(first.url);
    expect((await admin.login('admin1')).status).toBe(200);
    expect((await admin.send('POST', '/api/refresh')).status).toBe(202);
    expect(refreshEntries(first.db)).toEqual([{ actor: 'admin1', target: 'run-1', detail: 'started' }]);
    // Read while it runs: not killed.
    expect((await admin.get('/api/audit')).json().filter((e: { action: string }) => e.action === 'refresh')).toHaveLength(1);

    // The process is killed (its lock stays behind, naming it); the server starts again on the same database.
    await first.close();
    writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), started_at: '2026-12-01T10:00:00.000Z' }));
    const gate = () => createGate({ db: first.db, trustProxy: false, uploads: settings(warehouseDir), refresh });
    gate();
    expect(refreshEntries(first.db)).toEqual([
      { actor: 'admin1', target: 'run-1', detail: 'started' },
      { actor: 'admin1', target: 'run-1', detail: 'killed' },
    ]);
    gate();
    expect(refreshEntries(first.db)).toHaveLength(2);

    // The next refresh is killed too, with no restart between: the refresh after it finds it, before its own start.
    const second = await platformServer(warehouseDir, [], { db: first.db, refresh, uploads: settings(warehouseDir) });
    servers.push(second);
    const again = new Client(second.url);
    expect((await again.login('admin1')).status).toBe(200);
    expect((await again.send('POST', '/api/refresh')).status).toBe(202);
    writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), started_at: '2026-12-02T10:00:00.000Z' }));
    expect((await again.send('POST', '/api/refresh')).status).toBe(202);
    expect(refreshEntries(first.db).slice(2)).toEqual([
      { actor: 'admin1', target: 'run-2', detail: 'started' },
      { actor: 'admin1', target: 'run-2', detail: 'killed' },
      { actor: 'admin1', target: 'run-3', detail: 'started' },
    ]);

    // Killed while the server runs on (a run from the command line, say): reading the log finds it, once.
    writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), started_at: '2026-12-03T10:00:00.000Z' }));
    for (let i = 0; i < 2; i++) {
      const read = (await again.get('/api/audit')).json().filter((e: { action: string }) => e.action === 'refresh');
      expect(read.map((e: { target: string; detail: string }) => `${e.target} ${e.detail.split(':')[0]}`).slice(0, 2)).toEqual(['run-3 killed', 'run-3 started']);
    }
    expect((await again.get('/api/audit.csv')).text().split('\r\n').filter((row) => row.includes('run-3') && row.includes('killed'))).toHaveLength(1);
  });

  it('names the run of the real refresh, refused here by a run holding the lock, in its start and its outcome', async () => {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'refresh-audit-'));
    const release = acquireLock(warehouseDir, () => {});
    try {
      const refresh = () => realRefresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir, policyPath: DEFAULTS.policyPath })
        .then((r) => r.manifest.snapshot);
      const platform = await platformServer(warehouseDir, [{ username: 'admin1', role: 'admin' }], { refresh, uploads: settings(warehouseDir) });
      servers.push(platform);
      const admin = new Client(platform.url);
      expect((await admin.login('admin1')).status).toBe(200);
      expect((await admin.send('POST', '/api/refresh')).status).toBe(202);
      await expect.poll(() => refreshEntries(platform.db).length).toBe(2);
      const [refused] = readHistory(warehouseDir);
      expect(refused).toMatchObject({ outcome: 'failed', run: expect.stringMatching(/\S/) });
      expect(refreshEntries(platform.db)).toEqual([
        { actor: 'admin1', target: refused.run, detail: 'started' },
        { actor: 'admin1', target: refused.run, detail: 'failed' },
      ]);
    } finally {
      release();
    }
  });
});

describe('a refresh no admin started, in the audit log', () => {
  it('is audited as system once it has ended (the schedule, the command line), once; an admin\'s run, a live one and one from before the audit are not', async () => {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'refresh-audit-'));
    const db = openAppDb(join(warehouseDir, 'app.sqlite'));
    appendHistory(warehouseDir, line('before', 'ok', '2020-01-01T02:00:00.000Z')); // older than the audit itself
    await addUser(db, { username: 'admin1', role: 'admin' });
    const after = (s: number) => new Date(Date.now() + s * 1000).toISOString();
    appendHistory(warehouseDir, line('nightly', 'running', after(1)));
    appendHistory(warehouseDir, { ...line('nightly', 'ok', after(1)), finished_at: after(2), snapshot: '20261207T020000000Z' });
    appendHistory(warehouseDir, { ...line('terminal', 'failed', after(3), 'manual'), error: '数据漂移检查未通过 drift check failed\n  programmes shrank' });
    audit(db, { actor: 'admin1', action: 'refresh', target: 'by-admin', detail: 'started' });
    appendHistory(warehouseDir, line('by-admin', 'ok', after(4), 'manual'));
    appendHistory(warehouseDir, line('live', 'running', after(5)));
    writeFileSync(join(warehouseDir, LOCK_FILE), JSON.stringify({ pid: process.pid, started_at: after(5) }));

    for (let i = 0; i < 2; i++) createGate({ db, trustProxy: false, uploads: settings(warehouseDir) });
    const entries = listAudit(db, { action: 'refresh' }).reverse();
    expect(entries.map((e) => [e.actor, e.target])).toEqual([['admin1', 'by-admin'], ['system', 'nightly'], ['system', 'terminal']]);
    expect(entries[1].detail).toMatch(/^published 20261207T020000000Z \(schedule, started \S+, ended \S+\)$/);
    expect(entries[2].detail).toMatch(/^failed \(manual, started \S+, ended \S+\): 数据漂移检查未通过 drift check failed$/);
    db.close();
  });
});
