/**
 * Fetches the current snapshot at run time, relative to the page (`data/…`), so a refresh of the
 * warehouse shows up on reload without rebuilding the dashboard.
 */
import { decodeRows } from './arrow.ts';
import type { Manifest } from './types.ts';

export type Fetch = (url: string) => Promise<Response>;

async function get(fetchFn: Fetch, url: string): Promise<Response> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

export async function fetchManifest(fetchFn: Fetch, base = 'data/'): Promise<Manifest> {
  return (await get(fetchFn, `${base}manifest.json`)).json();
}

/**
 * A JSON file a snapshot may lack (an older snapshot, a server without run history): a 404 gives
 * `fallback`, any other failure is an error.
 */
export async function fetchOptionalJson<T>(fetchFn: Fetch, path: string, fallback: T, base = 'data/'): Promise<T> {
  const response = await fetchFn(`${base}${path}`);
  if (response.status === 404) return fallback;
  if (!response.ok) throw new Error(`${base}${path}: HTTP ${response.status}`);
  return response.json();
}

/** Rows of an Arrow file, `path` relative to the data folder (e.g. `marts/mart_lag.arrow`). */
export async function fetchRows<T>(fetchFn: Fetch, path: string, base = 'data/'): Promise<T[]> {
  const bytes = new Uint8Array(await (await get(fetchFn, `${base}${path}`)).arrayBuffer());
  return decodeRows<T>(bytes);
}

/** One request per file however many views ask for it. */
export function rowsCache(fetchFn: Fetch, base = 'data/') {
  const pending = new Map<string, Promise<unknown[]>>();
  return <T>(path: string): Promise<T[]> => {
    if (!pending.has(path)) pending.set(path, fetchRows(fetchFn, path, base));
    return pending.get(path) as Promise<T[]>;
  };
}
