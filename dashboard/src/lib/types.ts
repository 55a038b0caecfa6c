/**
 * Row types of the marts the dashboard reads (the warehouse contract) and of manifest.json.
 * Kept as plain interfaces: the Arrow decoder yields plain objects with exactly these keys.
 */
import type { LoopDetailRow, LoopRow, RecommendationRow, SchoolReportRow } from './types-recommend.ts';
import type { FutureGapRow, OutlookAccuracyRow, OutlookRow, PlanConstraintRow, PlanEffectRow, PlanGapRow, PlanOptionRow, PlanRow,
  PlanStatusRow, PlanTrackingCityRow, PlanTrackingDetailRow, PlanTrackingRow } from './types-plan.ts';
import type { IndustryPostingsRow, PostingDemandRow, PostingOccupationRow, PostingRuleRow, PostingUnclassifiedRow } from './types-postings.ts';

export type Level = 'secondary' | 'higher' | 'bachelor';
export type Ownership = 'public' | 'private';
export type Signal = 'shortage' | 'balanced' | 'oversupply' | 'no_demand';
export type LagStrength = 'clear' | 'no_clear_response' | 'insufficient_data';

export const LEVELS: readonly Level[] = ['secondary', 'higher', 'bachelor'];
export const OWNERSHIPS: readonly Ownership[] = ['public', 'private'];

export interface OverviewRow {
  year: number; level: Level; district_code: string; ownership: Ownership;
  schools: number; programme_points: number; matched_points: number; students: number;
  estimated_students: number; matched_students: number; digital_students: number; graduates: number; estimated_graduates: number;
}

export interface SupplySliceRow {
  year: number; industry_code: string; level: Level; district_code: string; ownership: Ownership;
  schools: number; programme_points: number; supply: number;
  /** The part of supply from graduates estimated as students ÷ duration (docs/metrics.md). */
  supply_estimated: number;
}

export interface DemandSliceRow {
  year: number; industry_code: string; level: Level; district_code: string;
  openings: number; seekers: number; demand: number;
}

export interface IndustryRow {
  year: number; industry_code: string; name_zh: string; name_en: string; key: boolean; tier: number;
  schools: number; programme_points: number; supply: number; demand: number; gap: number;
  fill_ratio: number | null; openings: number; seekers: number; demand_ratio: number | null;
  suppressed: boolean; signal: Signal; tight: boolean; segments_total: number; segments_covered: number;
  chain_coverage: number | null; uncovered_segments: string; demand_growth: number | null; urgency: number;
  supply_estimated: number;
}

export interface SegmentRow {
  year: number; industry_code: string; segment_code: string; segment_name: string; segment_name_en: string;
  stage: 'upstream' | 'midstream' | 'downstream' | 'service'; schools: number; programme_points: number;
  supply: number; covered: boolean;
}

export interface MajorRow {
  year: number; major_code: string; major_name: string; level: Level; division_name: string; category_name: string;
  schools: number; programme_points: number; students: number; share: number; rank: number; duplicated: boolean;
  industries: string;
}

export interface ConcentrationRow {
  year: number; programme_points: number; majors: number; top_n_share: number; hhi: number; duplicated_majors: number;
}

export interface OverlapRow {
  year: number; school_code: string; school_name: string; level: Level; district_code: string; majors: number;
  overlapping_majors: number; overlap_share: number | null; over_cap: boolean;
}

export interface LagRow {
  industry_code: string; name_zh: string; name_en: string; years_available: number;
  lag_years: number | null; correlation: number | null; strength: LagStrength;
}

export interface FundingRow {
  major_code: string; major_name: string; level: Level; cost_tier: number; cost_factor: number;
  students: number; urgency: number; coefficient: number; budget_impact: number;
  /** Of the students, those estimated (备案 listing rows without figures), and the budget impact resting on them. */
  estimated_students: number; budget_impact_estimated: number;
}

export interface SchoolRow {
  school_code: string; school_name: string; level: Level; district_code: string; district_name: string;
  ownership: Ownership; programme_points: number; students: number; graduates: number; matched_points: number;
  overlap_share: number | null;
}

export interface SchoolProgrammeRow {
  year: number; school_code: string; major_code: string; major_name: string; category_name: string;
  division_name: string; students: number; graduates: number | null; employment_rate: number | null;
  industries: string; key_matched: boolean;
  /** Students (and so graduates) estimated: a point of the 备案 listing without figures. */
  figures_estimated: boolean;
  /** Graduates estimated as students ÷ duration. */
  graduates_estimated: boolean;
}

export interface IndustrySupplyRow {
  year: number; industry_code: string; school_code: string; school_name: string; major_code: string; major_name: string;
  level: Level; district_code: string; ownership: Ownership; weight: number; graduates: number; supply: number;
  /** Students (and so graduates) estimated: a point of the 备案 listing without figures. */
  figures_estimated: boolean;
  /** Graduates estimated (students ÷ duration, or none for a programme too new to have any). */
  graduates_estimated: boolean;
}

export interface DistrictRow { district_code: string; district_name: string; area_group: string }

export interface IndustryDimRow { industry_code: string; name_zh: string; name_en: string; tier: number; key: boolean }

export interface SegmentDimRow {
  industry_code: string; segment_code: string; segment_name: string; segment_name_en: string;
  stage: 'upstream' | 'midstream' | 'downstream' | 'service';
}

/** Rows of the marts that are cut per school: a school page fetches only its own. */
export type SchoolGrainRow = { school_code: string };

/** Every table the dashboard may fetch, by file name (marts/<name>.arrow). */
export interface Marts {
  mart_overview: OverviewRow;
  mart_supply_slice: SupplySliceRow;
  mart_demand_slice: DemandSliceRow;
  mart_industry: IndustryRow;
  mart_segment: SegmentRow;
  mart_major: MajorRow;
  mart_concentration: ConcentrationRow;
  mart_school_overlap: OverlapRow;
  mart_lag: LagRow;
  mart_funding: FundingRow;
  mart_school: SchoolRow;
  mart_school_programme: SchoolProgrammeRow;
  mart_industry_supply: IndustrySupplyRow;
  mart_school_report: SchoolReportRow;
  mart_recommendation: RecommendationRow;
  mart_loop: LoopRow;
  mart_loop_detail: LoopDetailRow;
  mart_industry_postings: IndustryPostingsRow;
  mart_posting_unclassified: PostingUnclassifiedRow;
  mart_posting_rules: PostingRuleRow;
  mart_posting_demand: PostingDemandRow;
  mart_posting_occupations: PostingOccupationRow;
  mart_outlook: OutlookRow;
  mart_outlook_accuracy: OutlookAccuracyRow;
  mart_future_gap: FutureGapRow;
  mart_plan: PlanRow;
  mart_plan_gap: PlanGapRow;
  mart_plan_constraints: PlanConstraintRow;
  mart_plan_status: PlanStatusRow;
  mart_plan_options: PlanOptionRow;
  mart_plan_effects: PlanEffectRow;
  mart_plan_tracking: PlanTrackingRow;
  mart_plan_tracking_city: PlanTrackingCityRow;
  mart_plan_tracking_detail: PlanTrackingDetailRow;
  dim_district: DistrictRow;
  dim_industry: IndustryDimRow;
  dim_segment: SegmentDimRow;
}
export type MartName = keyof Marts;
/** Marts with a school_code column, which a school page may fetch cut to one school. */
export type SchoolMartName = { [K in MartName]: Marts[K] extends SchoolGrainRow ? K : never }[MartName];

export interface SignalPolicy { shortage_below: number; oversupply_above: number; tight_above: number; min_openings: number }

/** The funding block of pipeline/config/policy.json: the parameters the funding view lets analysts vary. */
export interface FundingPolicy {
  base: number; per_student_base: number; alpha: number;
  cost_factor_1: number; cost_factor_2: number; cost_factor_3: number;
  band_low: number; band_high: number;
}

export interface Policy {
  signal: SignalPolicy;
  funding: FundingPolicy;
  digital: { band_low: number; band_high: number };
  concentration: { top_n: number; duplicated_above_schools: number; overlap_cap: number };
  lag: { min_years: number; weak_below: number };
  recommend: { review_employment_below: number };
  [block: string]: object;
}

/** Where a file delivered on the platform came from: its submission number, its name as sent, the sender and when. */
export interface UploadSource { upload: number; name: string; by: string; at: string }

export interface Manifest {
  status: 'ok';
  snapshot?: string;
  /** `postings`: only new daily postings were added to a copy of snapshot base.from's warehouse. */
  mode?: 'full' | 'postings';
  base?: { from: string };
  data_label: string;
  synthetic: boolean;
  started_at: string;
  finished_at: string;
  /** `upload`: where a file accepted on the platform came from (its name as sent, the sender, when). */
  inputs: {
    table: string; file: string; sha256: string; rows: number; rejected: number; upload?: UploadSource; schools?: string[];
    /** The postings feed's days delivered on the platform. */
    uploads?: { file: string; upload: UploadSource }[];
  }[];
  rejected_total?: number;
  warnings?: string[];
  rejects: { table: string; file: string; line: number; column: string; value: string | null; reason: string }[];
  model_tests: { name: string; failing_rows: number; passed: boolean }[];
  summary: { year: number; programme_points: number; schools: number; match_rate: number; graduates: number; estimated_graduates: number; digital_share: number;
    students: number; estimated_students: number } | null;
  policy: Policy;
  marts: { name: string; rows: number; bytes: number }[];
  /** Programme figures estimated (with their method) or missing, and on how many rows; absent in older snapshots. */
  /** The proposal tracked against the actual plan: the data folder's plan_proposals or the refresh's archive; absent in older snapshots. */
  proposals?: { source: 'data' | 'archive'; file: string; plan_year: number | null } | null;
  figures?: { rows: number; estimated: { figures: string[]; rows: number; method: string }[]; missing: { figure: string; rows: number }[] };
}
