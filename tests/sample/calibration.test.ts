import { describe, expect, it } from 'vitest';
import { createCalibration } from '../../pipeline/sample/calibration.ts';
import { type CalibrationTargets, checkCalibration, firstGrowthYear } from '../../pipeline/sample/calibration-check.ts';
import type { Major, Reference } from '../../pipeline/sample/reference.ts';
import type { ProgrammeRow } from '../../pipeline/sample/programmes.ts';
import type { School } from '../../pipeline/sample/schools.ts';

const major = (major_code: string, level: Major['level']): Major => ({
  major_code,
  major_name: major_code,
  level,
  division_code: '51',
  division_name: 'd',
  category_code: '5101',
  category_name: 'c',
  duration_years: 3,
  digital: false,
  cost_tier: 1,
  valid_from: 2021,
  valid_to: null,
});

const reference: Reference = {
  districts: [],
  majors: [major('100001', 'secondary'), major('100002', 'secondary'), major('200001', 'higher')],
  industries: [
    { industry_code: 'k1', name_zh: 'k1', name_en: 'k1', tier: 1, key: true },
    { industry_code: 'k2', name_zh: 'k2', name_en: 'k2', tier: 1, key: true },
    { industry_code: 'n1', name_zh: 'n1', name_en: 'n1', tier: 3, key: false },
  ],
  crosswalk: [
    { major_code: '100001', industry_code: 'k1', segment_code: 'a', weight: 0.5 },
    { major_code: '100001', industry_code: 'n1', segment_code: 'a', weight: 0.5 },
    { major_code: '100002', industry_code: 'n1', segment_code: 'a', weight: 1 },
    { major_code: '200001', industry_code: 'k2', segment_code: 'a', weight: 0.4 },
  ],
};

const school = (school_code: string, level: School['level']): School => ({
  school_code,
  school_name: school_code,
  level,
  district_code: '500101',
  ownership: 'public',
});
const schools = [school('s1', 'secondary'), school('s2', 'secondary'), school('s3', 'higher')];

const row = (year: number, school_code: string, major_code: string, graduates: number | null, extra: Partial<ProgrammeRow> = {}): ProgrammeRow => ({
  year,
  school_code,
  major_code,
  plan: 40,
  enrolled: 30,
  students: 90,
  graduates,
  employment_rate: graduates ? 0.9 : null,
  status: 'active',
  ...extra,
});

function measure() {
  const calibration = createCalibration(reference, schools, 2025);
  [
    row(2024, 's1', '100001', 30),
    row(2025, 's1', '100001', 30),
    row(2025, 's1', '100002', null), // estimated: 90 students ÷ 3 years = 30
    row(2025, 's2', '100001', 60),
    row(2025, 's2', '100002', 20, { status: 'suspended' }), // not an active point
    row(2025, 's3', '200001', 100, { employment_rate: null }),
    row(2025, 's3', '100001', 10), // a secondary major at a higher school
  ].forEach(calibration.addProgramme);
  const demand = (year: number, industry_code: string, openings: number, seekers: number) =>
    calibration.addDemand({ year, district_code: '500101', industry_code, level: 'higher', openings, seekers });
  demand(2024, 'k1', 50, 50);
  demand(2025, 'k1', 100, 40);
  demand(2025, 'k1', 25, 10);
  demand(2025, 'k2', 40, 40);
  demand(2025, 'n1', 50, 100);
  return calibration.figures();
}

describe('calibration figures', () => {
  const f = measure();

  it('counts active points and the key-matched share', () => {
    // Active in 2025: s1×100001, s1×100002, s2×100001, s3×200001, s3×100001 = 5;
    // matched (serving k1 or k2): 100001 three times + 200001 = 4 → 0.8.
    expect(f.active_points).toBe(5);
    expect(f.matched_points).toBe(4);
    expect(f.match_rate).toBeCloseTo(0.8);
  });

  it('estimates missing graduates as students ÷ duration', () => {
    // 30 + 30 (estimated) + 60 + 100 + 10 = 230.
    expect(f.graduates).toBeCloseTo(230);
    expect(f.estimated_graduates).toBeCloseTo(30);
    expect(f.missing_graduates).toBe(1);
    // Rows with graduates: s1×100001, s2×100001, s3×200001, s3×100001; 3 report employment.
    expect(f.employment_filled).toBeCloseTo(0.75);
  });

  it('shares supply by crosswalk weight and counts schools per industry', () => {
    // k1: (30 + 60 + 10) × 0.5 = 50; k2: 100 × 0.4 = 40; n1: (30 + 60 + 10) × 0.5 + 30 × 1 = 80.
    expect(f.industries.k1.supply).toBeCloseTo(50);
    expect(f.industries.k2.supply).toBeCloseTo(40);
    expect(f.industries.n1.supply).toBeCloseTo(80);
    expect([f.industries.k1.schools, f.industries.k2.schools, f.industries.n1.schools]).toEqual([3, 1, 3]);
    expect(f.industries.k1.points_by_year).toEqual({ 2024: 1, 2025: 3 });
  });

  it('compares supply with openings and openings with seekers', () => {
    // k1 openings 125, seekers 50: fill 50 / 125 = 0.4, demand ratio 2.5.
    expect(f.industries.k1.fill_ratio).toBeCloseTo(0.4);
    expect(f.industries.k1.demand_ratio).toBeCloseTo(2.5);
    expect(f.industries.n1.fill_ratio).toBeCloseTo(1.6);
    expect(f.small_demand_cells).toBe(1);
  });

  it('counts status rows, level mismatches and schools per major', () => {
    expect([f.suspended_rows, f.closed_rows, f.level_mismatches]).toEqual([1, 0, 1]);
    expect(f.schools_per_major[0]).toEqual(['100001', 3]);
  });
});

describe('checkCalibration', () => {
  const targets: CalibrationTargets = {
    activePoints: [5, 5],
    matchRate: [0.8, 0.8],
    graduates: [230, 230],
    schoolsServing: { k1: 3, k2: 2 },
    tight: { industries: ['k1'], above: 1.5 },
    shortage: { industries: ['k1'], below: 0.8 },
    balanced: [0.8, 1.2],
    surge: { industry: 'k1', from: 2025, minGrowth: 0.3, lag: [1, 2] },
    duplicated: { minSchools: 3, majors: 1 },
    employmentFilled: 0.7,
  };

  it('reports exactly the missed targets', () => {
    // k2 has one school, k1's points grow in the surge year itself (lag 0), nothing is closed,
    // and one programme sits at the wrong level; every other target holds.
    expect(checkCalibration(measure(), targets)).toEqual([
      'k2 served by 1 schools, not 2',
      'k1 points respond after 0 years, not 1–2',
      'no suspended or no closed programme',
      '1 programmes whose major level differs from the school\'s',
    ]);
  });

  it('finds the first year a series grows by more than a share', () => {
    // 100 → 104 (+4 %) → 160 (+54 %) → 250.
    expect(firstGrowthYear({ 2021: 100, 2022: 104, 2023: 160, 2024: 250 }, 0.3)).toBe(2023);
    expect(firstGrowthYear({ 2021: 100, 2022: 104 }, 0.3)).toBeNull();
  });
});
