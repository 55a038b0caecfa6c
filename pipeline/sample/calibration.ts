/**
 * Measures the sample against the public figures it is calibrated to, straight from its rows
 * and the reference tables (not from the generator's intentions), so the generator and the
 * tests can both prove that the shipped sample says what the spec promises.
 */
import { type Reference, industryWeights, keyMatchedMajors } from './reference.ts';
import type { ProgrammeRow } from './programmes.ts';
import type { DemandRow } from './demand.ts';
import type { School } from './schools.ts';

export interface IndustryFigures {
  schools: number;
  /** Graduates × crosswalk weight over the year's active points (estimated where missing). */
  supply: number;
  openings: number;
  seekers: number;
  /** supply ÷ openings; null without openings. */
  fill_ratio: number | null;
  /** openings ÷ seekers; null without seekers. */
  demand_ratio: number | null;
  /** Active points mapped to the industry, per year. */
  points_by_year: Record<number, number>;
  openings_by_year: Record<number, number>;
}

export interface CalibrationFigures {
  year: number;
  active_points: number;
  matched_points: number;
  match_rate: number;
  graduates: number;
  estimated_graduates: number;
  /** Active rows of the year with graduates left empty. */
  missing_graduates: number;
  /** Share of the year's active rows with graduates that report an employment rate. */
  employment_filled: number;
  /** Rows in any year with status suspended / closed. */
  suspended_rows: number;
  closed_rows: number;
  /** Schools offering each major in the year, most offered first (major_code → schools). */
  schools_per_major: [string, number][];
  /** Programme rows whose major's level differs from the school's. */
  level_mismatches: number;
  /** Demand rows with fewer than 30 openings. */
  small_demand_cells: number;
  industries: Record<string, IndustryFigures>;
}

export interface Calibration {
  addProgramme(row: ProgrammeRow): void;
  addDemand(row: DemandRow): void;
  /** Supply per industry in the calibrated year so far (the demand side is sized from it). */
  supply(): Map<string, number>;
  figures(): CalibrationFigures;
}

const increment = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** Starts measuring; feed it every programme and demand row. `year` is the calibrated year. */
export function createCalibration(reference: Reference, schools: readonly School[], year: number): Calibration {
  const weights = industryWeights(reference.crosswalk);
  const keyMatched = keyMatchedMajors(reference);
  const majors = new Map(reference.majors.map((m) => [m.major_code, m]));
  const schoolLevel = new Map(schools.map((s) => [s.school_code, s.level]));
  const codes = reference.industries.map((i) => i.industry_code);
  const supply = new Map<string, number>();
  const servedBy = new Map(codes.map((c) => [c, new Set<string>()]));
  const points = new Map<string, number>(); // `${industry}|${year}`
  const openings = new Map<string, number>();
  const seekers = new Map<string, number>();
  const schoolsPerMajor = new Map<string, number>();
  const c = { active: 0, matched: 0, graduates: 0, estimated: 0, missing: 0, withGraduates: 0, employment: 0 };
  const rows = { suspended: 0, closed: 0, mismatched: 0, small: 0 };

  return {
    addProgramme(row) {
      const major = majors.get(row.major_code)!;
      if (schoolLevel.get(row.school_code) !== major.level) rows.mismatched++;
      if (row.status !== 'active') rows[row.status]++;
      if (row.status !== 'active') return;
      const served = weights.get(row.major_code) ?? new Map<string, number>();
      for (const [industry, w] of served) if (w > 0) increment(points, `${industry}|${row.year}`);
      if (row.year !== year) return;
      const graduates = row.graduates ?? row.students / major.duration_years;
      c.active++;
      c.matched += keyMatched.has(row.major_code) ? 1 : 0;
      c.graduates += graduates;
      c.estimated += row.graduates === null ? graduates : 0;
      c.missing += row.graduates === null ? 1 : 0;
      c.withGraduates += row.graduates ? 1 : 0;
      c.employment += row.graduates && row.employment_rate !== null ? 1 : 0;
      increment(schoolsPerMajor, row.major_code);
      for (const [industry, w] of served) {
        if (w <= 0) continue;
        servedBy.get(industry)?.add(row.school_code);
        increment(supply, industry, graduates * w);
      }
    },
    addDemand(row) {
      increment(openings, `${row.industry_code}|${row.year}`, row.openings);
      increment(seekers, `${row.industry_code}|${row.year}`, row.seekers);
      if (row.openings < 30) rows.small++;
    },
    supply: () => new Map(supply),
    figures() {
      const series = (map: Map<string, number>, code: string) =>
        Object.fromEntries([...map].filter(([k]) => k.startsWith(`${code}|`)).map(([k, v]) => [Number(k.split('|')[1]), v]));
      const industries = Object.fromEntries(
        codes.map((code) => {
          const s = supply.get(code) ?? 0;
          const o = openings.get(`${code}|${year}`) ?? 0;
          const k = seekers.get(`${code}|${year}`) ?? 0;
          const figures: IndustryFigures = {
            schools: servedBy.get(code)!.size,
            supply: s,
            openings: o,
            seekers: k,
            fill_ratio: o > 0 ? s / o : null,
            demand_ratio: k > 0 ? o / k : null,
            points_by_year: series(points, code),
            openings_by_year: series(openings, code),
          };
          return [code, figures];
        }),
      );
      return {
        year,
        active_points: c.active,
        matched_points: c.matched,
        match_rate: c.active ? c.matched / c.active : 0,
        graduates: c.graduates,
        estimated_graduates: c.estimated,
        missing_graduates: c.missing,
        employment_filled: c.withGraduates ? c.employment / c.withGraduates : 0,
        suspended_rows: rows.suspended,
        closed_rows: rows.closed,
        schools_per_major: [...schoolsPerMajor].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
        level_mismatches: rows.mismatched,
        small_demand_cells: rows.small,
        industries,
      };
    },
  };
}
