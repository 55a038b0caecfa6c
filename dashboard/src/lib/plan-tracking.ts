/**
 * Loop tracking of the proposed plan (mart_plan_tracking*): which plan year to show, and the four
 * outcomes of a set of proposals as parts of it — they add up to the proposals, so the cards and the
 * table read as one whole.
 */
import type { PlanOutcome, PlanTrackingCityRow, PlanTrackingCounts } from './types-plan.ts';

export const PLAN_OUTCOMES: readonly PlanOutcome[] = ['followed', 'partly', 'not_acted', 'opposite'];

/** The plan year asked for when it is tracked, else the latest tracked; null when none is. */
export function trackedYear(city: readonly PlanTrackingCityRow[], wanted: string | undefined): number | null {
  const years = city.map((r) => r.plan_year).sort((a, b) => b - a);
  const asked = Number(wanted);
  return years.includes(asked) ? asked : (years[0] ?? null);
}

/** Each outcome's count and share of the proposals (null share without proposals). */
export function outcomeParts(row: PlanTrackingCounts): { outcome: PlanOutcome; count: number; share: number | null }[] {
  // each outcome is a count column of the same name
  return PLAN_OUTCOMES.map((outcome) => ({ outcome, count: row[outcome], share: row.proposals ? row[outcome] / row.proposals : null }));
}
