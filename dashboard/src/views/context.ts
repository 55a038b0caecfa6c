/** What every view receives from the app shell: the snapshot's manifest, resolved filters and lookups. */
import type { DistrictRow, IndustryDimRow, Manifest } from '../lib/types.ts';
import type { Filters } from '../lib/url-state.ts';
import type { Lang } from '../../../pipeline/shared/format.ts';
import type { Grain } from '../lib/snapshot-files.ts';
import { app, type CheckedParam } from '../state.svelte.ts';
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

/** Years as a span, "2025" or "2019–2025", in whatever order they come. */
export function yearSpan(years: readonly number[]): string {
  if (!years.length) return '—';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * A chart's source line: the inputs behind it cited by issuing body and table (the files are listed
 * under 数据状态), the years of the data charted (by default the year the filters resolve to), and
 * when the snapshot was refreshed.
 */
export function sourceLine(ctx: ViewContext, tables: readonly InputTable[], years: readonly number[] = [ctx.filters.year]): string {
  const cited = tables.map((t) => SOURCES[t][app.lang]).join(app.m.chart.sourceSep);
  return app.m.chart.source(`${cited}${ctx.manifest.synthetic ? app.m.chart.synthetic : ''}`, yearSpan(years), app.f.dateTime(ctx.manifest.finished_at));
}

export function industryName(industries: readonly IndustryDimRow[], code: string, lang: Lang): string {
  const row = industries.find((i) => i.industry_code === code);
  return row ? (lang === 'en' ? row.name_en : row.name_zh) : code;
}

/**
 * The rule for a parameter naming an industry (checkParams): one of `codes` (null while they load),
 * else `fallback` ('' = none picked), stated by the industry's name.
 */
export function industryParam(ctx: ViewContext, key: string, codes: readonly string[] | null, fallback = ''): CheckedParam {
  const n = app.m.notices;
  return { key, valid: codes, fallback, label: n.params[key] ?? app.m.filters.industry,
    show: (code) => (code ? industryName(ctx.industries, code, app.lang) : n.allOf(app.m.filters.industry)) };
}
