/**
 * Data access for views: the manifest, the marts and the other files of the current snapshot, each
 * fetched once. Rows are held with $state.raw: they are replaced, never mutated, and deep proxies
 * over tens of thousands of rows would slow every filter change.
 */
import { fetchManifest, fetchOptionalJson, retrying, rowsCache } from './lib/load.ts';
import { signInAgain } from './lib/sign-in-again.ts';
import { martPath, schoolPath, type SnapshotFiles } from './lib/snapshot-files.ts';
import type { MartName, Marts, SchoolMartName } from './lib/types.ts';
import type { ReportIndex, RunRecord, SplitEntry } from './lib/types-snapshot.ts';

// A refusal for want of a session ends the page's work: the login page takes over and returns here.
const fetchFn = async (url: string): Promise<Response> => {
  const response = await fetch(url);
  if (response.status !== 401) return response;
  location.replace(signInAgain(location.hash));
  return new Promise<Response>(() => {});
};
const rows = rowsCache(fetchFn);
// Each file is fetched once; one that failed (the server unreachable for a moment) is fetched again
// the next time it is asked for, so a retry recovers without reloading the page.
export const manifestRequest = retrying(() => fetchManifest(fetchFn));
const splitRequest = retrying(() => fetchOptionalJson<SplitEntry[]>(fetchFn, 'marts/split.json', []));
export const filesRequest = (): Promise<SnapshotFiles> => Promise.all([manifestRequest(), splitRequest()])
  .then(([manifest, split]) => ({ whole: new Set(manifest.marts.map((m) => m.name)), split }));
/** Newest first; outside the snapshot, so a failed run is on record although it made none. */
export const historyRequest = retrying(() => fetchOptionalJson<RunRecord[]>(fetchFn, 'history.json', []));
/** reports/index.json, fetched the first time a page offers reports; null when the snapshot has none. */
export const reportIndex = retrying(() => fetchOptionalJson<ReportIndex | null>(fetchFn, 'reports/index.json', null));

/** A mart's rows at the grain the dashboard works at (snapshot-files.ts). */
export const mart = async <N extends MartName>(name: N): Promise<Marts[N][]> => rows(martPath(name, await filesRequest()));


/** One school's rows: its own file when the mart is cut per school, else the whole mart filtered. */
export async function schoolRows<N extends SchoolMartName>(name: N, code: string): Promise<Marts[N][]> {
  const path = schoolPath(name, code, await filesRequest());
  if (path) return rows(path);
  return (await mart(name)).filter((r) => r.school_code === code);
}

/** A request settled into reactive state, and a way to make it again after it failed. */
export interface Request<T> {
  /** Null until it arrives. */
  readonly data: T | null;
  /** What failed (shown by LoadFailed), null while loading or loaded. */
  readonly error: unknown;
  retry(): void;
}

/** Settles what `load` returns into reactive state; `retry` calls `load` again. */
export function useRequest<T>(load: () => Promise<T>): Request<T> {
  let data = $state.raw<T | null>(null);
  let error = $state.raw<unknown>(null);
  let attempt = 0;
  function run() {
    const mine = ++attempt;
    error = null;
    load().then((value) => { if (mine === attempt) data = value; }, (e: unknown) => { if (mine === attempt) error = e; });
  }
  run();
  return { get data() { return data; }, get error() { return error; }, retry: run };
}

type Loaded<N extends readonly MartName[]> = { [K in keyof N]: Marts[N[K]][] };

/** Loads marts for a view, all or nothing. */
export function useMarts<const N extends readonly MartName[]>(...names: N) {
  return useRequest(() => Promise.all(names.map((name) => mart(name))) as Promise<Loaded<N>>);
}
