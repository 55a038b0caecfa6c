import { describe, expect, it } from 'vitest';
import { distinctLabels, ratio, rollup, totals, where } from '../../dashboard/src/lib/aggregate.ts';
import { groupBy } from '../../pipeline/shared/group-by.ts';

const rows = [
  { year: 2025, level: 'higher', district_code: '500112', points: 10, students: 400 },
  { year: 2025, level: 'secondary', district_code: '500112', points: 4, students: null },
  { year: 2025, level: 'higher', district_code: '500101', points: 6, students: 100 },
  { year: 2024, level: 'higher', district_code: '500112', points: 9, students: 300 },
];

describe('where', () => {
  it('applies every active criterion and ignores "" and null', () => {
    expect(where(rows, { year: 2025, level: 'higher', district_code: '' }).map((r) => r.points)).toEqual([10, 6]);
    expect(where(rows, { year: null })).toHaveLength(4);
  });
});

describe('totals and rollup', () => {
  it('sums columns, treating null as 0', () => {
    // 10 + 4 + 6 + 9 = 29 points; 400 + 0 + 100 + 300 = 800 students
    expect(totals(rows, ['points', 'students'])).toEqual({ points: 29, students: 800 });
  });

  it('sums per group in first-seen order', () => {
    const byDistrict = rollup(where(rows, { year: 2025 }), (r) => r.district_code, ['points']);
    // 500112: 10 + 4 = 14; 500101: 6
    expect([...byDistrict]).toEqual([['500112', { points: 14 }], ['500101', { points: 6 }]]);
  });
});

describe('groupBy', () => {
  it('keeps each group\'s rows in order, groups in first-seen order', () => {
    expect([...groupBy(rows, (r) => r.year)].map(([year, list]) => [year, list.map((r) => r.points)])).toEqual([[2025, [10, 4, 6]], [2024, [9]]]);
  });
});

describe('ratio', () => {
  it('is null when the denominator is 0', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('distinctLabels', () => {
  it('adds the qualifier only where two rows shown share a name', () => {
    const majors = [{ name: '中药制药', level: '中职' }, { name: '护理', level: '高职专科' }, { name: '中药制药', level: '高职专科' }];
    expect(distinctLabels(majors, (m) => m.name, (m) => m.level)).toEqual(['中药制药（中职）', '护理', '中药制药（高职专科）']);
  });
});
