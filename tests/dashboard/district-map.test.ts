import { describe, expect, it, vi } from 'vitest';
import { districtFeatures } from '../../dashboard/src/lib/district-map.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

const MAP = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [] }, properties: { district_code: '500101', district_name: '万州区' } }] };

describe('district map geometry', () => {
  it('asks again after a failed fetch, and then keeps the map it read', async () => {
    const asked: string[] = [];
    const down = async (url: string): Promise<Response> => { asked.push(url); throw new TypeError('Failed to fetch'); };
    const up = async (url: string): Promise<Response> => { asked.push(url); return new Response(JSON.stringify(MAP), { status: 200 }); };
    const refused = async (url: string): Promise<Response> => { asked.push(url); return new Response('', { status: 503 }); };

    await expect(districtFeatures(down)).rejects.toThrow('Failed to fetch');
    await expect(districtFeatures(refused)).rejects.toThrow('HTTP 503');
    // 重试 after the server is back: the map loads instead of the old failure.
    const features = await districtFeatures(up);
    expect(features.map((f) => f.properties.district_code)).toEqual(['500101']);
    expect(asked).toHaveLength(3);
    // Once read, the geometry is not fetched again.
    expect(await districtFeatures(down)).toBe(features);
    expect(asked).toHaveLength(3);
  });

  it('fails as the other loads do: no connection and a server error are told apart in words, not 数据无法读取', async () => {
    // modules afresh: the map read by the test above is kept for the page's life
    vi.resetModules();
    const { districtFeatures } = await import('../../dashboard/src/lib/district-map.ts');
    const { failureMessage, LoadError, loadFailure } = await import('../../dashboard/src/lib/load.ts');
    const failed = (fetchFn: (url: string) => Promise<Response>) => districtFeatures(fetchFn).then(() => null, (e: unknown) => e);
    const offline = await failed(async () => { throw new TypeError('Failed to fetch'); });
    const refused = await failed(async () => new Response('', { status: 503 }));
    const missing = await failed(async () => new Response('', { status: 404 }));
    for (const error of [offline, refused, missing]) expect(error).toBeInstanceOf(LoadError);

    expect(loadFailure(offline)).toMatchObject({ kind: 'network', status: null });
    expect(loadFailure(offline).detail).toMatch(/chongqing-districts[^/]*\.json: Failed to fetch$/);
    const file = loadFailure(refused).file!;
    expect(file).toMatch(/chongqing-districts[^/]*\.json$/);
    expect(loadFailure(refused)).toMatchObject({ kind: 'server', status: 503 });
    expect(loadFailure(missing)).toMatchObject({ kind: 'missing', file, status: 404 });

    // the words of every other view's failure, the map named in words where its file is missing
    expect(failureMessage(loadFailure(offline), zh.notices)).toBe(zh.notices.network);
    expect(failureMessage(loadFailure(refused), zh.notices)).toBe(zh.notices.server(503, file));
    expect(failureMessage(loadFailure(missing), zh.notices)).toBe(zh.notices.missing(zh.notices.files.districtMap, file));
    expect(failureMessage(loadFailure(missing), en.notices)).toBe(en.notices.missing(en.notices.files.districtMap, file));
  });
});
