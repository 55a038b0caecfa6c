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
  /** The year's postings placed outside the key industries, repeated on every industry row. */
  outside_postings: number; share_outside: number;
}

/** A title (as classified) or an employer of unclassified postings. */
export interface PostingUnclassifiedRow {
  year: number; field: 'title' | 'employer'; value: string; postings: number; posting_openings: number;
  top_industry_hint: string; share_of_postings: number; rank: number;
}

export interface PostingRuleRow {
  rule_id: string; priority: number; field: 'title' | 'employer' | 'industry_hint'; keyword: string; exclude: string;
  /** '' for a rule placing postings outside the key industries. */
  industry_code: string; segment_code: string; rationale: string; matched: number; fired: number; posting_openings: number;
}

export type PostingScope = 'key' | 'outside' | 'unclassified';
export type PostingConfidence = 'high' | 'medium' | 'low';

/** Postings by the occupation their title names and the industry the rules give them. */
export interface PostingOccupationRow {
  year: number; month: number;
  /** Major group of the 国家职业分类大典 (2022), 1–6; 0 when the title names no occupation. */
  major_group: number; occupation: string;
  industry_code: string; scope: PostingScope; confidence: PostingConfidence | '';
  postings: number; posting_openings: number;
}

export interface PostingDemandRow {
  year: number; month: number; industry_code: string; district_code: string; education: Level | 'other';
  postings: number; posting_openings: number;
}
