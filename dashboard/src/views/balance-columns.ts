/** Table columns for industry balances, shared by the views that chart them, in the reader's language. */
import type { Balance } from '../lib/balance.ts';
import type { Column } from '../lib/table.ts';
import type { Messages } from '../i18n/zh.ts';
import type { Format } from '../../../pipeline/shared/format.ts';
import { linkTo } from '../state.svelte.ts';

export function balanceColumns(name: (code: string) => string, m: Messages, f: Format) {
  const c = m.gaps.columns;
  const col = (label: string, cell: (b: Balance) => string, def?: string, numeric = true): Column<Balance> => ({ label, cell, numeric, def });
  return {
    // The name opens what is behind the industry's balance (the gaps view's drill-down).
    industry: { ...col(c.industry, (b) => name(b.industry_code), undefined, false), link: (b: Balance) => ({ href: linkTo('gaps', { drill: b.industry_code, major: '' }), data: { 'data-drill-link': b.industry_code } }) },
    signal: col(c.signal, (b) => m.signals[b.signal], 'signal', false),
    supply: col(m.gaps.supply, (b) => f.int(b.supply), 'supply'),
    supplyEstimated: col(m.gaps.supplyEstimated, (b) => f.int(b.supply_estimated), 'supply_estimated'),
    demand: col(m.gaps.demand, (b) => f.int(b.demand), 'demand'),
    gap: col(c.gap, (b) => f.int(b.gap), 'gap'),
    fill: col(c.fill, (b) => f.pct(b.fill_ratio), 'fill_ratio'),
    openings: col(c.openings, (b) => f.int(b.openings), 'openings'),
    seekers: col(c.seekers, (b) => f.int(b.seekers), 'seekers'),
    ratio: col(c.ratio, (b) => (b.suppressed ? m.chart.tooFew : f.dec(b.demand_ratio)), 'demand_ratio'),
    schools: col(m.coverage.columns.schools, (b) => f.int(b.schools), 'industry_coverage'),
    points: col(m.coverage.columns.points, (b) => f.int(b.programme_points), 'industry_coverage'),
  };
}
