/**
 * Fetches the current snapshot at run time, relative to the page (`data/…`), so a refresh of the
 * warehouse shows up on reload without rebuilding the dashboard.
 */
import { decodeRows } from './arrow.ts';
import type { Manifest } from './types.ts';
import type { Messages } from '../i18n/zh.ts';

export type Fetch = (url: string) => Promise<Response>;

/**
 * Why a file could not be read, kept apart from the technical detail so the page can say it in
 * words: the server was not reached, the file is not in the snapshot, or the server failed.
 */
export type LoadFailureKind = 'network' | 'missing' | 'server' | 'other';

export class LoadError extends Error {
  constructor(readonly kind: LoadFailureKind, readonly file: string, detail: string, readonly status: number | null = null) {
    super(detail);
    this.name = 'LoadError';
  }
}

/** A failure as the page states it: its kind, the file (relative to data/) when known, the technical detail. */
export interface LoadFailure { kind: LoadFailureKind; file: string | null; status: number | null; detail: string }

export function loadFailure(error: unknown, base = 'data/'): LoadFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (!(error instanceof LoadError)) return { kind: 'other', file: null, status: null, detail };
  return { kind: error.kind, file: error.file.startsWith(base) ? error.file.slice(base.length) : error.file, status: error.status, detail };
}

/**
 * The key of notices.files naming a file in words: a mart, the manifest, the run history, the
 * reports index, or the district boundaries (a file of the build, its name hashed there).
 */
export function fileKey(file: string): string | null {
  return martOfFile(file) ?? (file === 'manifest.json' ? 'manifest' : file === 'history.json' ? 'history' : file === 'reports/index.json' ? 'reports'
    : /(?:^|\/)chongqing-districts[^/]*\.json$/.test(file) ? 'districtMap' : null);
}

/** What the page says of a failure, in words a reader can act on. */
export function failureMessage(failure: LoadFailure, m: Messages['notices']): string {
  const name = (file: string) => { const key = fileKey(file); return key ? (m.files[key] ?? '') : ''; };
  return failure.kind === 'network' ? m.network
    : failure.kind === 'missing' && failure.file ? m.missing(name(failure.file), failure.file)
    : failure.kind === 'server' && failure.file ? m.server(failure.status ?? 0, failure.file)
    : m.other;
}

/** The mart (or dimension) a file of the snapshot holds, e.g. marts/provinces/mart_overview.arrow → mart_overview. */
export function martOfFile(file: string): string | null {
  const match = /(?:^|\/)marts\/(?:provinces\/|schools\/)?((?:mart|dim)_[a-z_]+)(?:\.arrow|\/)/.exec(file);
  if (match) return match[1] === 'dim_province' ? 'dim_district' : match[1];
  return /(?:^|\/)marts\/schools\/[^/]+\.arrow$/.test(file) ? 'mart_school_programme' : null;
}

/** A response that arrived with a 2xx status; otherwise a LoadError saying whether the server was reached, and what it answered. */
export async function fetchOk(fetchFn: Fetch, url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw new LoadError('network', url, `${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) throw new LoadError(response.status === 404 ? 'missing' : 'server', url, `${url}: HTTP ${response.status}`, response.status);
  return response;
}

/**
 * A request made once and shared, unless it fails: the next call then asks again, so a retry
 * after the server is back reads the file instead of the old failure.
 */
export function retrying<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (pending) return pending;
    const request = load();
    pending = request;
    request.catch(() => { if (pending === request) pending = null; });
    return request;
  };
}

export async function fetchManifest(fetchFn: Fetch, base = 'data/'): Promise<Manifest> {
  return (await fetchOk(fetchFn, `${base}manifest.json`)).json();
}

/**
 * A JSON file a snapshot may lack (an older snapshot, a server without run history): a 404 gives
 * `fallback`, any other failure is an error.
 */
export async function fetchOptionalJson<T>(fetchFn: Fetch, path: string, fallback: T, base = 'data/'): Promise<T> {
  try {
    return await (await fetchOk(fetchFn, `${base}${path}`)).json();
  } catch (e) {
    if (e instanceof LoadError && e.kind === 'missing') return fallback;
    throw e;
  }
}

/** Rows of an Arrow file, `path` relative to the data folder (e.g. `marts/mart_lag.arrow`). */
export async function fetchRows<T>(fetchFn: Fetch, path: string, base = 'data/'): Promise<T[]> {
  const bytes = new Uint8Array(await (await fetchOk(fetchFn, `${base}${path}`)).arrayBuffer());
  return decodeRows<T>(bytes);
}

/** One request per file however many views ask for it; a failed one is asked for again next time. */
export function rowsCache(fetchFn: Fetch, base = 'data/') {
  const pending = new Map<string, () => Promise<unknown[]>>();
  return <T>(path: string): Promise<T[]> => {
    if (!pending.has(path)) pending.set(path, retrying(() => fetchRows(fetchFn, path, base)));
    return pending.get(path)!() as Promise<T[]>;
  };
}
