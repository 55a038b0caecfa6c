import { describe, expect, it } from 'vitest';
import { loopByYear, loopTotals } from '../../dashboard/src/lib/loop.ts';
import type { LoopRow } from '../../dashboard/src/lib/types-recommend.ts';

const row = (year: number, recommendations: number, acted: number, plan_added: number) =>
  ({ year, recommendations, acted, opened: acted, expanded: 0, reduced: 0, not_acted: recommendations - acted,
    share_acted: acted / recommendations, plan_added }) as LoopRow;

describe('loop tracking totals', () => {
  it('sums the counts and recomputes the share acted from the sums', () => {
    // 1 of 10 and 6 of 20: 7 of 30 = 23.3 %, not the mean of 10 % and 30 % (20 %)
    const t = loopTotals([row(2023, 10, 1, 12), row(2023, 20, 6, 300)]);
    expect(t).toMatchObject({ recommendations: 30, acted: 7, not_acted: 23, plan_added: 312 });
    expect(t.share_acted).toBeCloseTo(7 / 30);
  });

  it('has no share when there were no recommendations', () => {
    expect(loopTotals([]).share_acted).toBeNull();
  });

  it('gives the totals per year, ascending', () => {
    const years = loopByYear([row(2024, 10, 4, 40), row(2023, 10, 1, 5), row(2024, 10, 2, 20)]);
    expect(years.map((y) => [y.year, y.value.acted, y.value.share_acted])).toEqual([[2023, 1, 0.1], [2024, 6, 0.3]]);
  });
});
