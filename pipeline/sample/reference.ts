/**
 * The reference tables the sample is built on (real districts, catalogue majors, industries,
 * crosswalk), read from CSV at run time so the sample always agrees with data/reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readSchema, type TableSchema } from '../config/schema.ts';

export type Level = 'secondary' | 'higher' | 'bachelor';
export const LEVELS: readonly Level[] = ['secondary', 'higher', 'bachelor'];

export interface District {
  district_code: string;
  district_name: string;
  area_group: string;
}

export interface Major {
  major_code: string;
  major_name: string;
  level: Level;
  division_code: string;
  division_name: string;
  category_code: string;
  category_name: string;
  duration_years: number;
  digital: boolean;
  cost_tier: number;
  valid_from: number;
  valid_to: number | null;
}

export interface Industry {
  industry_code: string;
  name_zh: string;
  name_en: string;
  tier: number;
  key: boolean;
}

export interface CrosswalkRow {
  major_code: string;
  industry_code: string;
  segment_code: string;
  weight: number;
}

/** A 专业类's default row; industry and segment are null on the row saying it serves none. */
export interface CrosswalkDefaultRow {
  category_code: string;
  industry_code: string | null;
  segment_code: string | null;
  weight: number;
}

export interface Reference {
  districts: District[];
  majors: Major[];
  industries: Industry[];
  crosswalk: CrosswalkRow[];
}

/** Turns CSV text cells into typed values as the table schema says ('' is missing). */
export function typeRecord(schema: TableSchema, record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const text = record[field.name] ?? '';
    if (text === '') out[field.name] = null;
    else if (field.type === 'integer' || field.type === 'number') out[field.name] = Number(text);
    else if (field.type === 'boolean') out[field.name] = text === 'true';
    else out[field.name] = text;
  }
  return out;
}

/** Reads one CSV of a data folder, typed by its schema. */
export function readTable<T>(dir: string, name: string): T[] {
  const schema = readSchema(name);
  const records = parse(readFileSync(join(dir, `${name}.csv`), 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  return records.map((record) => typeRecord(schema, record) as T);
}

/** Reads the reference tables the generator needs from a folder such as data/reference. */
export function readReference(dir: string): Reference {
  const majors = readTable<Major>(dir, 'majors');
  return {
    districts: readTable<District>(dir, 'districts'),
    majors,
    industries: readTable<Industry>(dir, 'industries'),
    crosswalk: resolveCrosswalk(majors, readTable<CrosswalkRow>(dir, 'crosswalk'), readTable<CrosswalkDefaultRow>(dir, 'crosswalk_defaults')),
  };
}

/**
 * The reference as it stood in `year`: majors whose catalogue entry starts later (a yearly addition
 * announced ahead of its first intake) and their crosswalk rows are left out.
 */
export function inForceBy(reference: Reference, year: number): Reference {
  const majors = reference.majors.filter((m) => m.valid_from <= year);
  const codes = new Set(majors.map((m) => m.major_code));
  return { ...reference, majors, crosswalk: reference.crosswalk.filter((r) => codes.has(r.major_code)) };
}

/**
 * A major's own crosswalk rows where it has any, else its 专业类's default weights (none for a
 * 专业类 that serves none): the rule stg_crosswalk applies in the warehouse.
 */
export function resolveCrosswalk(
  majors: readonly Major[],
  own: readonly CrosswalkRow[],
  defaults: readonly CrosswalkDefaultRow[],
): CrosswalkRow[] {
  const mapped = new Set(own.map((r) => r.major_code));
  const inherited = majors
    .filter((m) => !mapped.has(m.major_code))
    .flatMap((m) =>
      defaults.flatMap(({ category_code, industry_code, segment_code, weight }) =>
        category_code === m.category_code && industry_code && segment_code ? [{ major_code: m.major_code, industry_code, segment_code, weight }] : [],
      ),
    );
  return [...own, ...inherited];
}

/** Weight of each major towards each industry, summed over segments (the supply share). */
export function industryWeights(crosswalk: readonly CrosswalkRow[]): Map<string, Map<string, number>> {
  const byMajor = new Map<string, Map<string, number>>();
  for (const row of crosswalk) {
    const weights = byMajor.get(row.major_code) ?? new Map<string, number>();
    weights.set(row.industry_code, (weights.get(row.industry_code) ?? 0) + row.weight);
    byMajor.set(row.major_code, weights);
  }
  return byMajor;
}

/** Majors with a weight > 0 towards at least one key industry: the numerator of the match rate. */
export function keyMatchedMajors(reference: Reference): Set<string> {
  const key = new Set(reference.industries.filter((i) => i.key).map((i) => i.industry_code));
  return new Set(reference.crosswalk.filter((r) => r.weight > 0 && key.has(r.industry_code)).map((r) => r.major_code));
}
