/** The plan year the tracking section shows, and its outcome cards as parts of the proposals. */
import { describe, expect, it } from 'vitest';
import { outcomeParts, PLAN_OUTCOMES, trackedYear } from '../../dashboard/src/lib/plan-tracking.ts';
import type { PlanTrackingCityRow } from '../../dashboard/src/lib/types-plan.ts';

const city = (plan_year: number, counts: Partial<PlanTrackingCityRow> = {}): PlanTrackingCityRow => ({
  plan_year, proposals: 10, followed: 4, partly: 3, not_acted: 2, opposite: 1, share_followed: 0.4, new_proposed: 2, new_opened: 1,
  seats_proposed: 50, seats_changed: 20, industries: 3, industries_narrowed: 1, industries_with_gap: 3, snapshot: null, proposed_at: null, ...counts,
});

describe('trackedYear', () => {
  it('takes the year asked for when it is tracked, else the latest, else none', () => {
    const rows = [city(2024), city(2025)];
    expect(trackedYear(rows, '2024')).toBe(2024);
    expect(trackedYear(rows, '2023')).toBe(2025);
    expect(trackedYear(rows, undefined)).toBe(2025);
    expect(trackedYear([], '2025')).toBeNull();
  });
});

describe('outcomeParts', () => {
  it('gives the four outcomes in order, adding up to the proposals, with their shares', () => {
    const parts = outcomeParts(city(2025));
    expect(parts.map((p) => p.outcome)).toEqual(PLAN_OUTCOMES);
    expect(parts.map((p) => p.count)).toEqual([4, 3, 2, 1]);
    expect(parts.reduce((n, p) => n + p.count, 0)).toBe(10);
    expect(parts.map((p) => p.share)).toEqual([0.4, 0.3, 0.2, 0.1]);
  });

  it('has no share without proposals', () => {
    expect(outcomeParts(city(2025, { proposals: 0, followed: 0, partly: 0, not_acted: 0, opposite: 0 })).every((p) => p.share === null)).toBe(true);
  });
});
