/**
 * Row types of the postings marts: demand counted from job postings, kept beside the aggregated
 * demand (never added to it), and how well the classification rules cover the postings.
 */
import type { Level } from './types.ts';

export interface IndustryPostingsRow {
  year: number; industry_code: string; name_zh: string; name_en: string;
  /** Aggregated openings (mart_industry.demand). */
  demand: number;
  postings: number; posting_openings: number;
  /** Openings of postings asking for a vocational level: the part comparable with `demand`. */
  vocational_posting_openings: number;
  posting_share_of_demand: number | null;
  /** The year's, repeated on every industry row. */
  unclassified_postings: number; share_unclassified: number;
}

export interface PostingUnclassifiedRow {
  year: number; title: string; postings: number; posting_openings: number; employers: number;
  top_industry_hint: string; share_of_postings: number; rank: number;
}

export interface PostingRuleRow {
  rule_id: string; priority: number; field: 'title' | 'employer' | 'industry_hint'; keyword: string;
  industry_code: string; segment_code: string; matched: number; fired: number; posting_openings: number;
}

export interface PostingDemandRow {
  year: number; month: number; industry_code: string; district_code: string; education: Level | 'other';
  postings: number; posting_openings: number;
}
