/**
 * The view state lives in the URL hash (`#/gaps?year=2025&level=higher`), so a copied link
 * reproduces the view. Parsing is forgiving: unknown routes fall back to the overview and
 * invalid filter values are dropped rather than breaking the page.
 */
import { LEVELS, OWNERSHIPS, type Level, type Ownership } from './types.ts';

export const ROUTES = ['overview', 'gaps', 'coverage', 'districts', 'concentration', 'lag', 'funding', 'outlook', 'plan', 'schools', 'loop', 'postings', 'data', 'definitions'] as const;
export type Route = (typeof ROUTES)[number];

export interface ViewState { route: Route; params: Record<string, string> }

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
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
  return { route, params: Object.fromEntries(new URLSearchParams(query)) };
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

