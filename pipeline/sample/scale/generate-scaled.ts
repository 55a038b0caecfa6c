/**
 * Writes a province- or national-size synthetic sample into a folder (outside the repository:
 * a national one is over a gigabyte): districts, schools, programmes, demand, a year of daily
 * postings, the Data Package descriptor and a README. Same seed, same files, byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inForceBy, keyMatchedMajors, readReference } from '../reference.ts';
import { programmeRow, type RowOptions } from '../programmes.ts';
import { emergingIndustries } from '../demand-profile.ts';
import { openCsv } from '../write-csv.ts';
import { createCalibration } from '../calibration.ts';
import type { Point } from '../school-plan.ts';
import { readSchema, storedFields } from '../../config/schema.ts';
import { syntheticCounties } from './counties.ts';
import { generateScaledSchools } from './scaled-schools.ts';
import { planScaledPoints } from './scaled-points.ts';
import { scaledDemandRows } from './scaled-demand.ts';
import { writeScaledPostings, type PostingCell, type PostingsWritten } from './postings.ts';
import { scaledDescriptor, scaledReadme } from './scaled-package.ts';
import type { ScaleSize } from './scale-sizes.ts';
import { sampleMapping } from '../datapackage.ts';

export interface ScaledOptions {
  seed: number;
  outDir: string;
  referenceDir: string;
  size: ScaleSize;
}

export interface ScaledFigures {
  counties: number;
  schools: number;
  programme_rows: number;
  /** Active points, match rate and graduates (estimated where missing) of the last year. */
  active_points: number;
  match_rate: number;
  graduates: number;
  demand_rows: number;
  postings: PostingsWritten;
}

const fieldsOf = (table: string) => storedFields(readSchema(table)).map((f) => f.name);

/** Sample every 16th point: intakes are set so the last year averages graduatesPerPoint per active point. */
function intakeScale(points: readonly Point[], base: Omit<RowOptions, 'scale'>, target: number): number {
  let active = 0;
  let graduates = 0;
  for (let i = 0; i < points.length; i += 16) {
    const row = programmeRow(points[i], base.lastYear, { ...base, scale: target });
    if (row?.status !== 'active') continue;
    active++;
    graduates += row.graduates ?? row.students / points[i].major.duration_years;
  }
  return (target * target * active) / graduates;
}

export function generateScaled(options: ScaledOptions, effects: { log(message: string): void }): ScaledFigures {
  const { seed, outDir, size } = options;
  const { first, last } = size.years;
  const reference = inForceBy(readReference(options.referenceDir), last);
  mkdirSync(outDir, { recursive: true });
  const write = <T extends object>(table: string, rows: Iterable<T>, each: (row: T) => void = () => {}) => {
    const csv = openCsv(join(outDir, `${table}.csv`), fieldsOf(table));
    for (const row of rows) {
      csv.write(row);
      each(row);
    }
    const n = csv.close();
    effects.log(`${table}.csv: ${n.toLocaleString('en')} rows`);
    return n;
  };

  const counties = syntheticCounties(size.provinces);
  write('districts', counties.map(({ district_code, district_name, area_group }) => ({ district_code, district_name, area_group })));
  const schools = generateScaledSchools(seed, counties, size.schools);
  write('schools', schools);

  const points = planScaledPoints(seed, schools, reference, size, emergingIndustries());
  const base = { seed, lastYear: last, missingGraduatesShare: size.missingGraduatesShare, keyMatched: keyMatchedMajors(reference) };
  const rowOptions = { ...base, scale: intakeScale(points, base, size.graduatesPerPoint) };
  const calibration = createCalibration(reference, schools, last);
  function* programmeRows() {
    for (let year = first; year <= last; year++) {
      for (const point of points) {
        const row = programmeRow(point, year, rowOptions);
        if (row) yield row;
      }
    }
  }
  const programmes = write('programmes', programmeRows(), calibration.addProgramme);

  const byCode = new Map(counties.map((c) => [c.district_code, c]));
  const cells: PostingCell[] = [];
  const demandOptions = { seed, years: size.years, counties, industries: reference.industries, supply: calibration.supply() };
  const demand = write('demand', scaledDemandRows(demandOptions), (row) => {
    if (row.year === last && row.openings > 0) cells.push({ ...row, county: byCode.get(row.district_code)!, industry: row.industry_code });
  });
  const postings = writeScaledPostings({ seed, outDir, year: last, total: size.postings, cells });
  effects.log(`postings/: ${postings.files} files, ${postings.rows.toLocaleString('en')} rows (${postings.reposts.toLocaleString('en')} re-sent)`);

  writeFileSync(join(outDir, 'datapackage.json'), JSON.stringify(scaledDescriptor(seed, size), null, 2) + '\n');
  writeFileSync(join(outDir, 'README.md'), scaledReadme(seed, size));
  writeFileSync(join(outDir, 'mapping.json'), sampleMapping(size.years.first));
  const figures = calibration.figures();
  return {
    counties: counties.length,
    schools: schools.length,
    programme_rows: programmes,
    active_points: figures.active_points,
    match_rate: figures.match_rate,
    graduates: figures.graduates,
    demand_rows: demand,
    postings,
  };
}
