/**
 * Uploads accepted on the platform (数据报送) stand in for the data folder's files at the next
 * refresh. `<warehouse>/uploads/accepted.json` names, per input table, the accepted version's file
 * in `<warehouse>/uploads/files/`; versions are never overwritten, so the file names stay valid
 * for as long as the record points at them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInputName, type InputName } from './schema.ts';
import type { InputOverrides } from '../load/locate-input.ts';

export const uploadsDir = (warehouseDir: string) => join(warehouseDir, 'uploads');
export const uploadFilesDir = (warehouseDir: string) => join(uploadsDir(warehouseDir), 'files');
const recordPath = (warehouseDir: string) => join(uploadsDir(warehouseDir), 'accepted.json');

/** Stored file names of the accepted versions, by input. */
export type AcceptedRecord = Partial<Record<InputName, string>>;

export function readAccepted(warehouseDir: string): AcceptedRecord {
  const path = recordPath(warehouseDir);
  if (!existsSync(path)) return {};
  const record = JSON.parse(readFileSync(path, 'utf8')) as AcceptedRecord;
  for (const [table, name] of Object.entries(record)) {
    // Written only by the platform; checked anyway, so a hand edit cannot point a load outside the store.
    if (!isInputName(table) || !/^[\w.-]+$/.test(name ?? '')) throw new Error(`${path}: invalid entry ${table}: ${name}`);
  }
  return record;
}

/** Where a stored upload came from, kept beside it: the submission, its file name as sent, the sender and when. */
export interface UploadSource { upload: number; name: string; by: string; at: string }

/** Kept apart from the stored files, whose folder holds nothing but what was sent. */
const sourcesDir = (warehouseDir: string) => join(uploadsDir(warehouseDir), 'sources');

export function writeUploadSource(warehouseDir: string, stored: string, source: UploadSource): void {
  mkdirSync(sourcesDir(warehouseDir), { recursive: true });
  writeFileSync(join(sourcesDir(warehouseDir), `${stored}.json`), `${JSON.stringify(source)}\n`, { mode: 0o440 });
}

/** The source of a file the loader read, when it is a stored upload that has one. */
export function uploadSource(warehouseDir: string, path: string): UploadSource | null {
  if (resolve(dirname(path)) !== resolve(uploadFilesDir(warehouseDir))) return null;
  const file = join(sourcesDir(warehouseDir), `${basename(path)}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as UploadSource) : null;
}

/** The accepted uploads as loader overrides (absolute paths). */
export function acceptedInputs(warehouseDir: string): InputOverrides {
  const files = uploadFilesDir(warehouseDir);
  return Object.fromEntries(Object.entries(readAccepted(warehouseDir)).map(([table, name]) => [table, join(files, name!)]));
}

/**
 * A record (of stored names or of paths) with `changes` accepted. Programmes come from one source, a
 * programmes file or the 备案 listing with its figures: accepting one takes the other out, so a
 * refresh never has to choose between two accepted sources.
 */
export function withAccepted<T extends Partial<Record<InputName, string>>>(record: T, changes: Partial<Record<InputName, string>>): T {
  const next: Partial<Record<InputName, string>> = { ...record };
  if (changes.programmes !== undefined) { delete next.programme_listing; delete next.programme_figures; }
  if (changes.programme_listing !== undefined || changes.programme_figures !== undefined) delete next.programmes;
  return { ...next, ...changes } as T;
}

/** Replaces the record atomically (a refresh reading it sees the old or the new one, never half). */
export function writeAccepted(warehouseDir: string, record: AcceptedRecord): void {
  const path = recordPath(warehouseDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
