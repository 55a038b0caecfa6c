/**
 * The view state lives in the URL hash (`#/gaps?year=2025&level=higher`), so a copied link
 * reproduces the view. Parsing is forgiving: an unknown route falls back to the overview (and
 * says which it was, so the page can tell the reader), and a parameter naming nothing the data has
 * is replaced by what is shown instead (resolveParams), never left to break the page.
 */
import { LEVELS, OWNERSHIPS, type Level, type Ownership } from './types.ts';

export const ROUTES = ['overview', 'gaps', 'coverage', 'districts', 'concentration', 'lag', 'funding', 'outlook', 'plan', 'schools', 'loop', 'postings', 'data', 'definitions'] as const;
export type Route = (typeof ROUTES)[number];

export interface ViewState {
  route: Route;
  params: Record<string, string>;
  /** The route the hash named when it is not one of ROUTES (the overview is shown instead). */
  unknownRoute?: string;
}

export interface Filters {
  year: number | null;
  level: Level | '';
  district: string;
  ownership: Ownership | '';
}

export type FilterKey = keyof Filters;

export function parseHash(hash: string): ViewState {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const name = path.replace(/^\//, '');
  const known = (ROUTES as readonly string[]).includes(name);
  const params = Object.fromEntries(new URLSearchParams(query));
  return known || name === '' ? { route: known ? (name as Route) : 'overview', params } : { route: 'overview', params, unknownRoute: name };
}

/** Empty parameters are left out, so "all" is the absence of a filter. */
export function formatHash({ route, params }: ViewState): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined)).toString();
  return `#/${route}${query ? `?${query}` : ''}`;
}

export function filtersFromParams(params: Record<string, string>): Filters {
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : null;
  const level = (LEVELS as readonly string[]).includes(params.level) ? (params.level as Level) : '';
  const ownership = (OWNERSHIPS as readonly string[]).includes(params.ownership) ? (params.ownership as Ownership) : '';
  const district = /^\d{6}$/.test(params.district ?? '') ? params.district : '';
  return { year, level, district, ownership };
}


/** What a parameter may hold. */
export interface ParamRule {
  key: string;
  /** The values that name something the data has, or a test of one; null while that is not known yet (data loading). */
  valid: readonly string[] | ((value: string) => boolean) | null;
  /** What is shown when the parameter is absent or not valid ('' = nothing chosen: the parameter left out). */
  fallback: string;
}

/** A parameter of the link replaced by what the page shows instead. */
export interface ParamFix { key: string; given: string; shown: string }

/**
 * The value each rule's parameter resolves to (the given one when valid, else the fallback) and a
 * fix for every parameter given but not valid, so the URL can be rewritten to what is shown and
 * the reader told. A rule whose valid values are not known yet takes the given value unchecked.
 */
export function resolveParams(params: Record<string, string>, rules: readonly ParamRule[]): { values: Record<string, string>; fixes: ParamFix[] } {
  const values: Record<string, string> = {};
  const fixes: ParamFix[] = [];
  for (const { key, valid, fallback } of rules) {
    const given = params[key] ?? '';
    if (valid === null) { values[key] = given || fallback; continue; }
    const ok = given !== '' && (typeof valid === 'function' ? valid(given) : valid.includes(given));
    values[key] = ok ? given : fallback;
    if (given !== '' && !ok && given !== fallback) fixes.push({ key, given, shown: fallback });
  }
  return { values, fixes };
}
