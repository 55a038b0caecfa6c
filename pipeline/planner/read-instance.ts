/** The planner's instance from a built warehouse (mart_plan_options, mart_plan_effects, mart_future_gap) and the policy. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../policy.ts';
import type { PlanInstance, PlannerSettings } from './instance.ts';

export function plannerSettings(policy: Policy): PlannerSettings {
  const p = policy.planner;
  return {
    change_cap: p.change_cap, school_cap: p.school_cap, min_class: p.min_class, new_max: p.new_max,
    duplication_cap: policy.concentration.duplicated_above_schools, budget: p.budget,
    city_change_min: p.city_change_min, city_change_max: p.city_change_max,
    w_shortfall: p.w_shortfall, w_surplus: p.w_surplus, w_change: p.w_change, time_limit: p.time_limit, mip_gap: p.mip_gap,
  };
}

/** What the analyst holds fixed: whole schools, whole majors, or single programmes (`school|major`). */
export interface Locks { schools?: string[]; majors?: string[]; programmes?: string[] }

const rows = async <T>(conn: DuckDBConnection, sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];

export async function readInstance(conn: DuckDBConnection, settings: PlannerSettings, locks: Locks = {}): Promise<PlanInstance> {
  const options = await rows<{ school_code: string; major_code: string; existing: boolean; plan: number; year: number; cost: number }>(conn,
    `SELECT school_code, major_code, existing, plan, year, cost FROM mart_plan_options ORDER BY school_code, major_code`);
  const effects = await rows<{ school_code: string; major_code: string; industry_code: string; per_seat: number }>(conn,
    `SELECT school_code, major_code, industry_code, per_seat FROM mart_plan_effects ORDER BY school_code, major_code, industry_code`);
  const gaps = await rows<{ industry_code: string; year: number; gap: number }>(conn,
    `SELECT industry_code, year, future_gap AS gap FROM mart_future_gap WHERE future_gap IS NOT NULL ORDER BY industry_code, year`);
  const offered = await rows<{ major_code: string; schools: number }>(conn,
    `SELECT major_code, count(DISTINCT school_code)::INTEGER AS schools FROM mart_plan_options WHERE existing GROUP BY major_code`);
  const names = await rows<{ industry_code: string; name_zh: string; name_en: string }>(conn, `SELECT industry_code, name_zh, name_en FROM stg_industries`);

  const byOption = new Map<string, { industry_code: string; per_seat: number }[]>();
  for (const e of effects) {
    const key = `${e.school_code}|${e.major_code}`;
    byOption.set(key, [...(byOption.get(key) ?? []), { industry_code: e.industry_code, per_seat: e.per_seat }]);
  }
  const [schools, majors, programmes] = [new Set(locks.schools), new Set(locks.majors), new Set(locks.programmes)];
  return {
    options: options.map((o) => ({
      ...o,
      effects: byOption.get(`${o.school_code}|${o.major_code}`) ?? [],
      locked: schools.has(o.school_code) || majors.has(o.major_code) || programmes.has(`${o.school_code}|${o.major_code}`),
    })),
    gaps,
    offered: Object.fromEntries(offered.map((o) => [o.major_code, o.schools])),
    settings,
    industryNames: Object.fromEntries(names.map((n) => [n.industry_code, { zh: n.name_zh, en: n.name_en }])),
  };
}
