/**
 * The committed sample in data/sample: reproducible from its seed byte for byte, and on its
 * calibration targets when measured from the files themselves.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipeline/sample/generate.ts';
import { CITY, DEFAULT_SEED } from '../../pipeline/sample/sizes.ts';
import { readReference, readTable } from '../../pipeline/sample/reference.ts';
import { createCalibration, type CalibrationFigures } from '../../pipeline/sample/calibration.ts';
import { checkCalibration } from '../../pipeline/sample/calibration-check.ts';
import type { School } from '../../pipeline/sample/schools.ts';
import type { ProgrammeRow } from '../../pipeline/sample/programmes.ts';
import type { DemandRow } from '../../pipeline/sample/demand.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'data/sample');
const REFERENCE = join(ROOT, 'data/reference');
const FILES = ['schools.csv', 'programmes.csv', 'demand.csv', 'datapackage.json', 'README.md', 'mapping.json'];

/** The daily postings files of the last year, e.g. postings/2025-01-01.csv … postings/2025-12-31.csv. */
function postingFiles(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(`postings/${d.toISOString().slice(0, 10)}.csv`);
  }
  return days;
}
const ALL_FILES = [...FILES, ...postingFiles(CITY.years.last)];

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const generate = (seed: number) => {
  const outDir = mkdtempSync(join(tmpdir(), 'sample-'));
  made.push(outDir);
  generateSample({ seed, outDir, referenceDir: REFERENCE, size: CITY }, { log() {} });
  return outDir;
};
const read = (dir: string, file: string) => readFileSync(join(dir, file));

describe('generated sample', () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    first = generate(DEFAULT_SEED);
    second = generate(DEFAULT_SEED);
  });

  it('writes exactly the sample files, with one postings file per day of the last year', () => {
    expect(readdirSync(first).sort()).toEqual([...FILES, 'postings'].sort());
    expect(readdirSync(join(first, 'postings')).map((f) => `postings/${f}`).sort()).toEqual(postingFiles(CITY.years.last));
  });

  it('is byte-identical for the same seed', () => {
    for (const file of ALL_FILES) expect(read(second, file).equals(read(first, file)), file).toBe(true);
  });

  it('reproduces the committed data/sample byte for byte', () => {
    expect(readdirSync(join(SAMPLE, 'postings')).length).toBe(postingFiles(CITY.years.last).length);
    for (const file of ALL_FILES) expect(read(SAMPLE, file).equals(read(first, file)), file).toBe(true);
  });

  it('differs for another seed, and still meets its targets', () => {
    // generateSample throws when a target is missed, so reaching the comparison proves the second half.
    const other = generate(DEFAULT_SEED + 1);
    expect(read(other, 'programmes.csv').equals(read(first, 'programmes.csv'))).toBe(false);
  });
});

describe('committed sample', () => {
  const reference = readReference(REFERENCE);
  const schools = readTable<School>(SAMPLE, 'schools');
  const programmes = readTable<ProgrammeRow>(SAMPLE, 'programmes');
  const demand = readTable<DemandRow>(SAMPLE, 'demand');
  let figures: CalibrationFigures;
  beforeAll(() => {
    const calibration = createCalibration(reference, schools, CITY.years.last);
    programmes.forEach(calibration.addProgramme);
    demand.forEach(calibration.addDemand);
    figures = calibration.figures();
  });

  it('meets every calibration target of the spec', () => {
    expect(checkCalibration(figures, CITY.targets!)).toEqual([]);
  });

  it('hits the city\'s published headline figures', () => {
    const t = CITY.targets!;
    expect(figures.active_points).toBeGreaterThanOrEqual(t.activePoints[0]);
    expect(figures.active_points).toBeLessThanOrEqual(t.activePoints[1]);
    expect(Math.abs(figures.match_rate - 0.89)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(figures.graduates / 300_000 - 1)).toBeLessThanOrEqual(0.03);
    expect(figures.industries.advanced_materials.schools).toBe(3);
    expect(figures.industries.low_altitude.schools).toBe(4);
    expect(figures.industries.ai.demand_ratio).toBeGreaterThan(1.5);
    expect(figures.industries.smart_manufacturing.demand_ratio).toBeGreaterThan(1.5);
  });

  it('covers 2019–2025 with invented, unique schools in every area group', () => {
    expect(new Set(programmes.map((p) => p.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    expect(new Set(schools.map((s) => s.school_code)).size).toBe(schools.length);
    expect(new Set(schools.map((s) => s.school_name)).size).toBe(schools.length);
    expect(schools.every((s) => /^95\d{8}$/.test(s.school_code))).toBe(true);
    const groupOf = new Map(reference.districts.map((d) => [d.district_code, d.area_group]));
    expect(new Set(schools.map((s) => groupOf.get(s.district_code)))).toEqual(new Set(groupOf.values()));
  });

  it('has one programme row per year × school × major and one demand row per year × district × industry × level', () => {
    expect(new Set(programmes.map((p) => `${p.year}|${p.school_code}|${p.major_code}`)).size).toBe(programmes.length);
    const years = CITY.years.last - CITY.years.first + 1;
    expect(demand.length).toBe(years * reference.districts.length * reference.industries.length * 3);
    expect(new Set(demand.map((d) => `${d.year}|${d.district_code}|${d.industry_code}|${d.level}`)).size).toBe(demand.length);
  });

  it('labels itself synthetic', () => {
    const descriptor = JSON.parse(readFileSync(join(SAMPLE, 'datapackage.json'), 'utf8'));
    expect(descriptor['x-data-label']).toBe('sample');
    expect(descriptor['x-synthetic']).toBe(true);
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(['schools.csv', 'programmes.csv', 'demand.csv']);
    expect(readFileSync(join(SAMPLE, 'README.md'), 'utf8')).toMatch(/synthetic/i);
  });
});
