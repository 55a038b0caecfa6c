import { describe, expect, it } from 'vitest';
import { districtFeatures } from '../../dashboard/src/lib/district-map.ts';

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
});
