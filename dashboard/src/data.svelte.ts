/**
 * Data access for views: the manifest and marts of the current snapshot, each fetched once.
 * Rows are held with $state.raw: they are replaced, never mutated, and deep proxies over tens of
 * thousands of rows would slow every filter change.
 */
import { fetchManifest, martCache } from './lib/load.ts';
import type { MartName, Marts } from './lib/types.ts';

const fetchFn = (url: string) => fetch(url);
export const mart = martCache(fetchFn);
export const manifestRequest = fetchManifest(fetchFn);

type Loaded<N extends readonly MartName[]> = { [K in keyof N]: Marts[N[K]][] };

/** Loads marts for a view; `data` stays null until all have arrived, `error` says what failed. */
export function useMarts<const N extends readonly MartName[]>(...names: N) {
  let data = $state.raw<Loaded<N> | null>(null);
  let error = $state<string | null>(null);
  Promise.all(names.map((name) => mart(name))).then(
    (tables) => { data = tables as Loaded<N>; },
    (e: Error) => { error = e.message; },
  );
  return { get data() { return data; }, get error() { return error; } };
}
