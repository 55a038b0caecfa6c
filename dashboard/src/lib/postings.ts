/**
 * Demand from job postings, beside (never added to) the aggregated demand: a year's postings
 * classified and not, postings per month, and which classification rules do nothing.
 */
import { rollup } from './aggregate.ts';
import type { IndustryPostingsRow, PostingDemandRow, PostingRuleRow } from './types-postings.ts';

export interface PostingsYear {
  classified: number;
  unclassified: number;
  postings: number;
  /** As the warehouse computed it: unclassified ÷ all postings of the year. */
  share_unclassified: number | null;
  posting_openings: number;
  vocational_posting_openings: number;
  demand: number;
}

/** The year's figures; null when the postings feed does not cover the year. */
export function postingsYear(rows: readonly IndustryPostingsRow[], year: number): PostingsYear | null {
  const own = rows.filter((r) => r.year === year);
  if (!own.length) return null;
  const sum = (key: 'postings' | 'posting_openings' | 'vocational_posting_openings' | 'demand') => own.reduce((n, r) => n + r[key], 0);
  const classified = sum('postings');
  // The unclassified count and share are the year's, repeated on every industry row.
  const { unclassified_postings: unclassified, share_unclassified } = own[0];
  return {
    classified, unclassified, postings: classified + unclassified, share_unclassified,
    posting_openings: sum('posting_openings'), vocational_posting_openings: sum('vocational_posting_openings'), demand: sum('demand'),
  };
}

/** Postings and their openings per month of the year (1–12), months without postings as 0. */
export function postingsByMonth(rows: readonly PostingDemandRow[], year: number): { month: number; postings: number; posting_openings: number }[] {
  const sums = rollup(rows.filter((r) => r.year === year), (r) => String(r.month), ['postings', 'posting_openings']);
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...(sums.get(String(i + 1)) ?? { postings: 0, posting_openings: 0 }) }));
}

/**
 * Rules that classify nothing: `shadowed` match postings that a higher-priority rule takes first,
 * `unmatched` match no posting at all (a misspelt keyword, or a term no employer uses).
 */
export function idleRules(rules: readonly PostingRuleRow[]): { shadowed: PostingRuleRow[]; unmatched: PostingRuleRow[] } {
  return { shadowed: rules.filter((r) => r.matched > 0 && r.fired === 0), unmatched: rules.filter((r) => r.matched === 0) };
}
