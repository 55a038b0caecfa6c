/** Accounts: users, their role, the schools and inputs they are bound to, upload tokens. */
import { SCHOOL_CODE } from '../config/schema.ts';
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type AppDb, type Role } from './app-db.ts';
import { DELIVERED_INPUTS, isDeliveredInput } from '../config/schema.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
  /** School codes a school account may see (several for a group of schools). */
  schools: string[];
  /** Input tables a provider (or school) may submit. */
  inputs: string[];
}

interface UserRow {
  id: number; username: string; display_name: string; role: Role; disabled: number; must_change_password: number;
  password_hash: string | null; failed_logins: number; locked_until: number;
}

export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

const now = () => new Date().toISOString();

export class AccountError extends Error {
  override name = 'AccountError';
}

function toUser(db: AppDb, row: UserRow): User {
  const schools = db.prepare('SELECT school_code FROM user_schools WHERE user_id = ? ORDER BY 1').pluck().all(row.id) as string[];
  const inputs = db.prepare('SELECT input FROM user_inputs WHERE user_id = ? ORDER BY 1').pluck().all(row.id) as string[];
  return {
    id: row.id, username: row.username, display_name: row.display_name, role: row.role,
    disabled: row.disabled === 1, must_change_password: row.must_change_password === 1, schools, inputs,
  };
}

export function userRow(db: AppDb, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function findUser(db: AppDb, username: string): User | undefined {
  const row = userRow(db, username);
  return row && toUser(db, row);
}

export function userById(db: AppDb, id: number): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(db, row);
}

export function listUsers(db: AppDb): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map((row) => toUser(db, row));
}

export function countUsers(db: AppDb): number {
  return db.prepare('SELECT count(*) FROM users WHERE disabled = 0').pluck().get() as number;
}

export interface NewUser {
  username: string;
  role: Role;
  password?: string;
  display_name?: string;
  schools?: string[];
  inputs?: string[];
  /** Whether the first login must set a new password (an admin-chosen one). */
  must_change_password?: boolean;
}

/** Refuses what would make an account meaningless or unsafe: a school bound to no school, a bad name. */
function checkUser(user: Pick<NewUser, 'username' | 'role' | 'schools'>): void {
  if (!USERNAME.test(user.username)) throw new AccountError(`用户名无效 invalid user name "${user.username}" (letters, digits, . _ @ -; 2–64 characters)`);
  if (!ROLES.includes(user.role)) throw new AccountError(`角色无效 invalid role "${user.role}" (${ROLES.join(', ')})`);
  if (user.role === 'school' && !user.schools?.length) throw new AccountError('学校账号必须绑定学校代码 — a school account needs --school CODE');
  for (const code of user.schools ?? []) if (!SCHOOL_CODE.test(code)) throw new AccountError(`学校代码无效 invalid school code "${code}"`);
}

/** An input a provider is bound to must be one the platform takes: a misspelt one would bind nothing. */
function checkInputs(inputs: string[]): void {
  const unknown = inputs.filter((input) => !isDeliveredInput(input));
  if (unknown.length) throw new AccountError(`数据表无效 unknown input ${unknown.map((i) => `"${i}"`).join(', ')} (${DELIVERED_INPUTS.join(', ')})`);
}

export async function addUser(db: AppDb, user: NewUser): Promise<User> {
  checkUser(user);
  checkInputs(user.inputs ?? []);
  if (findUser(db, user.username)) throw new AccountError(`用户已存在 user "${user.username}" already exists`);
  if (user.password !== undefined) {
    const problem = passwordProblem(user.password, user.username);
    if (problem) throw new AccountError(problem);
  }
  const hash = user.password === undefined ? null : await hashPassword(user.password);
  const insert = db.transaction(() => {
    const { lastInsertRowid } = db.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(user.username, user.display_name ?? '', user.role, hash, user.must_change_password ? 1 : 0, now(), now());
    const id = Number(lastInsertRowid);
    setBindings(db, id, user.schools ?? [], user.inputs ?? []);
    return id;
  });
  return userById(db, insert())!;
}

function setBindings(db: AppDb, id: number, schools: string[], inputs: string[]): void {
  db.prepare('DELETE FROM user_schools WHERE user_id = ?').run(id);
  db.prepare('DELETE FROM user_inputs WHERE user_id = ?').run(id);
  for (const code of new Set(schools)) db.prepare('INSERT INTO user_schools VALUES (?, ?)').run(id, code);
  for (const input of new Set(inputs)) db.prepare('INSERT INTO user_inputs VALUES (?, ?)').run(id, input);
}

export interface UserChange { role?: Role; display_name?: string; schools?: string[]; inputs?: string[]; disabled?: boolean }

/** Changes role, bindings or the disabled flag; disabling ends the user's sessions. */
export function updateUser(db: AppDb, username: string, change: UserChange): User {
  const current = findUser(db, username);
  if (!current) throw new AccountError(`无此用户 no user "${username}"`);
  const next = { ...current, ...change };
  checkUser(next);
  checkInputs(change.inputs ?? []);
  db.transaction(() => {
    db.prepare('UPDATE users SET role = ?, display_name = ?, disabled = ?, updated_at = ? WHERE id = ?')
      .run(next.role, next.display_name, next.disabled ? 1 : 0, now(), current.id);
    setBindings(db, current.id, next.schools, next.inputs);
    if (next.disabled || next.role !== current.role) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(current.id);
  })();
  return findUser(db, username)!;
}

/**
 * Sets a password. `byAdmin`: a reset, which the user must change at the next login. Every
 * session of the user ends and the lockout is lifted.
 */
export async function setPassword(db: AppDb, username: string, password: string, byAdmin: boolean): Promise<void> {
  const problem = passwordProblem(password, username);
  if (problem) throw new AccountError(problem);
  const user = findUser(db, username);
  if (!user) throw new AccountError(`无此用户 no user "${username}"`);
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = 0, updated_at = ? WHERE id = ?')
      .run(hash, byAdmin ? 1 : 0, now(), user.id);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
  })();
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new upload token for a provider's nightly feed; only its hash is stored, the token is shown once. */
export function createUploadToken(db: AppDb, username: string, label = ''): string {
  const user = findUser(db, username);
  if (!user) throw new AccountError(`无此用户 no user "${username}"`);
  if (user.role !== 'provider') throw new AccountError('只有数据报送账号可以有上传令牌 — upload tokens are for provider accounts');
  const token = `cjt_${randomBytes(24).toString('base64url')}`;
  db.prepare('INSERT INTO upload_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)').run(user.id, tokenHash(token), label, now());
  return token;
}

export function revokeUploadTokens(db: AppDb, username: string): number {
  const user = findUser(db, username);
  if (!user) throw new AccountError(`无此用户 no user "${username}"`);
  return db.prepare('UPDATE upload_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0').run(user.id).changes;
}

/** The enabled provider account an upload token belongs to (a token made before its account's role changed counts for nothing). */
export function userByToken(db: AppDb, token: string): User | undefined {
  const id = db.prepare(
    `SELECT u.id FROM upload_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0 AND u.role = 'provider'`,
  ).pluck().get(tokenHash(token)) as number | undefined;
  return id === undefined ? undefined : userById(db, id);
}
