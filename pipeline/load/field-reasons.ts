import type { Field } from '../config/schema.ts';
import { sqlString } from './sql.ts';

const TRUE_TEXTS = ['true', 't', '1', 'yes', 'y', '是'];
const FALSE_TEXTS = ['false', 'f', '0', 'no', 'n', '否'];
const list = (xs: string[]) => xs.map(sqlString).join(', ');

/**
 * SQL expression reading text `v` as the field's type, NULL when it cannot. Stricter than a plain
 * TRY_CAST where that would accept bad input: DuckDB rounds '3.5' to the integer 4.
 */
export function typedValue(field: Field, v: string): string {
  switch (field.type) {
    case 'integer':
      return `CASE WHEN regexp_full_match(${v}, '[+-]?[0-9]+') THEN TRY_CAST(${v} AS INTEGER) END`;
    case 'number':
      return `CASE WHEN isfinite(TRY_CAST(${v} AS DOUBLE)) THEN TRY_CAST(${v} AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN lower(${v}) IN (${list(TRUE_TEXTS)}) THEN true WHEN lower(${v}) IN (${list(FALSE_TEXTS)}) THEN false END`;
    case 'date':
      return `TRY_CAST(${v} AS DATE)`;
    case 'string':
      return v;
  }
}

const TYPE_REASONS: Record<Field['type'], string> = {
  integer: 'not an integer',
  number: 'not a number',
  boolean: 'not a boolean (true/false)',
  date: 'not a date (YYYY-MM-DD)',
  string: '',
};

const TOO_LARGE = 'a whole number too large (above 2,147,483,647) to be a count';

/** A code written in scientific notation, as Excel shows a long number: its digits are lost. */
export const SCIENTIFIC_REASON = 'a code in scientific notation (as Excel shows a long number): its digits are lost; format the column as text and save the file again';

/** Plain-language reason for a pattern failure; the schema's two code shapes get their own words. */
export function patternReason(pattern: string): string {
  const digits = /^\^\\d\{(\d+)\}\$$/.exec(pattern);
  if (digits) return `not a ${digits[1]}-digit code`;
  if (pattern === '^\\d{6}K?$') return 'not a 6-digit code (or 6 digits and K)';
  if (pattern === '^[a-z][a-z0-9_]*$') return 'not a lowercase code (a-z, 0-9, _)';
  return `does not match ${pattern}`;
}

/** A bound of a constraint as SQL: a number as it is, a day as a DATE. */
export const boundSql = (bound: number | string) => (typeof bound === 'number' ? String(bound) : `DATE ${sqlString(bound)}`);

/**
 * SQL CASE giving the first failed constraint of field value `v` (trimmed text, NULL when empty),
 * or NULL when the value passes: one reason per field and row, in the order a person fixes them.
 */
export function fieldReason(field: Field, v: string): string {
  const c = field.constraints ?? {};
  const typed = typedValue(field, v);
  const whens = [`WHEN ${v} IS NULL THEN ${c.required ? "'missing required value'" : 'NULL'}`];
  // A whole number past INTEGER's range is one, only too large to be a count
  if (field.type === 'integer') whens.push(`WHEN ${typed} IS NULL AND regexp_full_match(${v}, '[+-]?[0-9]+') THEN ${sqlString(TOO_LARGE)}`);
  if (field.type !== 'string') whens.push(`WHEN ${typed} IS NULL THEN ${sqlString(TYPE_REASONS[field.type])}`);
  if (c.pattern) {
    // Excel shows a long number so, and a CSV saved from it keeps only those digits: no guess at the code.
    whens.push(`WHEN regexp_full_match(${v}, '[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+') THEN ${sqlString(SCIENTIFIC_REASON)}`);
    whens.push(`WHEN NOT regexp_full_match(${v}, ${sqlString(c.pattern)}) THEN ${sqlString(patternReason(c.pattern))}`);
  }
  if (c.minimum !== undefined) whens.push(`WHEN ${typed} < ${boundSql(c.minimum)} THEN ${sqlString(`must be ≥ ${c.minimum}`)}`);
  if (c.maximum !== undefined) whens.push(`WHEN ${typed} > ${boundSql(c.maximum)} THEN ${sqlString(`must be ≤ ${c.maximum}`)}`);
  if (c.enum) whens.push(`WHEN ${v} NOT IN (${list(c.enum)}) THEN ${sqlString(enumReason(c.enum, field.valueAliases))}`);
  return `CASE ${whens.join(' ')} END`;
}

/**
 * The values an enumerated field takes, each with the words read as it (招生, 停招 …; listed with 、,
 * since a word may hold a slash: 中专/中技), and where
 * a folder's other words go: a person fixing the file sees what would have been read.
 */
function enumReason(values: string[], aliases: Record<string, string> = {}): string {
  const words = (value: string) => Object.entries(aliases).filter(([, v]) => v === value).map(([word]) => word);
  if (Object.keys(aliases).length === 0) return `must be one of ${values.join(', ')}`;
  return `must be one of ${values.map((value) => (words(value).length ? `${value} (${words(value).join('、')})` : value)).join(', ')}`
    + '; other words: mapping.json "values"';
}
