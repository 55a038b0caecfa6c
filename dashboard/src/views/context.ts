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

/** Inputs that stand for a table: programmes may come from the 备案 listing and its figures file. */
const SOURCES: Record<string, string[]> = { programmes: ['programmes', 'programme_listing', 'programme_figures'] };

/** A chart's source line: the input files behind it and when the snapshot was refreshed. */
export function sourceLine(manifest: Manifest, tables: readonly string[]): string {
  const fileOf = (t: string) => manifest.inputs.filter((i) => (SOURCES[t] ?? [t]).includes(i.table)).map((i) => i.file).join(' + ') || t;
  const files = tables.map(fileOf).join(', ');
  return app.m.chart.source(files, app.f.dateTime(manifest.finished_at));
}

export function industryName(industries: readonly IndustryDimRow[], code: string, lang: Lang): string {
  const row = industries.find((i) => i.industry_code === code);
  return row ? (lang === 'en' ? row.name_en : row.name_zh) : code;
}
