import { describe, expect, it } from 'vitest';
import { idleRules, postingsByMonth, postingsYear } from '../../dashboard/src/lib/postings.ts';
import type { IndustryPostingsRow, PostingDemandRow, PostingRuleRow } from '../../dashboard/src/lib/types-postings.ts';

const industry = (year: number, code: string, postings: number, demand: number) => ({
  year, industry_code: code, demand, postings, posting_openings: postings * 3, vocational_posting_openings: postings * 2,
  unclassified_postings: 20, share_unclassified: 0.2,
}) as IndustryPostingsRow;
const month = (year: number, m: number, postings: number) =>
  ({ year, month: m, postings, posting_openings: postings * 3 }) as PostingDemandRow;
const rule = (rule_id: string, matched: number, fired: number) => ({ rule_id, matched, fired }) as PostingRuleRow;

describe('postings', () => {
  it("adds the year's industries and keeps the year's unclassified count apart", () => {
    // 30 + 50 classified, 20 unclassified (on every row, counted once): 100 postings
    expect(postingsYear([industry(2025, 'ai', 30, 100), industry(2025, 'food', 50, 400), industry(2024, 'ai', 9, 9)], 2025)).toEqual({
      classified: 80, unclassified: 20, postings: 100, share_unclassified: 0.2,
      posting_openings: 240, vocational_posting_openings: 160, demand: 500,
    });
  });

  it('has nothing for a year the feed does not cover', () => {
    expect(postingsYear([industry(2025, 'ai', 30, 100)], 2023)).toBeNull();
  });

  it('sums postings per month and shows the months without any as 0', () => {
    const months = postingsByMonth([month(2025, 1, 5), month(2025, 1, 7), month(2025, 3, 2), month(2024, 2, 99)], 2025);
    expect(months).toHaveLength(12);
    expect(months.slice(0, 4)).toEqual([
      { month: 1, postings: 12, posting_openings: 36 }, { month: 2, postings: 0, posting_openings: 0 },
      { month: 3, postings: 2, posting_openings: 6 }, { month: 4, postings: 0, posting_openings: 0 },
    ]);
  });

  it('finds the rules that classify nothing: shadowed ones and those matching no posting', () => {
    const idle = idleRules([rule('T1', 10, 10), rule('T2', 5, 0), rule('T3', 0, 0), rule('T4', 8, 3)]);
    expect(idle.shadowed.map((r) => r.rule_id)).toEqual(['T2']);
    expect(idle.unmatched.map((r) => r.rule_id)).toEqual(['T3']);
  });
});
