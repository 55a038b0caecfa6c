import { describe, expect, it } from 'vitest';
import { Int32, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { fetchManifest, martCache } from '../../dashboard/src/lib/load.ts';

const arrowBody = () => tableToIPC(new Table({ year: vectorFromArray([2025], new Int32()) }), 'file') as Uint8Array<ArrayBuffer>;

describe('load', () => {
  it('fetches marts relative to the page and only once per mart', async () => {
    const urls: string[] = [];
    const fetchFn = async (url: string) => (urls.push(url), new Response(arrowBody()));
    const mart = martCache(fetchFn);
    const [a, b] = await Promise.all([mart('mart_concentration'), mart('mart_concentration')]);
    expect(a).toEqual([{ year: 2025 }]);
    expect(b).toBe(a);
    expect(urls).toEqual(['data/marts/mart_concentration.arrow']);
  });

  it('reports a missing file with its URL and status', async () => {
    const fetchFn = async () => new Response('no', { status: 404 });
    await expect(fetchManifest(fetchFn)).rejects.toThrow('data/manifest.json: HTTP 404');
  });
});
