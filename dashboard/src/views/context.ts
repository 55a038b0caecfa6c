/** What every view receives from the app shell: the snapshot's manifest, resolved filters and lookups. */
import type { DistrictRow, IndustryDimRow, Manifest } from '../lib/types.ts';
import type { Filters } from '../lib/url-state.ts';
import type { Lang } from '../../../pipeline/shared/format.ts';
import type { Grain } from '../lib/snapshot-files.ts';
import { app } from '../state.svelte.ts';

export interface ViewContext {
  manifest: Manifest;
  /** District, or province when the snapshot's county marts are only rolled up (national scale). */
  grain: Grain;
  /** Filters with the year resolved (the latest year when the URL names none). */
  filters: Filters & { year: number };
  years: number[];
  districts: DistrictRow[];
  industries: IndustryDimRow[];
}

/** A chart's source line: the input files behind it and when the snapshot was refreshed. */
export function sourceLine(manifest: Manifest, tables: readonly string[]): string {
  const files = tables.map((t) => manifest.inputs.find((i) => i.table === t)?.file ?? t).join(', ');
  return app.m.chart.source(files, app.f.dateTime(manifest.finished_at));
}

export function industryName(industries: readonly IndustryDimRow[], code: string, lang: Lang): string {
  const row = industries.find((i) => i.industry_code === code);
  return row ? (lang === 'en' ? row.name_en : row.name_zh) : code;
}
