/**
 * Fetches the current snapshot at run time, relative to the page (`data/…`), so a refresh of the
 * warehouse shows up on reload without rebuilding the dashboard.
 */
import { decodeRows } from './arrow.ts';
import type { Manifest, MartName, Marts } from './types.ts';

export type Fetch = (url: string) => Promise<Response>;

async function get(fetchFn: Fetch, url: string): Promise<Response> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

export async function fetchManifest(fetchFn: Fetch, base = 'data/'): Promise<Manifest> {
  return (await get(fetchFn, `${base}manifest.json`)).json();
}

export async function fetchMart<N extends MartName>(fetchFn: Fetch, name: N, base = 'data/'): Promise<Marts[N][]> {
  const bytes = new Uint8Array(await (await get(fetchFn, `${base}marts/${name}.arrow`)).arrayBuffer());
  return decodeRows<Marts[N]>(bytes);
}

/** One request per mart however many views ask for it. */
export function martCache(fetchFn: Fetch, base = 'data/') {
  const pending = new Map<MartName, Promise<unknown[]>>();
  return <N extends MartName>(name: N): Promise<Marts[N][]> => {
    if (!pending.has(name)) pending.set(name, fetchMart(fetchFn, name, base));
    return pending.get(name) as Promise<Marts[N][]>;
  };
}
