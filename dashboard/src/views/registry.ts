/**
 * Which component draws each route and which filters it honours. A filter a view does not honour
 * is disabled in the filter bar, with the reason shown, instead of being silently ignored.
 */
import type { Component } from 'svelte';
import type { FilterKey, Route } from '../lib/url-state.ts';
import type { Messages } from '../i18n/zh.ts';
import type { ViewContext } from './context.ts';
import { mart } from '../data.svelte.ts';
import { yearsOf } from '../lib/aggregate.ts';
import Overview from './Overview.svelte';
import Gaps from './Gaps.svelte';
import Coverage from './Coverage.svelte';
import Districts from './Districts.svelte';
import Concentration from './Concentration.svelte';
import Lag from './Lag.svelte';
import Funding from './Funding.svelte';
import Outlook from './Outlook.svelte';
import Plan from './Plan.svelte';
import Schools from './Schools.svelte';
import Loop from './Loop.svelte';
import Postings from './Postings.svelte';
import DataStatus from './DataStatus.svelte';
import Definitions from './Definitions.svelte';

export interface ViewEntry {
  component: Component<{ ctx: ViewContext }>;
  filters: readonly FilterKey[];
  note?: (m: Messages) => string;
  /** The years the view has data for (newest first), when fewer than the snapshot's: the year menu offers only these. */
  years?: () => Promise<number[]>;
}

const ALL: readonly FilterKey[] = ['year', 'level', 'district', 'ownership'];
const demandNote = (m: Messages) => m.filters.demandNoOwnership;

export const VIEWS: Record<Route, ViewEntry> = {
  overview: { component: Overview, filters: ALL, note: demandNote },
  gaps: { component: Gaps, filters: ALL, note: demandNote },
  coverage: { component: Coverage, filters: ALL },
  districts: { component: Districts, filters: ['year', 'level', 'ownership'], note: demandNote },
  concentration: { component: Concentration, filters: ['year', 'level', 'district', 'ownership'] },
  lag: { component: Lag, filters: ['level', 'district', 'ownership'], note: demandNote },
  funding: { component: Funding, filters: ['level'] },
  outlook: { component: Outlook, filters: [] },
  plan: { component: Plan, filters: [] },
  schools: { component: Schools, filters: ALL },
  loop: { component: Loop, filters: [] },
  postings: { component: Postings, filters: ['year'], years: () => mart('mart_industry_postings').then(yearsOf) },
  data: { component: DataStatus, filters: [] },
  definitions: { component: Definitions, filters: [] },
};
