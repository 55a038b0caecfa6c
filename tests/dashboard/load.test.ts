import { describe, expect, it } from 'vitest';
import { Int32, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { fetchManifest, fetchOptionalJson, rowsCache } from '../../dashboard/src/lib/load.ts';

const arrowBody = () => tableToIPC(new Table({ year: vectorFromArray([2025], new Int32()) }), 'file') as Uint8Array<ArrayBuffer>;

describe('load', () => {
  it('fetches files relative to the page and only once per file', async () => {
    const urls: string[] = [];
    const fetchFn = async (url: string) => (urls.push(url), new Response(arrowBody()));
    const rows = rowsCache(fetchFn);
    const [a, b] = await Promise.all([rows('marts/mart_concentration.arrow'), rows('marts/mart_concentration.arrow')]);
    expect(a).toEqual([{ year: 2025 }]);
    expect(b).toBe(a);
    await rows('marts/schools/5001.arrow');
    expect(urls).toEqual(['data/marts/mart_concentration.arrow', 'data/marts/schools/5001.arrow']);
  });

  it('reports a missing file with its URL and status', async () => {
    const fetchFn = async () => new Response('no', { status: 404 });
    await expect(fetchManifest(fetchFn)).rejects.toThrow('data/manifest.json: HTTP 404');
    await expect(rowsCache(fetchFn)('marts/x.arrow')).rejects.toThrow('data/marts/x.arrow: HTTP 404');
  });

  it('takes a missing optional file as its fallback, but not a server error', async () => {
    const status = (code: number) => async () => new Response('[1]', { status: code });
    expect(await fetchOptionalJson(status(404), 'marts/split.json', [])).toEqual([]);
    expect(await fetchOptionalJson(status(200), 'marts/split.json', [])).toEqual([1]);
    await expect(fetchOptionalJson(status(500), 'history.json', [])).rejects.toThrow('data/history.json: HTTP 500');
  });
});
