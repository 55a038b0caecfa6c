/**
 * Sizes of the scaled synthetic samples. The city sample (pipeline/sample/sizes.ts) is calibrated
 * to public figures; these are not: they are shaped like a province and like the whole country
 * so that the pipeline can be measured at those sizes. Every count the scaled generator uses is here.
 */
import type { Level } from '../reference.ts';
import type { SampleSize } from '../sizes.ts';

/** Shares the city sample's meaning for years, schools, points and the retired/opened/missing shares. */
export interface ScaleSize
  extends Pick<SampleSize, 'years' | 'schools' | 'activePoints' | 'pointsPerSchool' | 'retiredShare' | 'openedShare' | 'missingGraduatesShare'> {
  name: string;
  /** Province codes covered; their synthetic counties become the sample's districts. */
  provinces: readonly string[];
  /** Share of activePoints each level holds (points are drawn to add up exactly). */
  pointShare: Record<Level, number>;
  /** Spread of school sizes (log-normal sigma): a few large colleges, many small schools. */
  schoolSkew: number;
  /** Average graduates of an active point in the last year (sets the intake scale). */
  graduatesPerPoint: number;
  /** Job-posting rows over the last year (re-sent ones included, in the share the city sample's profile says). */
  postings: number;
}

const ALL_PROVINCES = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
];

const COMMON = {
  years: { first: 2019, last: 2025 },
  pointShare: { secondary: 0.54, higher: 0.45, bachelor: 0.01 },
  pointsPerSchool: { secondary: [3, 40], higher: [8, 95], bachelor: [10, 60] } as Record<Level, [number, number]>,
  schoolSkew: 0.5,
  graduatesPerPoint: 50,
  retiredShare: 0.07,
  openedShare: 0.1,
  missingGraduatesShare: 0.04,
};

/** One large province (Sichuan-shaped: 183 counties). */
export const PROVINCE: ScaleSize = {
  ...COMMON,
  name: 'province',
  provinces: ['51'],
  schools: { secondary: 430, higher: 85, bachelor: 5 },
  activePoints: 8_300,
  postings: 1_000_000,
};

/** The whole country: 31 provinces, about 2,800 counties. */
export const NATIONAL: ScaleSize = {
  ...COMMON,
  name: 'national',
  provinces: ALL_PROVINCES,
  schools: { secondary: 8_900, higher: 2_030, bachelor: 70 },
  activePoints: 182_000,
  postings: 10_500_000,
};

export const SCALES: Record<string, ScaleSize> = { province: PROVINCE, national: NATIONAL };
