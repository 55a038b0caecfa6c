/**
 * The application database outlives the code that made it: one made before figures could be
 * submitted with a 备案 listing gains the uploads' listing column when opened, keeping its rows.
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
});
