/**
 * The 招生计划方案 view's figures: the served plan read back from its marts, the analyst's settings
 * checked before a re-solve (every wrong value named, nothing silently clamped), the shortfall a plan
 * closes, and two plans compared programme by programme.
 */
import type { PlanChange, PlanResult } from '../../../pipeline/shared/planner/instance.ts';
import type { Locks, PlannerParameters } from '../../../pipeline/shared/planner/instance-rows.ts';
import type { PlanConstraintRow, PlanGapRow, PlanRow, PlanStatusRow } from './types-plan.ts';

export type ShownPlan = Omit<PlanResult, 'seconds'>;

/** The plan the refresh wrote (mart_plan, mart_plan_gap, mart_plan_constraints, mart_plan_status); null without a status row. */
export function servedPlan(plan: PlanRow[], gaps: PlanGapRow[], constraints: PlanConstraintRow[], status: PlanStatusRow[]): ShownPlan | null {
  const s = status[0];
  if (!s) return null;
  const label = ({ constraint, label_zh, label_en }: PlanConstraintRow) => ({ constraint, label_zh, label_en });
  return {
    status: s.status, solver_status: s.solver_status, objective: s.objective, mip_gap: s.mip_gap, variables: s.variables, constraints: s.constraints,
    changes: plan.map((c): PlanChange => ({ ...c })),
    gaps: gaps.map((g) => ({ ...g })),
    binding: constraints.filter((c) => c.kind === 'binding').map(label),
    conflict: constraints.filter((c) => c.kind === 'conflict').map(label),
    message_zh: s.message_zh, message_en: s.message_en,
  };
}

/** Seats a plan adds (existing programmes grown and new ones opened) and cuts. */
export function seats(changes: readonly PlanChange[]): { added: number; cut: number } {
  return changes.reduce((t, c) => (c.change > 0 ? { ...t, added: t.added + c.change } : { ...t, cut: t.cut - c.change }), { added: 0, cut: 0 });
}

/** Σ shortfall (positive gaps) without the plan minus Σ shortfall with it, over every industry and year. */
export const shortfallClosed = (gaps: ShownPlan['gaps']) =>
  gaps.reduce((n, g) => n + Math.max(0, g.gap_before) - Math.max(0, g.gap_after), 0);

/** Per industry, the gaps summed over the outlook years, without and with the plan. */
export function gapByIndustry(gaps: ShownPlan['gaps']): { industry_code: string; before: number; after: number }[] {
  const by = new Map<string, { industry_code: string; before: number; after: number }>();
  for (const g of gaps) {
    const t = by.get(g.industry_code) ?? { industry_code: g.industry_code, before: 0, after: 0 };
    by.set(g.industry_code, { ...t, before: t.before + g.gap_before, after: t.after + g.gap_after });
  }
  return [...by.values()].toSorted((a, b) => b.before - a.before);
}

export interface ComparedChange { school_code: string; major_code: string; left: number; right: number; differs: boolean }

/** Every programme either plan changes, with both changes (0: unchanged), those that differ first. */
export function comparePlans(left: readonly PlanChange[], right: readonly PlanChange[]): ComparedChange[] {
  const key = (c: PlanChange) => `${c.school_code}|${c.major_code}`;
  const [l, r] = [new Map(left.map((c) => [key(c), c.change])), new Map(right.map((c) => [key(c), c.change]))];
  return [...new Set([...l.keys(), ...r.keys()])].map((k) => {
    const [school_code, major_code] = k.split('|');
    const [a, b] = [l.get(k) ?? 0, r.get(k) ?? 0];
    return { school_code, major_code, left: a, right: b, differs: a !== b };
  }).toSorted((a, b) => Number(b.differs) - Number(a.differs) || (a.school_code + a.major_code < b.school_code + b.major_code ? -1 : 1));
}

/** The settings the analyst edits: text from the form, checked by checkSettings. */
export type SettingsForm = Record<Exclude<keyof PlannerParameters, 'require_adjacent' | 'w_shortfall' | 'w_surplus' | 'w_change' | 'time_limit' | 'mip_gap'>, string>
  & { require_adjacent: boolean; lock_schools: string; lock_majors: string };

export type SettingsError =
  | { kind: 'share' | 'count' | 'money'; key: string }
  | { kind: 'order' } | { kind: 'minmax' }
  | { kind: 'unknown'; what: 'school' | 'major'; codes: string[] };

export function formFrom(p: PlannerParameters, locks: Locks = {}): SettingsForm {
  return {
    change_cap: String(p.change_cap), school_cap: String(p.school_cap), min_class: String(p.min_class), new_max: String(p.new_max),
    duplication_cap: String(p.duplication_cap), budget: String(p.budget),
    city_change_min: String(p.city_change_min), city_change_max: String(p.city_change_max),
    require_adjacent: p.require_adjacent, lock_schools: (locks.schools ?? []).join(', '), lock_majors: (locks.majors ?? []).join(', '),
  };
}

const codes = (text: string) => text.split(/[\s,，、;；]+/).filter(Boolean);

/**
 * The form as the planner's parameters and locks, or every reason it cannot be: a share outside its
 * range, a count that is not a whole number, bounds in the wrong order, a code no option has.
 */
export function checkSettings(form: SettingsForm, base: PlannerParameters, known: { schools: ReadonlySet<string>; majors: ReadonlySet<string> }):
  { ok: true; parameters: PlannerParameters; locks: Locks } | { ok: false; errors: SettingsError[] } {
  const errors: SettingsError[] = [];
  const num = (key: keyof SettingsForm, kind: 'share' | 'count' | 'money', lo: number, hi: number) => {
    const text = String(form[key]).trim();
    const v = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(v) || v < lo || v > hi || (kind === 'count' && !Number.isInteger(v))) errors.push({ kind, key });
    return v;
  };
  const parameters: PlannerParameters = {
    ...base,
    change_cap: num('change_cap', 'share', 0, 1), school_cap: num('school_cap', 'share', 0, 1),
    min_class: num('min_class', 'count', 0, Infinity), new_max: num('new_max', 'count', 0, Infinity),
    duplication_cap: num('duplication_cap', 'count', 0, Infinity), budget: num('budget', 'money', 0, Infinity),
    city_change_min: num('city_change_min', 'share', -1, 1), city_change_max: num('city_change_max', 'share', -1, 1),
    require_adjacent: form.require_adjacent,
  };
  if (parameters.city_change_min > parameters.city_change_max) errors.push({ kind: 'order' });
  if (parameters.min_class > parameters.new_max) errors.push({ kind: 'minmax' });
  const locks = { schools: codes(form.lock_schools), majors: codes(form.lock_majors) };
  const unknownSchools = locks.schools.filter((c) => !known.schools.has(c));
  const unknownMajors = locks.majors.filter((c) => !known.majors.has(c));
  if (unknownSchools.length) errors.push({ kind: 'unknown', what: 'school', codes: unknownSchools });
  if (unknownMajors.length) errors.push({ kind: 'unknown', what: 'major', codes: unknownMajors });
  return errors.length ? { ok: false, errors } : { ok: true, parameters, locks };
}
