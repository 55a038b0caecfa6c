import { describe, expect, it } from 'vitest';
import { Int32, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { fetchManifest, fetchOptionalJson, loadFailure, martOfFile, rowsCache } from '../../dashboard/src/lib/load.ts';
import { martPath } from '../../dashboard/src/lib/snapshot-files.ts';

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

  it('asks again for a file whose request failed, so a retry recovers once the server is back', async () => {
    let up = false;
    const urls: string[] = [];
    const fetchFn = async (url: string) => {
      urls.push(url);
      if (!up) throw new TypeError('Failed to fetch');
      return new Response(arrowBody());
    };
    const rows = rowsCache(fetchFn);
    await expect(rows('marts/mart_lag.arrow')).rejects.toThrow('Failed to fetch');
    up = true;
    expect(await rows('marts/mart_lag.arrow')).toEqual([{ year: 2025 }]);
    await rows('marts/mart_lag.arrow');
    expect(urls).toEqual(['data/marts/mart_lag.arrow', 'data/marts/mart_lag.arrow']);
  });

  it('tells an unreachable server, a missing file and a server error apart, with the file and the detail', async () => {
    const down = async (): Promise<Response> => { throw new TypeError('Failed to fetch'); };
    const failure = async (p: Promise<unknown>) => loadFailure(await p.then(() => null, (e: unknown) => e));
    expect(await failure(rowsCache(down)('marts/mart_lag.arrow')))
      .toEqual({ kind: 'network', file: 'marts/mart_lag.arrow', status: null, detail: 'data/marts/mart_lag.arrow: Failed to fetch' });
    expect(await failure(rowsCache(async () => new Response('', { status: 404 }))('marts/mart_lag.arrow')))
      .toEqual({ kind: 'missing', file: 'marts/mart_lag.arrow', status: 404, detail: 'data/marts/mart_lag.arrow: HTTP 404' });
    expect(await failure(fetchManifest(async () => new Response('', { status: 503 }))))
      .toMatchObject({ kind: 'server', file: 'manifest.json', status: 503 });
    expect(loadFailure(new Error('bad bytes'))).toEqual({ kind: 'other', file: null, status: null, detail: 'bad bytes' });
    // A mart the snapshot lacks altogether is a missing file too.
    let thrown: unknown = null;
    try { martPath('mart_lag', { whole: new Set(), split: [] }); } catch (e) { thrown = e; }
    expect(loadFailure(thrown)).toMatchObject({ kind: 'missing', file: 'marts/mart_lag.arrow' });
  });

  it('names the mart a file of the snapshot holds', () => {
    expect(martOfFile('marts/mart_lag.arrow')).toBe('mart_lag');
    expect(martOfFile('marts/provinces/mart_overview.arrow')).toBe('mart_overview');
    expect(martOfFile('marts/provinces/dim_province.arrow')).toBe('dim_district');
    expect(martOfFile('marts/schools/5150000001.arrow')).toBe('mart_school_programme');
    expect(martOfFile('marts/schools/mart_school_report/5150000001.arrow')).toBe('mart_school_report');
    expect(martOfFile('manifest.json')).toBeNull();
  });
});
