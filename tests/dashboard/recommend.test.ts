import { describe, expect, it } from 'vitest';
import { candidacies, candidatesByIndustry, labelCounts, schoolLabels } from '../../dashboard/src/lib/recommend.ts';
import type { RecommendationRow, SchoolReportRow } from '../../dashboard/src/lib/types-recommend.ts';

const label = (school_code: string, year: number, position: number, l: SchoolReportRow['label']) =>
  ({ school_code, year, position, label: l, major_code: `${school_code}-${position}` }) as SchoolReportRow;
const rec = (year: number, industry_code: string, rank: number, school_code: string, gap: number) =>
  ({ year, industry_code, rank, school_code, gap }) as RecommendationRow;

describe('programme advice', () => {
  it("keeps one school's rows of the latest year in the mart's order", () => {
    const rows = [label('A', 2025, 2, 'keep'), label('B', 2025, 1, 'expand'), label('A', 2025, 1, 'open'), label('A', 2024, 1, 'review')];
    expect(schoolLabels(rows, 'A').map((r) => [r.year, r.position])).toEqual([[2025, 1], [2025, 2]]);
    expect(schoolLabels(rows, 'C')).toEqual([]);
  });

  it('counts the labels, zero for a label not given', () => {
    // expand 1, open 2, review 0, keep 1
    expect(labelCounts([label('A', 2025, 1, 'expand'), label('A', 2025, 2, 'open'), label('A', 2025, 3, 'open'), label('A', 2025, 4, 'keep')]))
      .toEqual({ expand: 1, open: 2, review: 0, keep: 1 });
  });
});

describe('candidates', () => {
  const rows = [rec(2025, 'ai', 2, 'S2', 300), rec(2025, 'low_altitude', 1, 'S1', 900), rec(2025, 'ai', 1, 'S1', 300), rec(2024, 'ai', 1, 'S3', 200)];

  it("groups the year's candidates by industry, the largest gap first, by rank within", () => {
    expect(candidatesByIndustry(rows, 2025).map((g) => [g.industry_code, g.candidates.map((c) => c.school_code)]))
      .toEqual([['low_altitude', ['S1']], ['ai', ['S1', 'S2']]]);
    expect(candidatesByIndustry(rows, 2023)).toEqual([]);
  });

  it("lists the industries a school is a candidate for in a year, the largest gap first", () => {
    expect(candidacies(rows, 'S1', 2025).map((r) => r.industry_code)).toEqual(['low_altitude', 'ai']);
    expect(candidacies(rows, 'S3', 2025)).toEqual([]);
  });
});
