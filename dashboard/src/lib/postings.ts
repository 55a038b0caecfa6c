/**
 * Demand from job postings, beside (never added to) the aggregated demand: a year's postings
 * classified and not, postings per month, the two axes (occupation × industry) with the confidence
 * of the classification, and which classification rules do nothing.
 */
import { rollup } from './aggregate.ts';
import type { IndustryPostingsRow, PostingConfidence, PostingOccupationRow, PostingRuleRow } from './types-postings.ts';

export interface PostingsYear {
  /** Postings of the key industries. */
  classified: number;
  /** Postings the rules place outside the key industries. */
  outside: number;
  unclassified: number;
  postings: number;
  /** As the warehouse computed it: unclassified ÷ all postings of the year. */
  share_unclassified: number | null;
  share_outside: number | null;
  /** Headcount of every posting of the year, as `postings` counts every posting. */
  posting_openings: number;
  /** Headcount of the key industries' postings asking for a vocational level: comparable with their demand. */
  vocational_posting_openings: number;
  demand: number;
}

/**
 * The year's figures from the key industries' rows and the occupation rows (every posting, in or
 * outside the key industries or unclassified); null when the postings feed does not cover the year.
 */
export function postingsYear(rows: readonly IndustryPostingsRow[], all: readonly PostingOccupationRow[], year: number): PostingsYear | null {
  const own = rows.filter((r) => r.year === year);
  if (!own.length) return null;
  const sum = (key: 'postings' | 'vocational_posting_openings' | 'demand') => own.reduce((n, r) => n + r[key], 0);
  const classified = sum('postings');
  // The unclassified and outside counts and shares are the year's, repeated on every industry row.
  const { unclassified_postings: unclassified, share_unclassified, outside_postings: outside, share_outside } = own[0];
  return {
    classified, outside, unclassified, postings: classified + outside + unclassified, share_unclassified, share_outside,
    posting_openings: all.reduce((n, r) => n + (r.year === year ? r.posting_openings : 0), 0),
    vocational_posting_openings: sum('vocational_posting_openings'), demand: sum('demand'),
  };
}

/** Postings and their openings per month of the year (1–12), months without postings as 0: every posting, given the occupation rows. */
export function postingsByMonth(rows: readonly PostingOccupationRow[], year: number): { month: number; postings: number; posting_openings: number }[] {
  const sums = rollup(rows.filter((r) => r.year === year), (r) => String(r.month), ['postings', 'posting_openings']);
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...(sums.get(String(i + 1)) ?? { postings: 0, posting_openings: 0 }) }));
}

/**
 * Which table a rule comes from: the rules file, or the employer table, whose entries the warehouse
 * makes rules on the employer field with the id `employer:<name>` (int_posting_rules.sql).
 */
export function ruleTable(rule: Pick<PostingRuleRow, 'rule_id'>): 'posting_rules' | 'posting_employers' {
  return rule.rule_id.startsWith('employer:') ? 'posting_employers' : 'posting_rules';
}

/**
 * Rules that classify nothing: `shadowed` match postings that a higher-priority rule takes first,
 * `unmatched` match no posting at all (a misspelt keyword, or a term no employer uses).
 */
export function idleRules(rules: readonly PostingRuleRow[]): { shadowed: PostingRuleRow[]; unmatched: PostingRuleRow[] } {
  return { shadowed: rules.filter((r) => r.matched > 0 && r.fired === 0), unmatched: rules.filter((r) => r.matched === 0) };
}

export interface OccupationLine {
  major_group: number;
  occupation: string;
  postings: number;
  /** Postings of the occupation per industry code ('' outside the key industries), most first. */
  industries: { industry_code: string; postings: number }[];
  unclassified: number;
}

/** The year's postings per occupation, most first, with the industries they fall in. */
export function occupationLines(rows: readonly PostingOccupationRow[], year: number): OccupationLine[] {
  const lines = new Map<string, OccupationLine & { byIndustry: Map<string, number> }>();
  for (const r of rows) {
    if (r.year !== year) continue;
    const key = `${r.major_group}|${r.occupation}`;
    const line = lines.get(key) ?? { major_group: r.major_group, occupation: r.occupation, postings: 0, industries: [], unclassified: 0, byIndustry: new Map() };
    line.postings += r.postings;
    if (r.scope === 'unclassified') line.unclassified += r.postings;
    else line.byIndustry.set(r.industry_code, (line.byIndustry.get(r.industry_code) ?? 0) + r.postings);
    lines.set(key, line);
  }
  return [...lines.values()]
    .map(({ byIndustry, ...line }) => ({
      ...line,
      industries: [...byIndustry].map(([industry_code, postings]) => ({ industry_code, postings }))
        .sort((a, b) => b.postings - a.postings || a.industry_code.localeCompare(b.industry_code)),
    }))
    .sort((a, b) => b.postings - a.postings || a.major_group - b.major_group || a.occupation.localeCompare(b.occupation));
}

export type ConfidenceCounts = Record<PostingConfidence, number>;

/** The year's classified postings per industry code ('' outside) by the confidence of their classification. */
export function confidenceByIndustry(rows: readonly PostingOccupationRow[], year: number): Map<string, ConfidenceCounts> {
  const out = new Map<string, ConfidenceCounts>();
  for (const r of rows) {
    if (r.year !== year || r.scope === 'unclassified' || r.confidence === '') continue;
    const counts = out.get(r.industry_code) ?? { high: 0, medium: 0, low: 0 };
    counts[r.confidence] += r.postings;
    out.set(r.industry_code, counts);
  }
  return out;
}

/** An occupation with its major group beside it, unless the group is its own name (生产制造人员). */
export const occupationLabel = (occupation: string, group: string): string => (group === occupation ? occupation : `${occupation}（${group}）`);
