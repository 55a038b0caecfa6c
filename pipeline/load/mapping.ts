/**
 * mapping.json in a data folder: how that folder's files differ from the schemas (see
 * schemas/mapping.schema.json and docs/inputs.md). Checked against the table schemas when read, so
 * a typo in a field name aborts with the place named instead of mapping nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIFICATION_TABLES, INPUT_NAMES, readSchema } from '../config/schema.ts';
import { LoadError } from './errors.ts';

export interface TableMapping {
  /** File name in the data folder, when it is not <table>.csv / .xlsx (e.g. the 备案结果 export as downloaded). */
  file?: string;
  /** Worksheet of an .xlsx; default the first whose header fits. */
  sheet?: string;
  /** Header text → field name, for headings the built-in aliases do not know. */
  columns?: Record<string, string>;
  /** Field name → (text in the file → value), read before validation like the built-in words. */
  values?: Record<string, Record<string, string>>;
}

export interface Mapping {
  /**
   * current_from: from this school year on, codes are read in the 2021 catalogue, before it in the
   * legacy ones (default 2021); choose: legacy code → the 2021 successor of a split major.
   */
  catalogue?: { current_from?: number; choose?: Record<string, string> };
  tables: Partial<Record<string, TableMapping>>;
}

export const MAPPING_FILE = 'mapping.json';

const MAPPED_TABLES: readonly string[] = [...INPUT_NAMES, ...CLASSIFICATION_TABLES, 'legacy_majors', 'major_successors', 'former_districts', 'plan_proposals'];

function fail(file: string, where: string, message: string): never {
  throw new LoadError(`${file}: 映射文件有误 — ${where}: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkStrings(file: string, where: string, value: unknown): Record<string, string> {
  if (!isObject(value)) fail(file, where, 'must be an object of texts');
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'string') fail(file, `${where}.${k}`, 'must be a text');
  return value as Record<string, string>;
}

function checkTable(file: string, table: string, value: unknown): TableMapping {
  if (!isObject(value)) fail(file, table, 'must be an object');
  const schema = readSchema(table);
  const fields = new Set(schema.fields.map((f) => f.name));
  const known = ['file', 'sheet', 'columns', 'values'];
  for (const key of Object.keys(value)) if (!known.includes(key)) fail(file, `${table}.${key}`, `unknown key (one of ${known.join(', ')})`);
  for (const key of ['file', 'sheet'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') fail(file, `${table}.${key}`, 'must be a text');
  }
  const columns = value.columns === undefined ? undefined : checkStrings(file, `${table}.columns`, value.columns);
  for (const [text, field] of Object.entries(columns ?? {})) {
    if (!fields.has(field)) fail(file, `${table}.columns."${text}"`, `"${field}" is not a field of ${table} (${[...fields].join(', ')})`);
  }
  let values: TableMapping['values'];
  if (value.values !== undefined) {
    if (!isObject(value.values)) fail(file, `${table}.values`, 'must be an object');
    values = {};
    for (const [field, map] of Object.entries(value.values)) {
      if (!fields.has(field)) fail(file, `${table}.values.${field}`, `not a field of ${table}`);
      values[field] = checkStrings(file, `${table}.values.${field}`, map);
      // A word read as a value the field cannot take would be rejected on every row that has it.
      const allowed = schema.fields.find((f) => f.name === field)?.constraints?.enum;
      for (const [word, read] of Object.entries(values[field])) {
        if (allowed && !allowed.includes(read)) fail(file, `${table}.values.${field}."${word}"`, `"${read}" is not one of ${allowed.join(', ')}`);
      }
    }
  }
  return { file: value.file as string | undefined, sheet: value.sheet as string | undefined, columns, values };
}

/** The data folder's mapping.json, checked; an empty mapping when the folder has none. */
export function readMapping(dataDir: string): Mapping {
  const file = join(dataDir, MAPPING_FILE);
  if (!existsSync(file)) return { tables: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(file, 'JSON', (error as Error).message);
  }
  if (!isObject(json)) fail(file, 'top level', 'must be an object');
  const mapping: Mapping = { tables: {} };
  for (const [key, value] of Object.entries(json)) {
    if (key === '$schema' || key === '$comment') continue;
    if (key === 'catalogue') {
      if (!isObject(value) || (value.current_from !== undefined && !Number.isInteger(value.current_from))
        || Object.keys(value).some((k) => k !== 'current_from' && k !== 'choose')) {
        fail(file, 'catalogue', 'must be { "current_from": <school year>, "choose": { "<old code>": "<2021 code>" } }');
      }
      mapping.catalogue = {
        current_from: value.current_from as number | undefined,
        choose: value.choose === undefined ? undefined : checkStrings(file, 'catalogue.choose', value.choose),
      };
    } else if (MAPPED_TABLES.includes(key)) {
      mapping.tables[key] = checkTable(file, key, value);
    } else if (key === 'postings') {
      // Read nowhere: taken, it would look as if it applied.
      fail(file, key, 'the daily postings files (postings/YYYY-MM-DD.csv) are not mapped: head their columns as schemas/postings.json does (docs/inputs.md)');
    } else {
      fail(file, key, `unknown key (catalogue, or a table: ${MAPPED_TABLES.join(', ')})`);
    }
  }
  return mapping;
}
