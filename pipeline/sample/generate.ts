/**
 * Generates the synthetic sample into a folder: schools, programmes and demand CSVs, a year of
 * daily postings files, the Data Package descriptor and a README, then measures the result and
 * fails if it is off target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rngFor } from './mulberry32.ts';
import { inForceBy, keyMatchedMajors, readReference } from './reference.ts';
import { readSchema, storedFields } from '../config/schema.ts';
import { generateSchools } from './schools.ts';
import { planPoints } from './point-plan.ts';
import { programmeRow, type RowOptions } from './programmes.ts';
import { demandRows, type DemandRow } from './demand.ts';
import { emergingIndustries } from './demand-profile.ts';
import { openCsv } from './write-csv.ts';
import { type CalibrationFigures, createCalibration } from './calibration.ts';
import { checkCalibration } from './calibration-check.ts';
import { sampleDescriptor, sampleMapping, sampleReadme } from './datapackage.ts';
import { postingDays } from './postings.ts';
import { writePostingFiles } from './posting-files.ts';
import type { Point } from './school-plan.ts';
import type { SampleSize } from './sizes.ts';

export interface GenerateOptions {
  seed: number;
  outDir: string;
  referenceDir: string;
  size: SampleSize;
}

export interface GenerateEffects {
  log(message: string): void;
}

const fieldsOf = (table: string) => storedFields(readSchema(table)).map((f) => f.name);

/** The last year's graduates of active points, estimated where missing as the warehouse does. */
function lastYearGraduates(points: readonly Point[], options: RowOptions): number {
  let total = 0;
  for (const point of points) {
    const row = programmeRow(point, options.lastYear, options);
    if (row?.status === 'active') total += row.graduates ?? row.students / point.major.duration_years;
  }
  return total;
}

/**
 * The factor that brings the last year's graduates to the target. Intakes are rounded, so a
 * few refinements converge on it; the random draws themselves do not depend on the scale.
 */
function graduateScale(points: readonly Point[], options: Omit<RowOptions, 'scale'>, target: number): number {
  let scale = 1;
  for (let i = 0; i < 4; i++) scale *= target / lastYearGraduates(points, { ...options, scale });
  return scale;
}

/** Writes the sample and returns its measured calibration figures; throws when a target is missed. */
export function generateSample(options: GenerateOptions, effects: GenerateEffects): CalibrationFigures {
  const { seed, outDir, size } = options;
  const { first, last } = size.years;
  const reference = inForceBy(readReference(options.referenceDir), last);
  mkdirSync(outDir, { recursive: true });

  const schools = generateSchools(rngFor(seed, 'schools'), reference.districts, size.schools);
  const schoolsCsv = openCsv(join(outDir, 'schools.csv'), fieldsOf('schools'));
  schools.forEach(schoolsCsv.write);
  effects.log(`schools.csv: ${schoolsCsv.close()} rows`);

  const points = planPoints(seed, schools, reference, size, emergingIndustries());
  const base = { seed, lastYear: last, missingGraduatesShare: size.missingGraduatesShare, keyMatched: keyMatchedMajors(reference) };
  const rowOptions = { ...base, scale: graduateScale(points, base, size.graduates) };
  const calibration = createCalibration(reference, schools, last);
  const programmesCsv = openCsv(join(outDir, 'programmes.csv'), fieldsOf('programmes'));
  for (let year = first; year <= last; year++) {
    for (const point of points) {
      const row = programmeRow(point, year, rowOptions);
      if (!row) continue;
      programmesCsv.write(row);
      calibration.addProgramme(row);
    }
  }
  effects.log(`programmes.csv: ${programmesCsv.close()} rows`);

  const demandCsv = openCsv(join(outDir, 'demand.csv'), fieldsOf('demand'));
  const supply = calibration.supply();
  const lastDemand: DemandRow[] = [];
  for (const row of demandRows({ seed, years: size.years, districts: reference.districts, industries: reference.industries, supply })) {
    demandCsv.write(row);
    calibration.addDemand(row);
    if (row.year === last) lastDemand.push(row);
  }
  effects.log(`demand.csv: ${demandCsv.close()} rows`);

  const days = postingDays(seed, lastDemand, last);
  effects.log(`postings/: ${writePostingFiles(join(outDir, 'postings'), days)} rows in ${days.size} daily files`);

  writeFileSync(join(outDir, 'datapackage.json'), JSON.stringify(sampleDescriptor(seed, size), null, 2) + '\n');
  writeFileSync(join(outDir, 'README.md'), sampleReadme(seed, size));
  writeFileSync(join(outDir, 'mapping.json'), sampleMapping(size.years.first));
  const figures = calibration.figures();
  const misses = size.targets ? checkCalibration(figures, size.targets) : [];
  if (misses.length) throw new Error(`sample misses its calibration targets:\n  ${misses.join('\n  ')}`);
  return figures;
}
