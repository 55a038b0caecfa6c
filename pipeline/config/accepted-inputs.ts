/**
 * Uploads accepted on the platform (数据报送) stand in for the data folder's files at the next
 * refresh. `<warehouse>/uploads/accepted.json` names, per input table, the accepted version's file
 * in `<warehouse>/uploads/files/` (`files`), and the schools' own deliveries (`school_parts`): a
 * school account's accepted file replaces only its schools' rows of its input, wherever the other
 * rows come from (load/school-parts.ts). Versions are never overwritten, so the file names stay
 * valid for as long as the record points at them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInputName, SCHOOL_CODE, type InputName } from './schema.ts';
import type { InputOverrides } from '../load/locate-input.ts';

export const uploadsDir = (warehouseDir: string) => join(warehouseDir, 'uploads');
export const uploadFilesDir = (warehouseDir: string) => join(uploadsDir(warehouseDir), 'files');
const recordPath = (warehouseDir: string) => join(uploadsDir(warehouseDir), 'accepted.json');

/** Stored file names (or paths) of the accepted versions, by input. */
export type AcceptedFiles = Partial<Record<InputName, string>>;

/**
 * A school's own rows of an input: the file, the schools it may hold rows of (its account's), and
 * those it does hold, each school or each school and year (`9500036142 2025`), whose rows it
 * replaces (load/school-parts.ts).
 */
export interface SchoolPart { file: string; schools: string[]; covers: string[] }

/** The schools' deliveries by input, in the order they were accepted: a later one wins for its schools. */
export type SchoolParts = Partial<Record<InputName, SchoolPart[]>>;

export interface AcceptedRecord { files: AcceptedFiles; school_parts: SchoolParts }

const STORED = /^[\w.-]+$/;

export function readAccepted(warehouseDir: string): AcceptedRecord {
  const path = recordPath(warehouseDir);
  if (!existsSync(path)) return { files: {}, school_parts: {} };
  const json = JSON.parse(readFileSync(path, 'utf8')) as Partial<AcceptedRecord> & AcceptedFiles;
  // A record written before the schools' deliveries is the map of files alone.
  const record: AcceptedRecord = 'files' in json ? { files: json.files ?? {}, school_parts: json.school_parts ?? {} } : { files: json as AcceptedFiles, school_parts: {} };
  // Written only by the platform; checked anyway, so a hand edit cannot point a load outside the store.
  for (const [table, name] of Object.entries(record.files)) {
    if (!isInputName(table) || !STORED.test(name ?? '')) throw new Error(`${path}: invalid entry ${table}: ${name}`);
  }
  for (const [table, parts] of Object.entries(record.school_parts)) {
    for (const part of parts ?? []) {
      if (!isInputName(table) || !STORED.test(part.file) || part.schools.length === 0 || !part.schools.every((c) => SCHOOL_CODE.test(c))
        || !Array.isArray(part.covers) || !part.covers.every((c) => typeof c === 'string')) {
        throw new Error(`${path}: invalid school delivery ${table}: ${JSON.stringify(part)}`);
      }
    }
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

/** An accepted day of postings is a copy under its day's name (postings/daily-files.ts); its source is kept under that name. */
const daySourcesDir = (warehouseDir: string) => join(sourcesDir(warehouseDir), 'postings');
/** Where the platform keeps the accepted daily postings files, each under its day's name (postings/daily-files.ts reads them). */
export const acceptedPostingsDir = (warehouseDir: string) => join(uploadsDir(warehouseDir), 'postings');

/** Where the copy of an accepted day came from: its upload's source, kept beside the day's name. */
export function writeDaySource(warehouseDir: string, day: string, stored: string): void {
  mkdirSync(daySourcesDir(warehouseDir), { recursive: true });
  const target = join(daySourcesDir(warehouseDir), `${day}.json`);
  rmSync(target, { force: true });
  writeFileSync(target, readFileSync(join(sourcesDir(warehouseDir), `${stored}.json`)), { mode: 0o440 });
}

export const removeDaySource = (warehouseDir: string, day: string) => rmSync(join(daySourcesDir(warehouseDir), `${day}.json`), { force: true });

/** The source of a file the loader read, when it is a stored upload (or an accepted day's copy) that has one. */
export function uploadSource(warehouseDir: string, path: string): UploadSource | null {
  const dir = resolve(dirname(path));
  const sources = dir === resolve(uploadFilesDir(warehouseDir)) ? sourcesDir(warehouseDir)
    : dir === resolve(acceptedPostingsDir(warehouseDir)) ? daySourcesDir(warehouseDir) : null;
  const file = sources && join(sources, `${basename(path)}.json`);
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as UploadSource) : null;
}

/** A delivered file as people know it: the name its sender gave, and its number; null for a file not delivered on the platform. */
export function deliveredName(warehouseDir: string, path: string): string | null {
  const source = uploadSource(warehouseDir, path);
  return source && `${source.name}（数据报送第 ${source.upload} 号）`;
}

/** `text` with every delivered file among `paths` named as people know it (deliveredName) instead of by the server's path. */
export function namingDelivered(warehouseDir: string, paths: readonly string[]): (text: string) => string {
  const named = paths.flatMap((path) => { const name = deliveredName(warehouseDir, path); return name ? [[path, name] as const] : []; });
  return (text) => named.reduce((t, [path, name]) => t.split(path).join(name), text);
}

/** The accepted uploads (of `record`, by default the one on disk) as loader overrides (absolute paths). */
export function acceptedInputs(warehouseDir: string, record = readAccepted(warehouseDir)): InputOverrides {
  const files = uploadFilesDir(warehouseDir);
  return Object.fromEntries(Object.entries(record.files).map(([table, name]) => [table, join(files, name!)]));
}

/** The schools' accepted deliveries (of `record`, by default the one on disk), with absolute paths. */
export function acceptedParts(warehouseDir: string, record = readAccepted(warehouseDir)): SchoolParts {
  const files = uploadFilesDir(warehouseDir);
  return Object.fromEntries(Object.entries(record.school_parts)
    .map(([table, parts]) => [table, parts!.map((p) => ({ ...p, file: join(files, p.file) }))]));
}

/**
 * A record (of stored names or of paths) with `changes` accepted. Programmes come from one source, a
 * programmes file or the 备案 listing with its figures: accepting one takes the other out, so a
 * refresh never has to choose between two accepted sources.
 */
export function withAccepted<T extends AcceptedFiles>(record: T, changes: AcceptedFiles): T {
  const next: AcceptedFiles = { ...record };
  if (changes.programmes !== undefined) { delete next.programme_listing; delete next.programme_figures; }
  if (changes.programme_listing !== undefined || changes.programme_figures !== undefined) delete next.programmes;
  return { ...next, ...changes } as T;
}

/**
 * The schools' deliveries once the files of `changed` are accepted whole: a whole file is the newest
 * word on every row of its input, so the deliveries of that input go, and with a programmes file
 * those of the listing and figures it takes out. A school's programmes stay over a listing.
 */
export function partsAfterWhole(parts: SchoolParts, changed: readonly InputName[]): SchoolParts {
  const gone = new Set<string>(changed);
  if (changed.includes('programmes')) gone.add('programme_listing').add('programme_figures');
  return Object.fromEntries(Object.entries(parts).filter(([table]) => !gone.has(table)));
}

/**
 * The deliveries of `input` with `part` accepted last, without those it leaves with nothing of
 * their own (each of their schools, or schools and years, delivered again since).
 */
export function withPart(parts: SchoolParts, input: InputName, part: SchoolPart): SchoolParts {
  const before = parts[input] ?? [];
  return { ...parts, [input]: [...before.filter((p, i) => p.covers.some((key) => ![...before.slice(i + 1), part].some((later) => later.covers.includes(key)))), part] };
}

/** Every stored file the record names, whole or a school's. */
export const storedFiles = (record: AcceptedRecord): string[] =>
  [...Object.values(record.files), ...Object.values(record.school_parts).flatMap((parts) => parts!.map((p) => p.file))] as string[];

/** The stored files `before` names and `after` no longer does: superseded or withdrawn. */
export const filesLeft = (before: AcceptedRecord, after: AcceptedRecord): string[] => {
  const standing = new Set(storedFiles(after));
  return storedFiles(before).filter((f) => !standing.has(f));
};

/** The record without the stored files `names`, whole or a school's. */
export function without(record: AcceptedRecord, names: ReadonlySet<string>): AcceptedRecord {
  return {
    files: Object.fromEntries(Object.entries(record.files).filter(([, name]) => !names.has(name!))),
    school_parts: Object.fromEntries(Object.entries(record.school_parts)
      .map(([input, parts]) => [input, parts!.filter((p) => !names.has(p.file))] as const).filter(([, parts]) => parts.length > 0)),
  };
}

/** Replaces the record atomically (a refresh reading it sees the old or the new one, never half). */
export function writeAccepted(warehouseDir: string, record: AcceptedRecord): void {
  const path = recordPath(warehouseDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
