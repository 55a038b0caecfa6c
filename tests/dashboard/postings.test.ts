import { describe, expect, it } from 'vitest';
import { confidenceByIndustry, idleRules, occupationLabel, occupationLines, postingsByMonth, postingsYear } from '../../dashboard/src/lib/postings.ts';
import type { IndustryPostingsRow, PostingOccupationRow, PostingRuleRow } from '../../dashboard/src/lib/types-postings.ts';

const industry = (year: number, code: string, postings: number, demand: number) => ({
  year, industry_code: code, demand, postings, posting_openings: postings * 3, vocational_posting_openings: postings * 2,
  unclassified_postings: 20, share_unclassified: 0.2, outside_postings: 10, share_outside: 0.1,
}) as IndustryPostingsRow;
const occupation = (year: number, occ: string, group: number, industry_code: string, scope: PostingOccupationRow['scope'],
  confidence: PostingOccupationRow['confidence'], postings: number): PostingOccupationRow =>
  ({ year, month: 1, major_group: group, occupation: occ, industry_code, scope, confidence, postings, posting_openings: postings });
const month = (year: number, m: number, postings: number): PostingOccupationRow =>
  ({ year, month: m, major_group: 0, occupation: '', industry_code: '', scope: 'outside', confidence: 'low', postings, posting_openings: postings * 3 });
const rule = (rule_id: string, matched: number, fired: number) => ({ rule_id, matched, fired }) as PostingRuleRow;

describe('postings', () => {
  it("adds the year's industries and keeps the year's unclassified and outside counts apart", () => {
    // 30 + 50 classified, 20 unclassified and 10 outside (on every row, counted once): 110 postings
    const industries = [industry(2025, 'ai', 30, 100), industry(2025, 'food', 50, 400), industry(2024, 'ai', 9, 9)];
    // Headcount of every posting of the year, the key industries' (240) and the others' (25 + 6 + 9)
    const all = [occupation(2025, '', 0, 'ai', 'key', 'high', 240), occupation(2025, '', 0, '', 'outside', 'low', 25),
      occupation(2025, '', 0, '', 'unclassified', '', 6), occupation(2025, '', 0, '', 'unclassified', '', 9), occupation(2024, '', 0, 'ai', 'key', 'high', 99)];
    expect(postingsYear(industries, all, 2025)).toEqual({
      classified: 80, outside: 10, unclassified: 20, postings: 110, share_unclassified: 0.2, share_outside: 0.1,
      posting_openings: 280, vocational_posting_openings: 160, demand: 500,
    });
  });

  it('lists the occupations of the year, most posted first, with the industries they fall in', () => {
    const rows = [
      occupation(2025, '销售人员', 4, 'food', 'key', 'medium', 5), occupation(2025, '销售人员', 4, '', 'outside', 'medium', 7),
      occupation(2025, '销售人员', 4, '', 'unclassified', '', 3), occupation(2025, '焊接人员', 6, 'auto_nev', 'key', 'high', 4),
      occupation(2025, '销售人员', 4, 'food', 'key', 'high', 1), occupation(2024, '焊接人员', 6, 'auto_nev', 'key', 'high', 99),
    ];
    expect(occupationLines(rows, 2025)).toEqual([
      { major_group: 4, occupation: '销售人员', postings: 16, unclassified: 3,
        industries: [{ industry_code: '', postings: 7 }, { industry_code: 'food', postings: 6 }] },
      { major_group: 6, occupation: '焊接人员', postings: 4, unclassified: 0, industries: [{ industry_code: 'auto_nev', postings: 4 }] },
    ]);
    expect(Object.fromEntries(confidenceByIndustry(rows, 2025))).toEqual({
      food: { high: 1, medium: 5, low: 0 }, '': { high: 0, medium: 7, low: 0 }, auto_nev: { high: 4, medium: 0, low: 0 },
    });
  });

  it('has nothing for a year the feed does not cover', () => {
    expect(postingsYear([industry(2025, 'ai', 30, 100)], [], 2023)).toBeNull();
  });

  it('sums postings per month and shows the months without any as 0', () => {
    // Every posting counts, whatever its industry: the months add up to the year's postings.
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

describe('occupationLabel', () => {
  it('names the major group beside an occupation, once', () => {
    expect(occupationLabel('工程技术人员', '专业技术人员')).toBe('工程技术人员（专业技术人员）');
    expect(occupationLabel('生产制造人员', '生产制造人员')).toBe('生产制造人员');
  });
});
