/**
 * Input table schemas (Frictionless Table Schema, one JSON file per table in schemas/).
 * They are the single source of column names, titles, types and constraints: the loader,
 * the model fixtures and docs/inputs.md are all derived from them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface FieldConstraints {
  required?: boolean;
  pattern?: string;
  /** A number, or for a date field its earliest day (YYYY-MM-DD). */
  minimum?: number | string;
  maximum?: number | string;
  enum?: string[];
}

export interface Field {
  name: string;
  title: string;
  /** Everyday header texts bureaus use for the field (学校代码 for school_code), matched like the title. */
  aliases?: string[];
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  description: string;
  constraints?: FieldConstraints;
  /** Words read as an enum value before validation (招生 → active), each change counted and reported. */
  valueAliases?: Record<string, string>;
  /** Read only to check another field against it (a major's name against its code), not kept in raw_<table>. */
  checkOnly?: boolean;
}

/** The fields kept in raw_<table>: all but those read only for a check. */
export const storedFields = (schema: TableSchema): Field[] => schema.fields.filter((f) => !f.checkOnly);

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface TableSchema {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
}

/** Load order: every table comes after the tables its foreign keys point to. */
export const TABLES = [
  'districts',
  'majors',
  'industries',
  'industry_segments',
  'crosswalk',
  'crosswalk_defaults',
  'schools',
  'programmes',
  'demand',
] as const;

export type TableName = (typeof TABLES)[number];

/** The 备案结果 export and its figures, read instead of programmes where a folder has no programmes file (load/listing.ts). */
export const LISTING_TABLES = ['programme_listing', 'programme_figures'] as const;

/** Every input a file of the data folder, or an upload accepted on the platform, provides. */
export const INPUT_NAMES = [...TABLES, ...LISTING_TABLES] as const;
export type InputName = (typeof INPUT_NAMES)[number];
export const isInputName = (name: string): name is InputName => (INPUT_NAMES as readonly string[]).includes(name);

/** What departments deliver on the platform: every input's file, and the postings feed's daily files. */
export const DELIVERED_INPUTS = [...INPUT_NAMES, 'postings'] as const;
export type DeliveredInput = (typeof DELIVERED_INPUTS)[number];
export const isDeliveredInput = (name: string): name is DeliveredInput => (DELIVERED_INPUTS as readonly string[]).includes(name);

/** A school code as an account is bound to it (and a school's delivery names it). */
export const SCHOOL_CODE = /^[0-9A-Za-z]{1,32}$/;

/** A field holding a number (a count, a rate, a year): what a unit or a merged cell can put wrong. */
export const isNumeric = (f: Field | undefined): f is Field => f?.type === 'integer' || f?.type === 'number';

/** The tables that classify postings (postings/classification-tables.ts), loaded in this order: none refers to another. */
export const CLASSIFICATION_TABLES = ['posting_rules', 'posting_employers', 'posting_occupations', 'posting_noise'] as const;

/** Reference tables fall back to data/reference when a data folder does not carry its own copy. */
export const REFERENCE_TABLES: readonly TableName[] = ['districts', 'majors', 'industries', 'industry_segments', 'crosswalk', 'crosswalk_defaults'];

export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Reads one table's schema from schemas/<name>.json. */
export function readSchema(name: string, dir = SCHEMAS_DIR): TableSchema {
  return JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')) as TableSchema;
}

const DUCKDB_TYPES: Record<Field['type'], string> = {
  string: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

/** DuckDB column type of a schema field. */
export function duckdbType(field: Field): string {
  return DUCKDB_TYPES[field.type];
}

/** A schema's stored columns with their DuckDB types. */
export const storedColumns = (schema: TableSchema) => storedFields(schema).map((f) => ({ name: f.name, type: duckdbType(f) }));

/** `CREATE TABLE` column list for a schema, e.g. `"year" INTEGER, "school_code" VARCHAR`. */
export function columnDefinitions(schema: TableSchema): string {
  return storedColumns(schema).map(({ name, type }) => `"${name}" ${type}`).join(', ');
}

/**
 * Columns the loader adds to a raw_ table beyond its schema's: for a programme row, the catalogue
 * its code was read in and the code as the file gave it, where it was carried to its 2021
 * successor (load/catalogue-versions.ts).
 */
const SOURCE_COLUMNS = `"source_major_code" VARCHAR, "catalogue" VARCHAR`;
const LOADER_COLUMNS: Partial<Record<string, string>> = {
  programmes: SOURCE_COLUMNS,
  programme_listing: SOURCE_COLUMNS,
  programme_figures: SOURCE_COLUMNS,
};

/** `CREATE TABLE` column list of a raw_ table: the schema's columns, then those the loader adds. */
export function rawColumnDefinitions(schema: TableSchema): string {
  return [columnDefinitions(schema), LOADER_COLUMNS[schema.name]].filter(Boolean).join(', ');
}

/** Name of the typed table the loader writes for an input table. */
export const rawTable = (name: string) => `raw_${name}`;
