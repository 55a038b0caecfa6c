/**
 * Which file of the snapshot holds a mart's rows. Marts too large to download whole (national
 * scale) are written only cut (marts/split.json): per school, and rolled up to provinces. When a
 * mart that has a roll-up is missing whole, the dashboard works at province grain: every mart with
 * a roll-up comes from it (even one still written whole, so a district filter means the same in
 * every chart) and the district list is the provinces.
 */
import type { SplitEntry } from './types-snapshot.ts';
import { LoadError } from './load.ts';

export interface SnapshotFiles {
  /** Marts written whole (manifest.marts). */
  whole: ReadonlySet<string>;
  split: readonly SplitEntry[];
}

export type Grain = 'district' | 'province';

const ROLLUP = 'provinces/';
/** The province roll-up's own district list, shaped like dim_district. */
const PROVINCE_DIM = 'dim_province';

const rollups = (files: SnapshotFiles) =>
  new Set(files.split.filter((s) => s.name.startsWith(ROLLUP)).map((s) => s.name.slice(ROLLUP.length)));

export function grain(files: SnapshotFiles): Grain {
  return [...rollups(files)].some((name) => name !== PROVINCE_DIM && !files.whole.has(name)) ? 'province' : 'district';
}

/** The mart's roll-up, if written, under its roll-up name (dim_district's is the province list). */
function rollupPath(name: string, files: SnapshotFiles): string | null {
  const rolled = name === 'dim_district' ? PROVINCE_DIM : name;
  return rollups(files).has(rolled) ? `marts/${ROLLUP}${rolled}.arrow` : null;
}

/** Path (relative to data/) of the file a view reads for `name`; throws when the snapshot has neither. */
export function martPath(name: string, files: SnapshotFiles): string {
  const rollup = rollupPath(name, files);
  if (rollup && grain(files) === 'province') return rollup;
  if (files.whole.has(name)) return `marts/${name}.arrow`;
  if (rollup) return rollup;
  throw new LoadError('missing', `marts/${name}.arrow`, `${name}: not in this snapshot`);
}

/**
 * Path of one school's rows of a mart cut per school, or null when the mart is not cut (read the
 * whole mart then). The school detail (mart_school_programme) sits at marts/schools/<code>.arrow;
 * any other mart cut per school at marts/schools/<mart>/<code>.arrow.
 */
export function schoolPath(name: string, code: string, files: SnapshotFiles): string | null {
  if (!files.split.some((s) => s.name === `schools/${name}`)) return null;
  return name === 'mart_school_programme' ? `marts/schools/${code}.arrow` : `marts/schools/${name}/${code}.arrow`;
}

/**
 * Whether a row of a mart kept at county grain (schools, overlaps) lies in the district filter's
 * area: at province grain the filter holds a province code (PP0000), matched on its two digits.
 */
export function inArea(districtCode: string, filter: string, at: Grain): boolean {
  if (!filter) return true;
  return at === 'province' ? districtCode.slice(0, 2) === filter.slice(0, 2) : districtCode === filter;
}
