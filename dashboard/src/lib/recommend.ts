/**
 * Programme-adjustment rows as the views show them: a school's labelled programmes, the shortage
 * industries it is a candidate for, and each shortage industry's candidate schools.
 */
import type { ProgrammeLabel, RecommendationRow, SchoolReportRow } from './types-recommend.ts';
import { PROGRAMME_LABELS } from './types-recommend.ts';
import type { AdviceThresholds } from '../../../pipeline/shared/advice.ts';
import type { Policy } from './types.ts';

/** The school's rows of the latest year in the mart, in the mart's order (`position`). */
export function schoolLabels(rows: readonly SchoolReportRow[], code: string): SchoolReportRow[] {
  const own = rows.filter((r) => r.school_code === code);
  const latest = Math.max(...own.map((r) => r.year));
  return own.filter((r) => r.year === latest).sort((a, b) => a.position - b.position);
}

export function labelCounts(rows: readonly SchoolReportRow[]): Record<ProgrammeLabel, number> {
  const counts = Object.fromEntries(PROGRAMME_LABELS.map((l) => [l, 0])) as Record<ProgrammeLabel, number>;
  for (const r of rows) counts[r.label]++;
  return counts;
}

export interface IndustryCandidates { industry_code: string; candidates: RecommendationRow[] }

/** The year's shortage industries with their candidates by rank, the largest gap first. */
export function candidatesByIndustry(rows: readonly RecommendationRow[], year: number): IndustryCandidates[] {
  const groups = new Map<string, RecommendationRow[]>();
  for (const r of rows) {
    if (r.year !== year) continue;
    if (!groups.has(r.industry_code)) groups.set(r.industry_code, []);
    groups.get(r.industry_code)!.push(r);
  }
  return [...groups].map(([industry_code, candidates]) => ({ industry_code, candidates: candidates.sort((a, b) => a.rank - b.rank) }))
    .sort((a, b) => b.candidates[0].gap - a.candidates[0].gap || a.industry_code.localeCompare(b.industry_code));
}

/** The industries a school is a candidate for in a year, the largest gap first. */
export function candidacies(rows: readonly RecommendationRow[], code: string, year: number): RecommendationRow[] {
  return rows.filter((r) => r.school_code === code && r.year === year).sort((a, b) => b.gap - a.gap || a.industry_code.localeCompare(b.industry_code));
}

/** The thresholds a snapshot's advice was labelled with, from its manifest's policy, for the reasons' wording. */
export function adviceThresholds(policy: Pick<Policy, 'signal' | 'recommend'>): AdviceThresholds {
  return {
    shortage_below: policy.signal.shortage_below,
    oversupply_above: policy.signal.oversupply_above,
    review_employment_below: policy.recommend.review_employment_below,
  };
}
