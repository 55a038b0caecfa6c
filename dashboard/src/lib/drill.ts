/**
 * What is behind an industry's supply (mart_industry_supply): its programme points under the
 * view's filters, and the same summed per major. The points add up to the industry's supply.
 */
import { where } from './aggregate.ts';
import type { IndustrySupplyRow } from './types.ts';
import type { Filters } from './url-state.ts';

export interface DrillMajor {
  major_code: string; major_name: string; weight: number; schools: number; points: number; graduates: number; supply: number;
}

/** The industry's points of the year under the filters, most supply first. */
export function industryPoints(rows: readonly IndustrySupplyRow[], industry: string, filters: Filters & { year: number }): IndustrySupplyRow[] {
  const { year, level, district, ownership } = filters;
  return where(rows, { year, industry_code: industry, level, district_code: district, ownership })
    .sort((a, b) => b.supply - a.supply || a.school_code.localeCompare(b.school_code) || a.major_code.localeCompare(b.major_code));
}

/** The points summed per major, most supply first. */
export function majorsOf(points: readonly IndustrySupplyRow[]): DrillMajor[] {
  const majors = new Map<string, DrillMajor & { schoolSet: Set<string> }>();
  for (const p of points) {
    let m = majors.get(p.major_code);
    if (!m) majors.set(p.major_code, (m = { major_code: p.major_code, major_name: p.major_name, weight: p.weight, schools: 0, points: 0, graduates: 0, supply: 0, schoolSet: new Set() }));
    m.schoolSet.add(p.school_code);
    m.points += 1;
    m.graduates += p.graduates;
    m.supply += p.supply;
  }
  return [...majors.values()].map(({ schoolSet, ...m }) => ({ ...m, schools: schoolSet.size }))
    .sort((a, b) => b.supply - a.supply || a.major_code.localeCompare(b.major_code));
}
