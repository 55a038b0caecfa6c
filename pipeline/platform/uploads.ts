/**
 * 数据报送: a provider (or school, or admin) submits an input file; it is stored as a new version
 * under a name the server makes (never the sender's), checked by the loader in a dry run against
 * the current inputs, and waits for acceptance. Accepting makes it the file the next refresh loads
 * for its table (accepted-inputs.ts); the version it replaces stays, marked superseded.
 * A 备案 listing and its figures are checked against each other, so figures may be submitted with a
 * pending listing (`listing`): the pair is checked together and accepted together. A day of the
 * postings feed (`YYYY-MM-DD.csv`) is checked as the refresh converts a day, and once accepted
 * stands in for the data folder's file of that day (postings/daily-files.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { acceptedInputs, acceptedParts, acceptedPostingsDir, deliveredName, filesLeft, storedFiles, without, removeDaySource, writeDaySource, partsAfterWhole, readAccepted, uploadFilesDir, uploadsDir, withAccepted, withPart, writeAccepted, writeUploadSource,
  type AcceptedRecord, type SchoolPart } from '../config/accepted-inputs.ts';
import { loadInputs, LoadError, type InputReport, type Reject } from '../load/index.ts';
import { readPolicy } from '../config/policy.ts';
import { DELIVERED_INPUTS, isDeliveredInput, isInputName, LISTING_TABLES, readSchema, type DeliveredInput, type InputName } from '../config/schema.ts';
import { DAILY, dayProblem } from '../postings/daily-files.ts';
import { locateProgrammes } from '../load/locate-input.ts';
import { readMapping } from '../load/mapping.ts';
import { publicPath, publicText } from '../refresh/public-paths.ts';
import { servedManifest } from '../refresh/manifest.ts';
import { checkDrift, type DriftLimits } from '../refresh/drift.ts';
import { syncStore } from '../postings/sync-store.ts';
import type { AppDb } from './app-db.ts';
import type { User } from './accounts.ts';
import { audit } from './audit.ts';
import { HttpError } from './http.ts';
import { isZip, zipProblem } from '../load/zip-check.ts';
import { reasonZh } from '../shared/reason-zh.ts';
import { refusalZh } from './reject-zh.ts';

export interface UploadSettings {
  warehouseDir: string;
  dataDir: string;
  referenceDir: string;
  policyPath: string;
  maxBytes: number;
  /** Whether a provider may accept its own checked upload (otherwise only an admin). */
  providerMayAccept: boolean;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type UploadStatus = 'checked' | 'failed' | 'accepted' | 'superseded' | 'discarded' | 'withdrawn';

/** What the dry run found: rows that would load, and every reject with where and why. */
export interface CheckReport {
  rows: number;
  rejected: number;
  rejects: Reject[];
  /** A problem that stops the whole file (missing column, too many rejects…); the upload cannot be accepted. */
  error: string | null;
  /**
   * A school's own file: the schools (and years) it holds rows of, whose rows it replaces, and how
   * many rows they have now; `covers` as the accepted record keeps them (config/accepted-inputs.ts).
   */
  replaces?: { schools: string[]; years: number[]; covers: string[]; rows: number };
  /**
   * What the loader changed or skipped in the submitted files, as the refresh will (a title row, a
   * 合计 row, values normalised, an empty formula…), each file named as its sender named it.
   */
  warnings?: string[];
  /**
   * What the drift checks of the next refresh would find against the snapshot being served, were
   * the file accepted (an input shrinking sharply: a whole table replaced by a year's part of it);
   * the refresh would stop on it unless run with --accept-drift.
   */
  drift?: string[];
  /**
   * Rows rejected in the other files of the check, and in the same files as the snapshot being
   * served loaded them: more now may be this file's doing (a school's level changed rejects its
   * programmes), whose rejects a school's or a department's account is not shown one by one.
   */
  others?: { rejected: number; served: number };
}

export interface Upload {
  id: number;
  input: DeliveredInput;
  /** Figures submitted with a pending 备案 listing: that listing's upload, checked and accepted with them. */
  listing_id: number | null;
  original_name: string;
  sha256: string;
  bytes: number;
  uploaded_by: string;
  uploaded_at: string;
  status: UploadStatus;
  rows: number;
  rejected: number;
  decided_by: string | null;
  decided_at: string | null;
  check: CheckReport;
}

/** The longest name shown; a longer one is cut before its extension, which says what the file is. */
const NAME_MAX = 120;

/** A name fit to show: no control or bidi characters, at most NAME_MAX characters. Never used as a path. */
export function displayName(name: string): string {
  const clean = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (clean.length <= NAME_MAX) return clean || 'upload';
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? '';
  return clean.slice(0, NAME_MAX - ext.length) + ext;
}

export function mayUpload(user: User, input: string): boolean {
  return user.role === 'admin' || ((user.role === 'provider' || user.role === 'school') && user.inputs.includes(input));
}

interface UploadRow extends Omit<Upload, 'check'> { check_report: string; stored_name: string }

const SELECT = `SELECT up.*, u.username AS uploaded_by, d.username AS decided_by
  FROM uploads up JOIN users u ON u.id = up.uploaded_by LEFT JOIN users d ON d.id = up.decided_by`;

function toUpload(row: UploadRow): Upload {
  const { check_report, stored_name: _, ...rest } = row;
  return { ...rest, check: JSON.parse(check_report) as CheckReport };
}

export function getUpload(db: AppDb, id: number): (Upload & { stored_name: string; uploader_id: number }) | undefined {
  const row = db.prepare(`${SELECT.replace('SELECT up.*', 'SELECT up.*, up.uploaded_by AS uploader_id')} WHERE up.id = ?`).get(id) as
    (UploadRow & { uploader_id: number }) | undefined;
  return row && { ...toUpload(row), stored_name: row.stored_name, uploader_id: row.uploader_id };
}

/** An upload as the API answers it: without the server's file name and the sender's account id. */
export function shownUpload(upload: Upload & { stored_name?: string; uploader_id?: number }): Upload {
  const { stored_name: _, uploader_id: __, ...shown } = upload;
  return shown;
}

/** Admins see every upload; anyone else their own. Newest first. */
export function listUploads(db: AppDb, user: User, limit = 200): Upload[] {
  const rows = user.role === 'admin'
    ? db.prepare(`${SELECT} ORDER BY up.id DESC LIMIT ?`).all(limit)
    : db.prepare(`${SELECT} WHERE up.uploaded_by = ? ORDER BY up.id DESC LIMIT ?`).all(user.id, limit);
  return (rows as UploadRow[]).map(toUpload);
}

/** A submitted file in a dry run: the input it stands in for, where it is stored, the name its sender gave. */
interface Submitted { input: DeliveredInput; file: string; shownAs: string }

/** What a school's or a department's account is told of a failure in a file it did not send: it may quote other schools' rows. */
export const OTHER_INPUT_FAILED = '数据目录中另一项数据未能载入（并非本次上传的文件），请联系数据管理员 — another input of the data folder does not load '
  + '(not a file of this upload); the bureau\'s data administrators have the details';

/**
 * A school account's file of an input holding school rows is its own schools' rows: it replaces
 * those rows of the input, whoever delivered the rest (load/school-parts.ts). Any other file of an
 * input stands in for the whole table.
 */
const schoolPart = (user: User | undefined, input: DeliveredInput): input is InputName =>
  user?.role === 'school' && isInputName(input) && readSchema(input).fields.some((f) => f.name === 'school_code');

/** The stored name of an upload whose check has not finished, and the prefix of a check's scratch folder. */
const CHECKING = 'pending-';
const CHECK_DIR = 'check-';

/**
 * Loads every input as the next refresh would, with the submitted files in place of their inputs'
 * (accepted as acceptUpload would), into a throwaway in-memory database. Rejects in other tables
 * caused by these files (a school removed that programmes still name) are reported too; the rows
 * and rejects counted are the first file's. A school's or a department's account (`sender`) reads
 * only the rejects and failures of its own files (those it sends, and its `accepted` before), and of
 * other files only that one failed; a school's file replaces its schools' rows only, and is refused
 * if it holds rows of schools not its own.
 */
export async function dryRun(settings: UploadSettings, submitted: Submitted[], sender?: User, accepted: readonly string[] = []): Promise<CheckReport> {
  const policy = readPolicy(settings.policyPath);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const tmpDir = mkdtempSync(join(uploadsDir(settings.warehouseDir), CHECK_DIR));
  const shown = new Map(submitted.map((f) => [f.file, f.shownAs]));
  // The sender's own files, whose rejects and failures it is told: those it sends, and those of its accepted before.
  const mine = new Set([...shown.keys(), ...accepted.map((name) => join(uploadFilesDir(settings.warehouseDir), name))]);
  const record = readAccepted(settings.warehouseDir);
  // Files named as their senders named them (an accepted one with its number), any other path without the server's folders.
  const named = [...shown, ...storedFiles(record).map((name) => {
    const path = join(uploadFilesDir(settings.warehouseDir), name);
    return [path, deliveredName(settings.warehouseDir, path) ?? name] as const;
  })];
  const show = (text: string) => publicText(named.reduce((t, [path, name]) => t.split(path).join(name), text), settings);
  const scoped = sender !== undefined && (sender.role === 'school' || sender.role === 'provider');
  const [first] = submitted;
  const part = schoolPart(sender, first.input) ? { input: first.input, schools: sender!.schools } : undefined;
  const whole = submitted.filter((f) => f.input !== 'postings' && f !== (part && first));
  try {
    const report = await loadInputs(conn, {
      dataDir: settings.dataDir, referenceDir: settings.referenceDir, tmpDir,
      policy: { reject_share_max: policy.load.reject_share_max },
      overrides: withAccepted(acceptedInputs(settings.warehouseDir, record), Object.fromEntries(whole.map((f) => [f.input, f.file]))),
      parts: part ? withPart(acceptedParts(settings.warehouseDir, record), part.input, { file: first.file, schools: part.schools, covers: [] })
        : partsAfterWhole(acceptedParts(settings.warehouseDir, record), whole.map((f) => f.input as InputName)),
    });
    if (first.input === 'postings') return await checkDay(conn, first, tmpDir, policy.load.reject_share_max, show);
    const own = report.inputs.find((i) => i.file === first.file)!;
    const names = new Map(named);
    const rejects = report.rejects.filter((r) => !scoped || mine.has(r.file))
      .map((r) => ({ ...r, file: names.get(r.file) ?? basename(r.file), reason: show(reasonZh(r.reason)) }));
    const merged = part && report.parts?.find((m) => m.file === first.file);
    const replaces = merged && { schools: merged.schools, years: merged.years, covers: merged.covers, rows: merged.replaced };
    const warnings = report.warnings.filter((w) => [...shown.keys()].some((file) => w.includes(file))).map(show);
    const served = servedManifest(settings.warehouseDir);
    // The drift checks of the submitted files' inputs only: the others are the served snapshot's.
    const drift = served ? checkDrift({ inputs: served.inputs, summary: null },
      { inputs: report.inputs.filter((i) => shown.has(i.file)), summary: null }, policy.refresh as unknown as DriftLimits) : [];
    return {
      rows: own.rows, rejected: own.rejected, rejects, error: null, ...(replaces ? { replaces } : {}), ...(warnings.length ? { warnings } : {}),
      ...(drift.length ? { drift } : {}),
      others: otherRejects(settings, report.inputs, shown),
    };
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    const ours = [...mine].some((file) => error.message.includes(file));
    return { rows: 0, rejected: 0, rejects: [], error: scoped && !ours ? OTHER_INPUT_FAILED : show(refusalZh(error.message)) };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Rows rejected in the files of a check other than the submitted ones, now and as the served snapshot loaded the same files. */
function otherRejects(settings: UploadSettings, inputs: readonly InputReport[], submitted: ReadonlyMap<string, string>): { rejected: number; served: number } {
  const others = inputs.filter((i) => !submitted.has(i.file));
  const served = new Map((servedManifest(settings.warehouseDir)?.inputs ?? []).map((i) => [i.file, i.rejected]));
  return {
    rejected: others.reduce((n, i) => n + i.rejected, 0),
    served: others.reduce((n, i) => n + (served.get(publicPath(i.file, settings)) ?? 0), 0),
  };
}

/** A day of postings converted as the refresh would, into a scratch store, against the loaded districts. */
async function checkDay(conn: DuckDBConnection, day: Submitted, tmpDir: string, rejectShareMax: number, show: (text: string) => string): Promise<CheckReport> {
  const said: string[] = [];
  const { ledger } = await syncStore(conn, [{ name: day.shownAs, path: day.file }], join(tmpDir, 'store'), {
    checks: 'check', tmpDir, rejectShareMax, warn: (message) => said.push(message), now: () => new Date(),
  });
  const entry = ledger.files[day.shownAs];
  const rejects = entry.rejects.map((r) => ({ ...r, table: 'postings', file: day.shownAs, reason: reasonZh(r.reason) }));
  const warnings = said.map(show);
  return { rows: entry.rows, rejected: entry.rejected, rejects, error: null, ...(warnings.length ? { warnings } : {}) };
}

/** A daily postings file is named for its day, a calendar date no later than tomorrow (as the refresh requires). */
function checkDayName(name: string): void {
  if (!DAILY.test(name)) throw new HttpError(400, `每日招聘岗位文件须以日期命名 — a day of postings is named YYYY-MM-DD.csv or .xlsx, not "${name}"`, 'bad_name');
  const problem = dayProblem(name.slice(0, 10), new Date());
  if (problem) throw new HttpError(400, `${name}: ${problem}`, 'bad_name');
}

/** The pending listing figures are submitted with: one the sender may see, not yet decided. */
function pendingListing(db: AppDb, user: User, input: string, id: number | undefined) {
  if (id === undefined) return undefined;
  if (input !== 'programme_figures') throw new HttpError(400, `只有招生数据（programme_figures）可以随备案名单报送 — only figures are submitted with a listing, not ${input}`, 'bad_listing');
  // A school's listing and figures are each its own rows, checked with the city's other file as it stands.
  if (schoolPart(user, input)) throw new HttpError(400, '学校账号的备案名单与招生数据各自报送 — a school account submits its listing and its figures each on its own', 'bad_listing');
  const listing = getUpload(db, id);
  if (!listing || listing.input !== 'programme_listing' || (user.role !== 'admin' && listing.uploader_id !== user.id)) {
    throw new HttpError(404, `无此备案名单报送 #${id} — no such listing upload`, 'not_found');
  }
  if (listing.status !== 'checked' && listing.status !== 'failed') {
    throw new HttpError(409, `备案名单 #${id} 状态为 ${listing.status}，不能再配招生数据 — only a pending listing takes figures`, 'bad_status');
  }
  return listing;
}

/** Stores and checks a submitted file; refuses (HttpError) what must not even be stored. */
export async function receiveUpload(db: AppDb, settings: UploadSettings, user: User,
  submission: { input: string; name: string; bytes: Buffer; ip: string; listing?: number }): Promise<Upload> {
  const { input, bytes } = submission;
  if (!isDeliveredInput(input)) throw new HttpError(400, `未知的数据表 unknown input "${input}" (${DELIVERED_INPUTS.join(', ')})`, 'unknown_input');
  if (!mayUpload(user, input)) throw new HttpError(403, `无权报送 ${input} — this account may not submit ${input}`, 'not_bound');
  const listing = pendingListing(db, user, input, submission.listing);
  const name = displayName(submission.name);
  if (input === 'postings') checkDayName(name);
  const ext = /\.(csv|xlsx)$/i.exec(name)?.[1].toLowerCase();
  if (!ext) throw new HttpError(415, '只接受 .csv 或 .xlsx 文件 — only .csv and .xlsx files are accepted', 'bad_type');
  if (bytes.length > settings.maxBytes) throw new HttpError(413, `文件过大 — larger than ${settings.maxBytes} bytes`, 'too_large');
  if (bytes.length === 0) throw new HttpError(400, '文件为空 — the file is empty', 'empty');
  if (ext === 'xlsx') {
    const problem = zipProblem(bytes);
    if (problem) throw new HttpError(422, problem, 'bad_xlsx');
  } else if (isZip(bytes)) {
    throw new HttpError(415, '文件内容是 xlsx，扩展名却是 .csv — an xlsx named .csv', 'bad_type');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = new Date().toISOString();
  const pending = JSON.stringify({ rows: 0, rejected: 0, rejects: [], error: '检查中 — being checked' } satisfies CheckReport);
  const id = Number(db.prepare(
    `INSERT INTO uploads (input, listing_id, original_name, stored_name, sha256, bytes, uploaded_by, uploaded_at, status, check_report)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'failed', ?)`,
  ).run(input, listing?.id ?? null, name, `${CHECKING}${sha256}-${Date.now()}-${Math.random()}`, sha256, bytes.length, user.id, at, pending).lastInsertRowid);
  const stored = storedName(id, sha256, name);
  mkdirSync(uploadFilesDir(settings.warehouseDir), { recursive: true });
  const path = join(uploadFilesDir(settings.warehouseDir), stored);
  writeFileSync(path, bytes, { flag: 'wx', mode: 0o440 });
  writeUploadSource(settings.warehouseDir, stored, { upload: id, name, by: user.username, at });
  const check = await dryRun(settings, [{ input, file: path, shownAs: name },
    ...(listing ? [{ input: listing.input, file: join(uploadFilesDir(settings.warehouseDir), listing.stored_name), shownAs: listing.original_name }] : [])], user,
    db.prepare(`SELECT stored_name FROM uploads WHERE uploaded_by = ? AND status = 'accepted'`).pluck().all(user.id) as string[]);
  db.prepare('UPDATE uploads SET stored_name = ?, status = ?, rows = ?, rejected = ?, check_report = ? WHERE id = ?')
    .run(stored, check.error ? 'failed' : 'checked', check.rows, check.rejected, JSON.stringify(check), id);
  audit(db, { actor: user.username, action: 'upload', target: `${input}#${id}${listing ? ` with programme_listing#${listing.id}` : ''}`, ip: submission.ip,
    detail: check.error ? `failed: ${check.error}` : `${name}, ${check.rows} rows, ${check.rejected} rejected` });
  return getUpload(db, id)!;
}

/** The server's own name of an upload's file: the id (unique) and the content hash; the sender's name is only shown. */
const storedName = (id: number, sha256: string, name: string) => `${id}-${sha256.slice(0, 16)}.${name.slice(name.lastIndexOf('.') + 1).toLowerCase()}`;

export const INTERRUPTED = '检查被中断（服务器重启），请重新报送 — the check was interrupted by a restart of the server; deliver the file again';

/**
 * At the server's start: a check that was running when the server stopped never finishes. Its
 * upload is failed with that said (and audited, as its sender was never told), and the checks'
 * scratch folders left behind are removed.
 */
export function recoverInterruptedChecks(db: AppDb, settings: UploadSettings): number {
  const stuck = db.prepare(`SELECT up.id, up.input, up.sha256, up.original_name, u.username FROM uploads up JOIN users u ON u.id = up.uploaded_by
    WHERE up.stored_name LIKE ? || '%'`).all(CHECKING) as { id: number; input: string; sha256: string; original_name: string; username: string }[];
  const report = JSON.stringify({ rows: 0, rejected: 0, rejects: [], error: INTERRUPTED } satisfies CheckReport);
  for (const u of stuck) {
    db.prepare(`UPDATE uploads SET stored_name = ?, status = 'failed', check_report = ? WHERE id = ?`).run(storedName(u.id, u.sha256, u.original_name), report, u.id);
    audit(db, { actor: u.username, action: 'upload', target: `${u.input}#${u.id}`, detail: `failed: ${INTERRUPTED}` });
  }
  const dir = uploadsDir(settings.warehouseDir);
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (name.startsWith(CHECK_DIR)) rmSync(join(dir, name), { recursive: true, force: true });
  return stuck.length;
}

/**
 * Makes a checked upload the one its input is loaded from, with the listing it was checked with; the
 * versions they replace (or take out: a programmes file and a listing exclude each other) are kept,
 * superseded.
 */
export function acceptUpload(db: AppDb, settings: UploadSettings, user: User, id: number, ip: string): Upload {
  const upload = getUpload(db, id);
  if (!upload) throw new HttpError(404, '无此报送 — no such upload', 'not_found');
  const own = upload.uploader_id === user.id && mayUpload(user, upload.input);
  if (user.role !== 'admin' && !(settings.providerMayAccept && user.role === 'provider' && own)) {
    throw new HttpError(403, '只有管理员可以采用报送的数据 — only an admin may accept uploads', 'not_allowed');
  }
  if (upload.status !== 'checked') throw new HttpError(409, `此报送状态为 ${upload.status}，不能采用 — only a checked upload can be accepted`, 'bad_status');
  const listing = upload.listing_id === null ? undefined : getUpload(db, upload.listing_id)!;
  if (listing && listing.status !== 'checked' && listing.status !== 'failed') {
    throw new HttpError(409, `备案名单 #${listing.id} 状态为 ${listing.status} — the listing these figures were checked with is no longer pending`, 'bad_status');
  }
  const newer = newerAccepted(db, upload);
  if (newer) {
    throw new HttpError(409, `较新的报送 #${newer.id}（${newer.original_name}）已采用，覆盖同一数据；不能改用较旧的 #${upload.id}，如确需改用，请先撤回 #${newer.id}`
      + ` — a newer delivery of the same data, #${newer.id}, is accepted; withdraw it first to use this older one`, 'newer_accepted');
  }
  const accepted = [upload, ...(listing ? [listing] : [])];
  if (upload.input === 'postings') placeDay(settings.warehouseDir, upload);
  db.transaction(() => {
    const now = new Date().toISOString();
    if (upload.input === 'postings') {
      db.prepare(`UPDATE uploads SET status = 'superseded' WHERE input = 'postings' AND status = 'accepted' AND substr(original_name, 1, 10) = ?`)
        .run(upload.original_name.slice(0, 10));
    }
    const before = readAccepted(settings.warehouseDir);
    const next = nextAccepted(before, accepted);
    // What no longer stands in for anything: a whole file replaced, a school's file whose schools delivered again.
    for (const name of filesLeft(before, next)) {
      db.prepare(`UPDATE uploads SET status = 'superseded' WHERE stored_name = ? AND status = 'accepted'`).run(name);
    }
    for (const u of accepted) {
      db.prepare(`UPDATE uploads SET status = 'accepted', decided_by = ?, decided_at = ? WHERE id = ?`).run(user.id, now, u.id);
      audit(db, { actor: user.username, action: 'upload_accepted', target: `${u.input}#${u.id}`, ip, detail: `${u.original_name}, ${u.rows} rows` });
    }
    writeAccepted(settings.warehouseDir, next);
  })();
  return getUpload(db, id)!;
}

/**
 * An accepted delivery received after `upload` that stands for the same data: the same input (for
 * postings, the same day), the whole file or a school's file of the same schools. Accepting the
 * older one over it would put back figures its sender has corrected since.
 */
function newerAccepted(db: AppDb, upload: Upload): Upload | undefined {
  const rows = db.prepare(`${SELECT} WHERE up.input = ? AND up.id > ? AND up.status = 'accepted' ORDER BY up.id DESC`).all(upload.input, upload.id) as UploadRow[];
  const schools = new Set(upload.check.replaces?.schools ?? []);
  return rows.map(toUpload).find((u) => (upload.input === 'postings' ? u.original_name.slice(0, 10) === upload.original_name.slice(0, 10)
    : !upload.check.replaces || !u.check.replaces || u.check.replaces.schools.some((school) => schools.has(school))));
}

/** The accepted record once `accepted` are: a school's own file joins the schools' deliveries, any other file replaces its input whole. */
function nextAccepted(before: AcceptedRecord, accepted: readonly (Upload & { stored_name: string })[]): AcceptedRecord {
  const [upload] = accepted;
  if (upload.check.replaces) {
    const part: SchoolPart = { file: upload.stored_name, schools: upload.check.replaces.schools, covers: upload.check.replaces.covers };
    return { files: before.files, school_parts: withPart(before.school_parts, upload.input as InputName, part) };
  }
  const changes = Object.fromEntries(accepted.filter((u) => u.input !== 'postings').map((u) => [u.input, u.stored_name]));
  return { files: withAccepted(before.files, changes), school_parts: partsAfterWhole(before.school_parts, Object.keys(changes) as InputName[]) };
}

/** Puts an accepted day where the refresh reads delivered days, in place of an earlier delivery of that day. */
function placeDay(warehouseDir: string, upload: Pick<Upload, 'original_name'> & { stored_name: string }): void {
  const dir = acceptedPostingsDir(warehouseDir);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, upload.original_name);
  // Copied under a hidden name, then renamed: a refresh listing the folder meanwhile sees the old day or the new one.
  const part = join(dir, `.${upload.original_name}.part`);
  copyFileSync(join(uploadFilesDir(warehouseDir), upload.stored_name), part);
  writeDaySource(warehouseDir, upload.original_name, upload.stored_name);
  renameSync(part, target);
  // The same day in the other format would be the day given twice.
  for (const ext of ['csv', 'xlsx']) {
    const other = join(dir, `${upload.original_name.slice(0, 10)}.${ext}`);
    if (other !== target) {
      rmSync(other, { force: true });
      removeDaySource(warehouseDir, basename(other));
    }
  }
}

/**
 * Takes an accepted upload back (an admin's undo of an acceptance): its input is read from the data
 * folder's file again at the next refresh (a school's own rows from the file they replaced, a day of
 * postings from the folder's day). A listing goes with the figures accepted with it; and once the
 * programmes come from a programmes file again, the schools' own listing and figures, which could
 * not be read into it, go with them. A version superseded before does not come back: to return to
 * it, it is submitted again.
 */
export function withdrawUpload(db: AppDb, settings: UploadSettings, user: User, id: number, ip: string): Upload {
  const upload = getUpload(db, id);
  if (!upload) throw new HttpError(404, '无此报送 — no such upload', 'not_found');
  if (user.role !== 'admin') throw new HttpError(403, '只有管理员可以撤回已采用的数据 — only an admin may withdraw an accepted upload', 'not_allowed');
  if (upload.status !== 'accepted') throw new HttpError(409, `此报送状态为 ${upload.status}，不能撤回 — only an accepted upload can be withdrawn`, 'bad_status');
  if (upload.input === 'postings') {
    rmSync(join(acceptedPostingsDir(settings.warehouseDir), upload.original_name), { force: true });
    removeDaySource(settings.warehouseDir, upload.original_name);
  }
  db.transaction(() => {
    const before = readAccepted(settings.warehouseDir);
    const paired = db.prepare(`SELECT stored_name FROM uploads WHERE status = 'accepted' AND (id = ? OR listing_id = ?)`).pluck()
      .all(upload.listing_id ?? -1, upload.id) as string[];
    const next = without(before, new Set([upload.stored_name, ...paired]));
    const unread = programmesFromFile(settings, next) ? LISTING_TABLES.flatMap((t) => (next.school_parts[t] ?? []).map((p) => p.file)) : [];
    const after = without(next, new Set(unread));
    const gone = new Set([upload.stored_name, ...filesLeft(before, after)]);
    writeAccepted(settings.warehouseDir, after);
    const now = new Date().toISOString();
    for (const name of gone) {
      const u = db.prepare(`SELECT id, input, original_name FROM uploads WHERE stored_name = ? AND status = 'accepted'`).get(name) as Pick<Upload, 'id' | 'input' | 'original_name'> | undefined;
      if (!u) continue;
      db.prepare(`UPDATE uploads SET status = 'withdrawn', decided_by = ?, decided_at = ? WHERE id = ?`).run(user.id, now, u.id);
      audit(db, { actor: user.username, action: 'upload_withdrawn', target: `${u.input}#${u.id}`, ip,
        detail: u.id === upload.id ? u.original_name : `${u.original_name}, with ${upload.input}#${upload.id}` });
    }
  })();
  return getUpload(db, id)!;
}

/** Whether the programmes of the next refresh come from a programmes file (the folder's, or accepted) rather than a 备案 listing. */
function programmesFromFile(settings: UploadSettings, record: AcceptedRecord): boolean {
  try {
    return 'programmes' in locateProgrammes(settings.dataDir, readMapping(settings.dataDir).tables, acceptedInputs(settings.warehouseDir, record));
  } catch {
    return false; // a folder the loader cannot read either way says so at the refresh
  }
}

export function discardUpload(db: AppDb, user: User, id: number, ip: string): Upload {
  const upload = getUpload(db, id);
  if (!upload || (user.role !== 'admin' && upload.uploader_id !== user.id)) throw new HttpError(404, '无此报送 — no such upload', 'not_found');
  if (upload.status !== 'checked' && upload.status !== 'failed') throw new HttpError(409, `此报送状态为 ${upload.status} — only a pending upload can be discarded`, 'bad_status');
  db.prepare(`UPDATE uploads SET status = 'discarded', decided_by = ?, decided_at = ? WHERE id = ?`).run(user.id, new Date().toISOString(), id);
  audit(db, { actor: user.username, action: 'upload_discarded', target: `${upload.input}#${id}`, ip });
  return getUpload(db, id)!;
}
