/** The enrolment planner's input and output as plain data: what the model reads and what it proposes. */

/** One school × major the plan may change: an existing programme, or a candidate to open. */
export interface PlanOption {
  school_code: string;
  major_code: string;
  /** Next year's intake plan if nothing changes (this year's plan); 0 for a candidate. */
  plan: number;
  existing: boolean;
  /** Yuan a year per seat: funding.per_student_base × the major's funding coefficient. */
  cost: number;
  /** The year next year's intake graduates (next year + 学制). */
  year: number;
  /** Graduates a seat adds to each industry that year: completion × weight × retention. */
  effects: { industry_code: string; per_seat: number }[];
  /** A locked school or major keeps its plan and opens nothing. */
  locked: boolean;
  /**
   * The plan is an estimate (a programme of the 备案 listing without figures): kept as it is, as a
   * locked one, since a change to a plan no school reported is no figure anyone could act on.
   */
  estimated: boolean;
}

export interface GapPoint { industry_code: string; year: number; gap: number }

export interface PlannerSettings {
  /** Largest change of an existing programme's plan, a share of it (0.3 = ±30 %). */
  change_cap: number;
  /** Largest change of a school's total plan, a share of it. */
  school_cap: number;
  /** Seats a new programme opens with at least. */
  min_class: number;
  /** Seats a new programme opens with at most. */
  new_max: number;
  /** Schools that may offer one major; a major already above it opens nowhere. */
  duplication_cap: number;
  /** Yuan a year the changes may add in total (net of cuts). */
  budget: number;
  /** Bounds of the city's total change of plans, shares of today's total. */
  city_change_min: number;
  city_change_max: number;
  /** Objective weights per graduate short, per graduate in surplus, per seat changed. */
  w_shortfall: number;
  w_surplus: number;
  w_change: number;
  /** Solver limits: seconds, and the relative optimality gap at which it stops. */
  time_limit: number;
  mip_gap: number;
}

export interface PlanInstance {
  options: PlanOption[];
  /** Future gap (openings − supply at graduation) without any change, per industry and year. */
  gaps: GapPoint[];
  /** Schools offering each major today (duplication rule). */
  offered: Record<string, number>;
  settings: PlannerSettings;
  /** Industry names for the reasons and the constraints' labels. */
  industryNames?: Record<string, { zh: string; en: string }>;
  /** School names for the constraints' labels. */
  schoolNames?: Record<string, string>;
  /** Major names for the constraints' labels. */
  majorNames?: Record<string, string>;
}

export interface PlanChange {
  school_code: string;
  major_code: string;
  existing: boolean;
  plan: number;
  change: number;
  proposed: number;
  year: number;
  /** The industry the change moves most towards closing its gap, and that gap before and after. */
  industry_code: string | null;
  reason_zh: string;
  reason_en: string;
}

export interface BindingConstraint { constraint: string; label_zh: string; label_en: string }

export type PlanStatus = 'optimal' | 'time_limit' | 'infeasible' | 'no_options' | 'error';

export interface PlanResult {
  status: PlanStatus;
  /** HiGHS's own model status text. */
  solver_status: string;
  objective: number | null;
  /** Relative gap between the plan and the best bound HiGHS proved; 0 at proven optimality. */
  mip_gap: number | null;
  seconds: number;
  variables: number;
  constraints: number;
  changes: PlanChange[];
  gaps: { industry_code: string; year: number; gap_before: number; gap_after: number }[];
  binding: BindingConstraint[];
  /** For an infeasible instance: the constraints in conflict (an irreducible infeasible subset). */
  conflict: BindingConstraint[];
  message_zh: string;
  message_en: string;
}
