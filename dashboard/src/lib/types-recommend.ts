/**
 * Row types of the programme-adjustment marts (docs/metrics.md, "Recommendations and loop
 * tracking"): candidate schools per shortage industry, programme labels per school, and whether
 * the recommendations were acted on the following year.
 */
import type { Level, Ownership, Signal } from './types.ts';

/** expand 扩大招生 / keep 保持 / review 论证调减 / open 论证开设 */
export type ProgrammeLabel = 'expand' | 'keep' | 'review' | 'open';
export const PROGRAMME_LABELS: readonly ProgrammeLabel[] = ['expand', 'open', 'review', 'keep'];

export type RecommendAction = 'expand' | 'open';
export type LoopOutcome = 'opened' | 'expanded' | 'reduced' | 'not_acted';

export interface RecommendationRow {
  year: number; recommendation_id: string; industry_code: string; industry_name: string; industry_name_en: string;
  rank: number; school_code: string; school_name: string; level: Level; district_code: string; district_name: string;
  area_group: string; ownership: Ownership; action: RecommendAction; suggested_major_code: string;
  suggested_major_name: string; suggested_majors: string; suggested_major_codes: string; adjacency: string;
  adjacent_majors: string; adjacent_points: number; adjacent_students: number; mapped_points: number;
  mapped_students: number; proximity: string; district_openings: number; area_openings: number; students: number;
  adjacency_score: number; proximity_score: number; size_score: number; score: number; supply: number; demand: number;
  gap: number; fill_ratio: number | null; demand_ratio: number | null; urgency: number;
}

export interface SchoolReportRow {
  year: number; school_code: string; school_name: string; major_code: string; major_name: string; category_name: string;
  division_name: string; label: ProgrammeLabel; recommendation_id: string; offered: boolean; position: number;
  students: number | null; graduates: number | null; plan: number | null; employment_rate: number | null;
  fill_ratio: number | null; industry_code: string | null; industry_name: string | null; industry_name_en: string | null;
  industry_signal: Signal | null; industry_fill_ratio: number | null; industry_gap: number | null; industries: string;
  candidate_rank: number | null; same_category: boolean | null;
  /** Which of the row's figures are estimates (NULL on rows of majors to open). */
  figures_estimated: boolean | null; graduates_estimated: boolean | null;
}

export interface LoopRow {
  year: number; follow_year: number; industry_code: string; name_zh: string; name_en: string;
  recommendations: number; acted: number; opened: number; expanded: number; reduced: number; not_acted: number;
  share_acted: number; plan_added: number; gap_before: number; gap_after: number; gap_closed: number;
  gap_closed_share: number | null; fill_ratio_before: number | null; fill_ratio_after: number | null; signal_after: Signal;
}

export interface LoopDetailRow {
  year: number; follow_year: number; recommendation_id: string; industry_code: string; industry_name: string;
  school_code: string; school_name: string; rank: number; action: RecommendAction; suggested_majors: string;
  plan_before: number; plan_after: number; plan_change: number; opened_majors: string; outcome: LoopOutcome; acted: boolean;
}
