/** Row types of the outlook and planner marts (docs/metrics.md, 研判 and 招生计划方案). */
import type { BindingConstraint, PlanStatus } from '../../../pipeline/shared/planner/instance.ts';
import type { EffectRow, OptionRow } from '../../../pipeline/shared/planner/instance-rows.ts';

export interface OutlookRow {
  industry_code: string; year: number; horizon: number; kind: 'actual' | 'outlook'; method: string | null;
  openings: number; openings_lo80: number | null; openings_hi80: number | null; openings_lo95: number | null; openings_hi95: number | null;
}

export interface OutlookAccuracyRow {
  industry_code: string; method: 'naive' | 'drift' | 'ets'; chosen: boolean; reason: string | null;
  history_years: number; origins: number; pairs: number;
  mape: number | null; baseline_mape: number | null; coverage80: number | null; coverage95: number | null;
}

export interface FutureGapRow {
  industry_code: string; year: number; horizon: number; method: string;
  openings: number; openings_lo80: number | null; openings_hi80: number | null; openings_lo95: number | null; openings_hi95: number | null;
  supply_at_graduation: number | null; supply_assumed: number | null;
  /** The part of supply_at_graduation from intakes that are estimates (备案 listing rows without figures). */
  supply_estimated: number | null;
  future_gap: number | null; future_gap_lo80: number | null; future_gap_hi80: number | null;
  future_gap_lo95: number | null; future_gap_hi95: number | null;
}

export interface PlanRow {
  school_code: string; major_code: string; existing: boolean; year: number; plan: number; change: number; proposed: number;
  industry_code: string | null; reason_zh: string; reason_en: string;
}

export interface PlanGapRow { industry_code: string; year: number; gap_before: number; gap_after: number }

export interface PlanConstraintRow extends BindingConstraint { kind: 'binding' | 'conflict' }

export interface PlanStatusRow {
  status: PlanStatus; solver_status: string; objective: number | null; mip_gap: number | null;
  variables: number; constraints: number; changes: number; message_zh: string; message_en: string;
}

export type PlanOptionRow = OptionRow & { completion_rate: number };
export type PlanEffectRow = EffectRow & { year: number };

/** Loop tracking of the proposed plan: how a proposal for plan_year fared against that year's actual plan. */
export type PlanOutcome = 'followed' | 'partly' | 'not_acted' | 'opposite';

export interface PlanTrackingDetailRow {
  plan_year: number; school_code: string; school_name: string; major_code: string; major_name: string;
  industry_code: string | null; graduation_year: number; plan: number; proposed: number; actual: number;
  proposed_change: number; actual_change: number; new_programme: boolean; opened: boolean; outcome: PlanOutcome;
}

/** The outcome counts and seats of a set of proposals: followed + partly + not_acted + opposite = proposals. */
export interface PlanTrackingCounts {
  plan_year: number; proposals: number; followed: number; partly: number; not_acted: number; opposite: number;
  share_followed: number; new_proposed: number; new_opened: number; seats_proposed: number; seats_changed: number;
}

export interface PlanTrackingRow extends PlanTrackingCounts {
  industry_code: string; name_zh: string; name_en: string;
  gap_at_proposal: number | null; gap_planned: number | null; gap_now: number | null; gap_change: number | null; gap_narrowed: number | null;
}

export interface PlanTrackingCityRow extends PlanTrackingCounts {
  industries: number; industries_narrowed: number; industries_with_gap: number; snapshot: string | null; proposed_at: string | null;
}
