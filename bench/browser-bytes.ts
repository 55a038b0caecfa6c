/**
 * What the dashboard downloads at a scale, read from a built warehouse: the first chart's marts
 * as whole files (what the dashboard fetches today) against their province roll-ups, and the
 * largest file fetched on demand (one school). See pipeline/export/split-marts.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT } from '../pipeline/refresh/snapshot.ts';
import type { Manifest } from '../pipeline/refresh/manifest.ts';
import type { SplitExport } from '../pipeline/export/split-marts.ts';

/** The marts the overview (the first page) loads, as dashboard/src/views/Overview.svelte asks for them. */
export const FIRST_CHART_MARTS = ['mart_overview', 'mart_supply_slice', 'mart_demand_slice'];

export interface BrowserBytes {
  /** Bytes of the first chart's marts as whole files; null when a mart is too large to be written whole. */
  first_chart_whole: number | null;
  /** Marts of the first chart not written whole (above CHANJIAO_WHOLE_MART_MAX_ROWS), with their rows. */
  not_written_whole: { name: string; rows: number }[];
  first_chart_provinces: number;
  largest_school_file: number;
}

export function browserBytes(warehouseDir: string): BrowserBytes {
  const snapshot = join(warehouseDir, CURRENT);
  const manifest = JSON.parse(readFileSync(join(snapshot, 'manifest.json'), 'utf8')) as Manifest;
  const split = JSON.parse(readFileSync(join(snapshot, 'marts', 'split.json'), 'utf8')) as SplitExport[];
  const whole = FIRST_CHART_MARTS.map((name) => manifest.marts.find((m) => m.name === name));
  const rollups = FIRST_CHART_MARTS.map((name) => split.find((s) => s.name === `provinces/${name}`)?.bytes ?? 0);
  return {
    first_chart_whole: whole.every(Boolean) ? whole.reduce((n, m) => n + m!.bytes, 0) : null,
    not_written_whole: FIRST_CHART_MARTS.filter((_, i) => !whole[i]).map((name) => ({
      name,
      rows: split.find((s) => s.name === `provinces/${name}`)?.source_rows ?? 0,
    })),
    first_chart_provinces: rollups.reduce((a, b) => a + b, 0),
    largest_school_file: split.find((s) => s.name.startsWith('schools/'))?.max_file_bytes ?? 0,
  };
}
