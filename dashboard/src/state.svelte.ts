/**
 * The app's one piece of navigation state: route and parameters, mirrored in the URL hash so any
 * view can be linked to. Language is a parameter too (`lang=en`), so a link keeps its language.
 */
import { untrack } from 'svelte';
import { filtersFromParams, formatHash, parseHash, resolveParams, type Filters, type ParamFix, type ParamRule, type Route, type ViewState } from './lib/url-state.ts';
import type { Format, Lang } from '../../pipeline/shared/format.ts';
import { dashboardFormat } from './lib/time.ts';
import { zh } from './i18n/zh.ts';
import { en } from './i18n/en.ts';
import type { Messages } from './i18n/zh.ts';

const MESSAGES: Record<Lang, Messages> = { zh, en };
// times in Beijing time, named so (lib/time.ts)
const FORMATS: Record<Lang, Format> = { zh: dashboardFormat('zh', zh.wording.timeZone), en: dashboardFormat('en', en.wording.timeZone) };

/** Parameters that follow the reader from view to view; the rest belong to one view. */
const GLOBAL_PARAMS = ['year', 'level', 'district', 'ownership', 'lang'];

const initial = parseHash(location.hash);
let route = $state<Route>(initial.route);
// One signal per parameter: a filter change re-runs only what reads that filter, not everything
// that reads the language or another view's parameter.
const current = $state<Record<string, string>>(initial.params);

/** A parameter of the link that was replaced, and the sentence telling the reader so. */
export interface LinkNotice { key: string; text: string }
let notices = $state.raw<LinkNotice[]>([]);

/** Shows `next`, touching only the parameters that differ. */
function show(next: ViewState): void {
  route = next.route;
  for (const key of Object.keys(current)) if (!(key in next.params)) delete current[key];
  Object.assign(current, next.params);
}
/** The last parameter changed on its own, and when: repeated changes of it make one history entry. */
let lastChange: { key: string; at: number } | null = null;
/** Changes of one parameter closer together than this are a burst (arrow keys stepping through a select's options). */
const BURST_MS = 1000;

/** An unknown route shows the overview: the URL says so (no new history entry) and the reader is told. */
function arrive(next: ViewState): void {
  if (!next.unknownRoute) return;
  history.replaceState(null, '', formatHash(next));
  const m = MESSAGES[next.params.lang === 'en' ? 'en' : 'zh'];
  notices = [{ key: 'route', text: m.notices.link(m.notices.params.route, next.unknownRoute, m.routes.overview, 'missing') }];
}
arrive(initial);

// Back and Forward between entries that differ only in the hash fire hashchange.
window.addEventListener('hashchange', () => {
  lastChange = null;
  notices = [];
  const next = parseHash(location.hash);
  show(next);
  arrive(next);
});

export const app = {
  get route(): Route { return route; },
  get params(): Record<string, string> { return current; },
  get lang(): Lang { return current.lang === 'en' ? 'en' : 'zh'; },
  get m(): Messages { return MESSAGES[this.lang]; },
  get f(): Format { return FORMATS[this.lang]; },
  get filters(): Filters { return filtersFromParams(current); },
};

/**
 * Changes parameters of the current view. Each change is a history entry, so Back restores the
 * previous filter; but a burst of changes to one parameter (stepping through a select's options
 * with the arrow keys) is one entry, so Back returns to the value before the burst instead of
 * through every option passed on the way. `replace` is for input typed letter by letter (a
 * search), which would otherwise take one Back per keystroke.
 */
export function setParams(patch: Record<string, string>, { replace = false } = {}): void {
  const next = { route, params: { ...current, ...patch } };
  const hash = formatHash(next);
  if (hash === formatHash({ route, params: current })) return;
  const changed = Object.keys(patch).filter((key) => (patch[key] || undefined) !== (current[key] || undefined));
  const at = performance.now();
  const burst = changed.length === 1 && lastChange?.key === changed[0] && at - lastChange.at < BURST_MS;
  lastChange = changed.length === 1 ? { key: changed[0], at } : null;
  notices = [];
  show(next);
  if (replace || burst) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
}

/** The link to another view, carrying the global parameters along. */
export function linkTo(route: Route, params: Record<string, string> = {}): string {
  const kept = Object.fromEntries(GLOBAL_PARAMS.filter((k) => current[k]).map((k) => [k, current[k]]));
  return formatHash({ route, params: { ...kept, ...params } });
}

/** The parameters of the link replaced since the reader last navigated. */
export const linkNotices = {
  get list(): readonly LinkNotice[] { return notices; },
  dismiss(): void { notices = []; },
};

/** A rule for a parameter, with how to state it: its name and the words for a value shown. */
export interface CheckedParam extends ParamRule {
  label: string;
  show: (value: string) => string;
  /** Why a value is refused: it names nothing (the default), names something without data (a year), or is no value at all (not a number). */
  why?: 'missing' | 'noData' | 'invalid';
}

/**
 * The one way a component reads parameters that must name something the data has (a year, a
 * district, an industry, a metric…): each resolves to its value or, when the link's value is not
 * valid, to the rule's fallback; the URL is then rewritten to what is shown (replaceState: a stale
 * link is corrected, not added to the history) and a notice says what was replaced and by what.
 * Call during a component's initialisation; `rules` is reactive.
 */
export function checkParams(rules: () => readonly CheckedParam[]): { readonly values: Record<string, string> } {
  const resolved = $derived.by(() => {
    const list = rules();
    return { list, ...resolveParams(current, list) };
  });
  $effect(() => {
    const { fixes, list } = resolved;
    if (fixes.length) untrack(() => correct(fixes, list));
  });
  return { get values() { return resolved.values; } };
}

function correct(fixes: readonly ParamFix[], rules: readonly CheckedParam[]): void {
  const m = MESSAGES[current.lang === 'en' ? 'en' : 'zh'].notices;
  const added = fixes.map((fix): LinkNotice => {
    const rule = rules.find((r) => r.key === fix.key)!;
    return { key: fix.key, text: m.link(rule.label, fix.given, rule.show(fix.shown), rule.why ?? 'missing') };
  });
  show({ route, params: { ...current, ...Object.fromEntries(fixes.map((f) => [f.key, f.shown])) } });
  history.replaceState(null, '', formatHash({ route, params: current }));
  notices = [...notices.filter((n) => !fixes.some((f) => f.key === n.key)), ...added];
}
