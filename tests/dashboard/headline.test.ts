import { describe, expect, it } from 'vitest';
import { headline, headlineByYear } from '../../dashboard/src/lib/headline.ts';
import { where } from '../../dashboard/src/lib/aggregate.ts';
import type { OverviewRow } from '../../dashboard/src/lib/types.ts';

const row = (year: number, level: OverviewRow['level'], points: number, matched: number, students: number, digital: number): OverviewRow => ({
  year, level, district_code: '500112', ownership: 'public', schools: 1, programme_points: points, matched_points: matched,
  students, estimated_students: students / 10, matched_students: 0, digital_students: digital, graduates: students / 3, estimated_graduates: 0,
});
const rows = [row(2025, 'higher', 80, 72, 900, 180), row(2025, 'secondary', 20, 10, 100, 0), row(2024, 'higher', 50, 40, 500, 50)];

describe('headline', () => {
  it('recomputes match rate and digital share from sums, not by averaging slices', () => {
    const h = headline(where(rows, { year: 2025 }));
    // (72 + 10) / (80 + 20) = 0.82, whereas the mean of 0.9 and 0.5 would be 0.7
    expect(h.match_rate).toBeCloseTo(0.82);
    // 180 / 1000
    expect(h.digital_share).toBeCloseTo(0.18);
    expect(h.schools).toBe(2);
    // the estimated part of the students behind it adds up too: 90 + 10
    expect(h.estimated_students).toBe(100);
  });

  it('gives a null rate when nothing is left after filtering', () => {
    expect(headline(where(rows, { level: 'bachelor' })).match_rate).toBeNull();
  });

  it('orders years ascending', () => {
    expect(headlineByYear(rows).map((y) => [y.year, y.value.programme_points])).toEqual([[2024, 50], [2025, 100]]);
  });
});
