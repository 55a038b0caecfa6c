/**
 * The application database outlives the code that made it: one made before figures could be
 * submitted with a 备案 listing gains the uploads' listing column when opened, keeping its rows, and
 * one made before an accepted upload could be withdrawn takes that status.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openAppDb } from '../../pipeline/platform/app-db.ts';

describe('the application database', () => {
  it('adds the listing column to the uploads of an older database, once, keeping its rows', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'app-db-')), 'app.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE uploads (
      id INTEGER PRIMARY KEY, input TEXT NOT NULL, original_name TEXT NOT NULL, stored_name TEXT NOT NULL UNIQUE,
      sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, uploaded_by INTEGER NOT NULL, uploaded_at TEXT NOT NULL,
      status TEXT NOT NULL, rows INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0,
      check_report TEXT NOT NULL, decided_by INTEGER, decided_at TEXT)`);
    old.prepare(`INSERT INTO uploads (input, original_name, stored_name, sha256, bytes, uploaded_by, uploaded_at, status, check_report)
      VALUES ('demand', 'demand.csv', '1-abc.csv', 'abc', 10, 1, '2026-01-01T00:00:00Z', 'accepted', '{}')`).run();
    old.close();
    for (let open = 0; open < 2; open++) {
      const db = openAppDb(path);
      expect(db.prepare('SELECT input, listing_id FROM uploads').all()).toEqual([{ input: 'demand', listing_id: null }]);
      db.close();
    }
  });

  it('lets the uploads of an older database, whose statuses knew no withdrawal, be withdrawn, keeping its rows', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'app-db-')), 'app.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE uploads (
      id INTEGER PRIMARY KEY, input TEXT NOT NULL, listing_id INTEGER REFERENCES uploads(id), original_name TEXT NOT NULL, stored_name TEXT NOT NULL UNIQUE,
      sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, uploaded_by INTEGER NOT NULL, uploaded_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('checked', 'failed', 'accepted', 'superseded', 'discarded')), rows INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0, check_report TEXT NOT NULL, decided_by INTEGER, decided_at TEXT)`);
    const add = old.prepare(`INSERT INTO uploads (id, input, listing_id, original_name, stored_name, sha256, bytes, uploaded_by, uploaded_at, status, check_report)
      VALUES (?, ?, ?, 'f.csv', ?, 'abc', 10, 1, '2026-01-01T00:00:00Z', 'accepted', '{}')`);
    add.run(1, 'programme_listing', null, '1-a.csv');
    add.run(2, 'programme_figures', 1, '2-b.csv');
    expect(() => old.prepare(`UPDATE uploads SET status = 'withdrawn' WHERE id = 2`).run()).toThrow(/CHECK/);
    old.close();
    for (let open = 0; open < 2; open++) {
      const db = openAppDb(path);
      expect(db.prepare('SELECT id, input, listing_id, stored_name, status FROM uploads ORDER BY id').all()).toEqual([
        { id: 1, input: 'programme_listing', listing_id: null, stored_name: '1-a.csv', status: open ? 'withdrawn' : 'accepted' },
        { id: 2, input: 'programme_figures', listing_id: 1, stored_name: '2-b.csv', status: open ? 'withdrawn' : 'accepted' },
      ]);
      db.prepare(`UPDATE uploads SET status = 'withdrawn'`).run();
      db.close();
    }
  });
});
