/** What every view receives from the app shell: the snapshot's manifest, resolved filters and lookups. */
import type { DistrictRow, IndustryDimRow, Manifest } from '../lib/types.ts';
import type { Filters } from '../lib/url-state.ts';
import type { Lang } from '../../../pipeline/shared/format.ts';
import type { Grain } from '../lib/snapshot-files.ts';
import { app } from '../state.svelte.ts';
import { SOURCES, type InputTable } from '../../../pipeline/shared/definitions.ts';

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

/**
 * A chart's source line: the inputs behind it cited by issuing body and table (the files are listed
 * under 数据状态), and when the snapshot was refreshed.
 */
export function sourceLine(manifest: Manifest, tables: readonly InputTable[]): string {
  const cited = tables.map((t) => SOURCES[t][app.lang]).join(app.m.chart.sourceSep);
  return app.m.chart.source(`${cited}${manifest.synthetic ? app.m.chart.synthetic : ''}`, app.f.dateTime(manifest.finished_at));
}

export function industryName(industries: readonly IndustryDimRow[], code: string, lang: Lang): string {
  const row = industries.find((i) => i.industry_code === code);
  return row ? (lang === 'en' ? row.name_en : row.name_zh) : code;
}
