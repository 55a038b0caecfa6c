/**
 * The app's one piece of navigation state: route and parameters, mirrored in the URL hash so any
 * view can be linked to. Language is a parameter too (`lang=en`), so a link keeps its language.
 */
import { filtersFromParams, formatHash, parseHash, type Filters, type Route } from './lib/url-state.ts';
import { formatFor, type Format, type Lang } from '../../pipeline/shared/format.ts';
import { zh } from './i18n/zh.ts';
import { en } from './i18n/en.ts';
import type { Messages } from './i18n/zh.ts';

const MESSAGES: Record<Lang, Messages> = { zh, en };
const FORMATS: Record<Lang, Format> = { zh: formatFor('zh'), en: formatFor('en') };

/** Parameters that follow the reader from view to view; the rest belong to one view. */
const GLOBAL_PARAMS = ['year', 'level', 'district', 'ownership', 'lang'];

let view = $state(parseHash(location.hash));
// Back and Forward between entries that differ only in the hash fire hashchange.
window.addEventListener('hashchange', () => { view = parseHash(location.hash); });

export const app = {
  get route(): Route { return view.route; },
  get params(): Record<string, string> { return view.params; },
  get lang(): Lang { return view.params.lang === 'en' ? 'en' : 'zh'; },
  get m(): Messages { return MESSAGES[this.lang]; },
  get f(): Format { return FORMATS[this.lang]; },
  get filters(): Filters { return filtersFromParams(view.params); },
};

/**
 * Changes parameters of the current view. Each change is a history entry, so Back restores the
 * previous filter; `replace` is for input typed letter by letter (a search), which would
 * otherwise take one Back per keystroke.
 */
export function setParams(patch: Record<string, string>, { replace = false } = {}): void {
  const next = { route: view.route, params: { ...view.params, ...patch } };
  if (formatHash(next) === formatHash(view)) return;
  view = next;
  if (replace) history.replaceState(null, '', formatHash(view));
  else history.pushState(null, '', formatHash(view));
}

/** The link to another view, carrying the global parameters along. */
export function linkTo(route: Route, params: Record<string, string> = {}): string {
  const kept = Object.fromEntries(GLOBAL_PARAMS.filter((k) => view.params[k]).map((k) => [k, view.params[k]]));
  return formatHash({ route, params: { ...kept, ...params } });
}
