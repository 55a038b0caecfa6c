/**
 * How big the sample is and what it is calibrated to. Every count the generator uses comes
 * from here, so other scales (province, national) are new entries, not code changes.
 */
import type { Level } from './reference.ts';
import type { CalibrationTargets } from './calibration-check.ts';

export interface SampleSize {
  name: string;
  /** First and last school year; the last is the one calibrated to the public figures. */
  years: { first: number; last: number };
  schools: Record<Level, number>;
  /** Range of active programme points per school in the last year, by level. */
  pointsPerSchool: Record<Level, [number, number]>;
  /** Active programme points (专业点) in the last year. */
  activePoints: number;
  /** Share of active points whose major serves a key industry. */
  matchRate: number;
  /** Graduates of active points in the last year (reported, or estimated where missing). */
  graduates: number;
  /** Extra points whose intake stops during the years (停招, then 撤销), as a share of activePoints. */
  retiredShare: number;
  /** Share of active points opened during the years (the rest opened before the first year). */
  openedShare: number;
  /** Share of points with intake whose graduates are not reported (exercises estimation). */
  missingGraduatesShare: number;
  /** Majors forced to be offered by many schools, found by name, and how many schools at least. */
  duplicated: { keywords: string[]; minSchools: number };
  /**
   * Industries served by a fixed set of schools: for each designated school, the years its
   * points serving the industry opened (a year before `years.first` means long established).
   */
  designated: Record<string, number[][]>;
  /** What the last year must measure; null where no public figure applies. */
  targets: CalibrationTargets | null;
}

/** The seed the committed sample in data/sample was made with. */
export const DEFAULT_SEED = 20250901;

/** A Chongqing-sized city, calibrated to the public figures for 2025. */
export const CITY: SampleSize = {
  name: 'city',
  years: { first: 2019, last: 2025 },
  schools: { secondary: 112, higher: 52, bachelor: 6 },
  pointsPerSchool: { secondary: [8, 22], higher: [24, 52], bachelor: [12, 28] },
  activePoints: 3350,
  matchRate: 0.89,
  graduates: 300_000,
  retiredShare: 0.07,
  openedShare: 0.1,
  missingGraduatesShare: 0.04,
  duplicated: { keywords: ['计算机应用', '会计事务', '电子商务', '汽车运用与维修', '护理', '大数据与会计'], minSchools: 40 },
  designated: {
    advanced_materials: [[2012, 2014], [2015], [2017]],
    // Low-altitude programmes answer the 2023 demand surge one to two years later.
    low_altitude: [[2016, 2025], [2024], [2024], [2025]],
  },
  // The city's published figures (3,300+ programme points, key industries matched 89 %), which the sample reproduces.
  targets: {
    activePoints: [3300, 3400],
    matchRate: [0.885, 0.895],
    graduates: [291_000, 309_000],
    schoolsServing: { advanced_materials: 3, low_altitude: 4 },
    tight: { industries: ['ai', 'smart_manufacturing'], above: 1.5 },
    shortage: { industries: ['advanced_materials', 'low_altitude'], below: 0.8 },
    balanced: [0.8, 1.2],
    surge: { industry: 'low_altitude', from: 2023, minGrowth: 0.3, lag: [1, 2] },
    duplicated: { minSchools: 40, majors: 3 },
    employmentFilled: 0.8,
  },
};

export const SIZES: Record<string, SampleSize> = { city: CITY };
