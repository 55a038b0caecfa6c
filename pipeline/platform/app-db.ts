/**
 * The application database beside the warehouse (`<warehouse>/app.sqlite`): accounts, their school
 * and input bindings, single sign-on identities, sessions, upload tokens, upload versions and the audit log. The warehouse
 * snapshots are rebuilt every night; what people did is kept here, in one file that survives them.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type AppDb = Database.Database;

export const ROLES = ['admin', 'analyst', 'school', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export const appDbPath = (warehouseDir: string) => join(warehouseDir, 'app.sqlite');

const UPLOADS = `CREATE TABLE IF NOT EXISTS uploads (
  id INTEGER PRIMARY KEY,
  input TEXT NOT NULL,
  listing_id INTEGER REFERENCES uploads(id),
  original_name TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('checked', 'failed', 'accepted', 'superseded', 'discarded', 'withdrawn')),
  rows INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  check_report TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT
);`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'school', 'provider')),
  password_hash TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_schools (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  school_code TEXT NOT NULL,
  PRIMARY KEY (user_id, school_code)
);
CREATE TABLE IF NOT EXISTS user_inputs (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  input TEXT NOT NULL,
  PRIMARY KEY (user_id, input)
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
-- Who a single sign-on identity is here: the provider's subject is stable, its user name may change.
CREATE TABLE IF NOT EXISTS sso_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (issuer, subject)
);
CREATE TABLE IF NOT EXISTS upload_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
${UPLOADS}
CREATE TABLE IF NOT EXISTS delivery_schedule (
  input TEXT PRIMARY KEY,
  every_days INTEGER NOT NULL CHECK (every_days > 0),
  provider TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT ''
);
-- Append-only: the log is evidence, so not even the application may rewrite it.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;

/** Opens (creating when missing) the application database with its schema. */
export function openAppDb(path: string): AppDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  // Databases made before figures could be submitted with a listing lack the column.
  const columns = db.prepare('SELECT name FROM pragma_table_info(\'uploads\')').pluck().all() as string[];
  if (!columns.includes('listing_id')) db.exec('ALTER TABLE uploads ADD COLUMN listing_id INTEGER REFERENCES uploads(id)');
  // Databases made before an accepted upload could be withdrawn refuse that status.
  if (!(db.prepare('SELECT sql FROM sqlite_master WHERE name = \'uploads\'').pluck().get() as string).includes("'withdrawn'")) remakeUploads(db);
  return db;
}

/** The uploads table made again with today's definition: SQLite cannot change a CHECK in place. */
function remakeUploads(db: AppDb): void {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(\'uploads\')').pluck().all() as string[]).join(', ');
  // Off outside the transaction, as SQLite requires: the rows move as they are, references and all.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(UPLOADS.replace('IF NOT EXISTS uploads', 'uploads_remade'));
      db.exec(`INSERT INTO uploads_remade (${columns}) SELECT ${columns} FROM uploads`);
      db.exec('DROP TABLE uploads');
      db.exec('ALTER TABLE uploads_remade RENAME TO uploads');
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
