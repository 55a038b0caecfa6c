/**
 * The planner's instance from the rows of mart_plan_options, mart_plan_effects and mart_future_gap
 * and the policy's planner block: the refresh reads them from the warehouse, the dashboard from the
 * snapshot's Arrow files, and both solve the same instance.
 */
import type { PlanInstance, PlannerSettings } from './instance.ts';

export interface OptionRow {
  school_code: string; major_code: string; existing: boolean; open_any: boolean; open_adjacent: boolean;
  plan: number; year: number; cost: number;
  /** The plan is an estimate (stg_programmes.figures_estimated). */
  plan_estimated: boolean;
}
export interface EffectRow { school_code: string; major_code: string; industry_code: string; per_seat: number }
export interface FutureGapRow { industry_code: string; year: number; future_gap: number | null }
export interface IndustryNameRow { industry_code: string; name_zh: string; name_en: string }
export interface SchoolNameRow { school_code: string; school_name: string }
export interface MajorNameRow { major_code: string; major_name: string }

/** The planner's settings; require_adjacent is applied to the options, not the model (catalogue rule 7). */
export type PlannerParameters = PlannerSettings & { require_adjacent: boolean };

/** From the policy file's planner block (pipeline/policy.json) and its duplication cap (concentration block). */
export function plannerSettings(p: Record<string, number>, duplicationCap: number): PlannerParameters {
  return {
    change_cap: p.change_cap, school_cap: p.school_cap, min_class: p.min_class, new_max: p.new_max,
    duplication_cap: duplicationCap, budget: p.budget,
    city_change_min: p.city_change_min, city_change_max: p.city_change_max,
    w_shortfall: p.w_shortfall, w_surplus: p.w_surplus, w_change: p.w_change, time_limit: p.time_limit, mip_gap: p.mip_gap,
    require_adjacent: p.require_adjacent !== 0,
  };
}

/** What the analyst holds fixed: whole schools, whole majors, or single programmes (`school|major`). */
export interface Locks { schools?: string[]; majors?: string[]; programmes?: string[] }

export function instanceFromRows(rows: {
  options: OptionRow[]; effects: EffectRow[]; gaps: FutureGapRow[]; names: IndustryNameRow[]; schools: SchoolNameRow[]; majors: MajorNameRow[];
},
  parameters: PlannerParameters, locks: Locks = {}): PlanInstance {
  const { require_adjacent, ...settings } = parameters;
  const byOption = new Map<string, { industry_code: string; per_seat: number }[]>();
  for (const e of rows.effects) {
    const key = `${e.school_code}|${e.major_code}`;
    const list = byOption.get(key) ?? [];
    list.push({ industry_code: e.industry_code, per_seat: e.per_seat });
    byOption.set(key, list);
  }
  const offered: Record<string, number> = {};
  for (const o of rows.options) if (o.existing) offered[o.major_code] = (offered[o.major_code] ?? 0) + 1;
  const [schools, majors, programmes] = [new Set(locks.schools), new Set(locks.majors), new Set(locks.programmes)];
  const byCode = (a: OptionRow, b: OptionRow) => (a.school_code + '|' + a.major_code < b.school_code + '|' + b.major_code ? -1 : 1);
  return {
    options: rows.options.filter((o) => (require_adjacent ? o.open_adjacent : o.open_any)).toSorted(byCode).map((o) => ({
      school_code: o.school_code, major_code: o.major_code, existing: o.existing, plan: o.plan, year: o.year, cost: o.cost,
      effects: (byOption.get(`${o.school_code}|${o.major_code}`) ?? []).toSorted((a, b) => (a.industry_code < b.industry_code ? -1 : 1)),
      locked: schools.has(o.school_code) || majors.has(o.major_code) || programmes.has(`${o.school_code}|${o.major_code}`),
      estimated: o.plan_estimated,
    })),
    gaps: rows.gaps.filter((g): g is FutureGapRow & { future_gap: number } => g.future_gap !== null)
      .map((g) => ({ industry_code: g.industry_code, year: g.year, gap: g.future_gap }))
      .toSorted((a, b) => (a.industry_code < b.industry_code ? -1 : a.industry_code > b.industry_code ? 1 : a.year - b.year)),
    offered,
    settings,
    industryNames: Object.fromEntries(rows.names.map((n) => [n.industry_code, { zh: n.name_zh, en: n.name_en }])),
    schoolNames: Object.fromEntries(rows.schools.map((n) => [n.school_code, n.school_name])),
    majorNames: Object.fromEntries(rows.majors.map((n) => [n.major_code, n.major_name])),
  };
}
