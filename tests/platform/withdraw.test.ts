/**
 * Withdrawing an accepted upload takes back what it stood for and nothing more: a listing goes with
 * the figures accepted with it, not with figures accepted on their own; once the programmes come
 * from a programmes file again, a school's own listing or figures, which could not be read into
 * it, go too, rather than stopping every refresh and every later check.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDb, type AppDb } from '../../pipeline/platform/app-db.ts';
import { addUser } from '../../pipeline/platform/accounts.ts';
import { readAccepted, uploadsDir, writeAccepted, type AcceptedRecord } from '../../pipeline/config/accepted-inputs.ts';
import { withdrawUpload } from '../../pipeline/platform/uploads.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';

/** An application database with accepted uploads as given (input, stored name, the listing it was checked with), and the record naming them. */
async function accepted(uploads: { input: string; stored: string; listing?: number; school?: boolean }[], record: AcceptedRecord) {
  const warehouseDir = mkdtempSync(join(tmpdir(), 'withdraw-'));
  const db = openAppDb(':memory:');
  const admin = await addUser(db, { username: 'admin1', role: 'admin' });
  uploads.forEach((u, i) => db.prepare(`INSERT INTO uploads (id, input, listing_id, original_name, stored_name, sha256, bytes, uploaded_by, uploaded_at, status, check_report)
    VALUES (?, ?, ?, ?, ?, 'x', 1, ?, '2026-12-01T00:00:00Z', 'accepted', ?)`)
    .run(i + 1, u.input, u.listing ?? null, `${u.input}.csv`, u.stored, admin.id,
      JSON.stringify({ rows: 1, rejected: 0, rejects: [], error: null, ...(u.school ? { replaces: { schools: ['9500036142'], years: [2025], covers: ['9500036142 2025'], rows: 1 } } : {}) })));
  mkdirSync(uploadsDir(warehouseDir));
  writeAccepted(warehouseDir, record);
  const settings = { warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath, maxBytes: 1e6, providerMayAccept: false };
  return { db, admin, settings, warehouseDir };
}

const statuses = (db: AppDb) => db.prepare('SELECT id, status FROM uploads ORDER BY id').all();

describe('withdrawing an accepted upload', () => {
  it('takes a listing with the figures accepted with it, and a school\'s own figures the folder\'s programmes file cannot take', async () => {
    const { db, admin, settings, warehouseDir } = await accepted(
      [{ input: 'programme_listing', stored: '1-a.csv' }, { input: 'programme_figures', stored: '2-b.csv', listing: 1 }, { input: 'programme_figures', stored: '3-c.csv', school: true }],
      { files: { programme_listing: '1-a.csv', programme_figures: '2-b.csv' }, school_parts: { programme_figures: [{ file: '3-c.csv', schools: ['9500036142'], covers: ['9500036142 2025'] }] } },
    );
    withdrawUpload(db, settings, admin, 1, '127.0.0.1');
    expect(readAccepted(warehouseDir)).toEqual({ files: {}, school_parts: {} });
    expect(statuses(db)).toEqual([{ id: 1, status: 'withdrawn' }, { id: 2, status: 'withdrawn' }, { id: 3, status: 'withdrawn' }]);
    expect(db.prepare(`SELECT target, detail FROM audit WHERE action = 'upload_withdrawn' ORDER BY target`).all()).toEqual([
      { target: 'programme_figures#2', detail: 'programme_figures.csv, with programme_listing#1' },
      { target: 'programme_figures#3', detail: 'programme_figures.csv, with programme_listing#1' },
      { target: 'programme_listing#1', detail: 'programme_listing.csv' },
    ]);
  });

  it('leaves a listing accepted on its own when figures accepted later are withdrawn', async () => {
    const { db, admin, settings, warehouseDir } = await accepted(
      [{ input: 'programme_listing', stored: '1-a.csv' }, { input: 'programme_figures', stored: '2-b.csv' }],
      { files: { programme_listing: '1-a.csv', programme_figures: '2-b.csv' }, school_parts: {} },
    );
    withdrawUpload(db, settings, admin, 2, '127.0.0.1');
    expect(readAccepted(warehouseDir).files).toEqual({ programme_listing: '1-a.csv' });
    expect(statuses(db)).toEqual([{ id: 1, status: 'accepted' }, { id: 2, status: 'withdrawn' }]);
  });
});
