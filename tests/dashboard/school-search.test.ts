import { describe, expect, it } from 'vitest';
import { searchSchools } from '../../dashboard/src/lib/school-search.ts';
import type { SchoolRow } from '../../dashboard/src/lib/types.ts';

const school = (school_code: string, school_name: string): SchoolRow => ({
  school_code, school_name, level: 'higher', district_code: '500112', district_name: '渝北区', ownership: 'public',
  programme_points: 1, students: 1, graduates: 1, matched_points: 1, overlap_share: 0,
});
const schools = [school('4150000001', '重庆渝北职业技术学院'), school('4150000002', 'Chongqing Aviation College'), school('4151000003', '重庆市巴南职业教育中心')];

describe('searchSchools', () => {
  it('matches a substring of the name, case-insensitively', () => {
    expect(searchSchools(schools, '渝北').map((s) => s.school_code)).toEqual(['4150000001']);
    expect(searchSchools(schools, ' aviation ').map((s) => s.school_code)).toEqual(['4150000002']);
  });

  it('matches a substring of the code', () => {
    expect(searchSchools(schools, '41510').map((s) => s.school_code)).toEqual(['4151000003']);
  });

  it('returns every school for an empty query', () => {
    expect(searchSchools(schools, '  ')).toHaveLength(3);
  });
});
