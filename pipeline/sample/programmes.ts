/**
 * Yearly rows of programmes.csv from the planned points: intake cohorts move through the
 * programme, so students and graduates of a year follow from the intakes of earlier years.
 */
import { rngFor } from './mulberry32.ts';
import type { Point } from './school-plan.ts';
import { jitter } from './random.ts';

export type Status = 'active' | 'suspended' | 'closed';

export interface ProgrammeRow {
  year: number;
  school_code: string;
  major_code: string;
  plan: number;
  enrolled: number;
  students: number;
  graduates: number | null;
  employment_rate: number | null;
  status: Status;
}

export interface RowOptions {
  seed: number;
  lastYear: number;
  /** Multiplies every point's size: set so the last year's graduates hit the target. */
  scale: number;
  /** Share of rows with graduates whose graduates are left unreported. */
  missingGraduatesShare: number;
  /** Majors serving a key industry place their graduates a little better. */
  keyMatched: Set<string>;
}

/** Share of a cohort still enrolled after each further year. */
const RETENTION = 0.97;

/** Intake of a point in a year: 0 outside the years it recruits, a smaller first cohort. */
function intake(point: Point, year: number, options: RowOptions): number {
  if (year < point.opened || (point.stopped !== null && year >= point.stopped)) return 0;
  const rng = rngFor(options.seed, 'intake', point.school_code, point.major.major_code, year);
  const trend = 1 + 0.015 * (year - options.lastYear);
  const ramp = year === point.opened ? 0.75 : 1;
  return Math.max(1, Math.round(point.size * options.scale * trend * ramp * jitter(rng, 0.12)));
}

/** Status in a year: active while recruiting, suspended while the last cohorts finish, then closed. */
function status(point: Point, year: number): Status | null {
  const closedIn = point.stopped === null ? Infinity : point.stopped + point.major.duration_years;
  if (year < point.opened || year > closedIn) return null;
  if (point.stopped === null || year < point.stopped) return 'active';
  return year < closedIn ? 'suspended' : 'closed';
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The point's row for a year, or null when the point has no row that year. */
export function programmeRow(point: Point, year: number, options: RowOptions): ProgrammeRow | null {
  const state = status(point, year);
  if (!state) return null;
  const duration = point.major.duration_years;
  const rng = rngFor(options.seed, 'row', point.school_code, point.major.major_code, year);
  const enrolled = intake(point, year, options);
  let students = 0;
  for (let k = 0; k < duration; k++) students += Math.round(intake(point, year - k, options) * RETENTION ** k);
  const graduated = Math.round(intake(point, year - duration, options) * RETENTION ** duration);
  const reported = !(graduated > 0 && rng() < options.missingGraduatesShare);
  const employmentBase = options.keyMatched.has(point.major.major_code) ? 0.93 : 0.89;
  const employed = rng() < 0.92 ? Math.min(0.995, employmentBase * jitter(rng, 0.05)) : null;
  return {
    year,
    school_code: point.school_code,
    major_code: point.major.major_code,
    plan: enrolled > 0 ? Math.max(enrolled, Math.round(enrolled / (0.8 + 0.2 * rng()))) : 0,
    enrolled,
    students,
    graduates: reported ? graduated : null,
    employment_rate: reported && graduated > 0 && employed !== null ? round3(employed) : null,
    status: state,
  };
}
