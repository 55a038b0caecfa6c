import { isNumeric, type Field, type TableSchema } from '../config/schema.ts';
import { LoadError } from './errors.ts';
import { editDistance } from '../shared/edit-distance.ts';
import { headerKey, scaledUnit, withoutUnit } from './header-text.ts';

export interface HeaderMap {
  /** Schema field name → 0-based position in the file; fields absent from the file are missing. */
  positions: Map<string, number>;
  /** Number of columns in the file (DuckDB needs every one declared). */
  width: number;
  /** 1-based line of the header row (its last line when it spans two): the rows start after it. */
  line: number;
  /** 1-based record number of the header row, blank lines counted (TopRecord.record). */
  record: number;
  warnings: string[];
}

/** What the header texts of one row say, before any verdict on it. */
export interface HeaderMatch {
  positions: Map<string, number>;
  /** Header texts no field claims, with their 0-based position. */
  unknown: { text: string; at: number }[];
  /** A field claimed by two columns: [field, first position, second position]. */
  repeated: [Field, number, number][];
  /** Required fields no column claims. */
  missing: Field[];
}

const label = (f: Field) => `${f.name} (${f.title})`;

/** Every text a field is known by: its name, its title, its everyday aliases, and the mapping file's columns for it. */
function knownTexts(schema: TableSchema, columns: Record<string, string>): Map<string, Field> {
  const byKey = new Map<string, Field>();
  for (const f of schema.fields) for (const text of [f.name, f.title, ...(f.aliases ?? [])]) byKey.set(headerKey(text), f);
  for (const [text, name] of Object.entries(columns)) {
    const field = schema.fields.find((f) => f.name === name);
    if (field) byKey.set(headerKey(text), field);
  }
  return byKey;
}

/** A matcher of header texts to fields; `columns` are the data folder's own column → field names (mapping file). */
export function headerMatcher(schema: TableSchema, columns: Record<string, string> = {}) {
  const byKey = knownTexts(schema, columns);
  const fieldOf = (text: string): Field | undefined => {
    const key = headerKey(text);
    return key === '' ? undefined : byKey.get(key) ?? byKey.get(withoutUnit(key));
  };
  /** Fields whose known texts a header text nearly is: contains one, is contained in one, or one edit away. */
  const nearMisses = (text: string): Field[] => {
    const key = withoutUnit(headerKey(text));
    const near = [...byKey].filter(([k]) => k.length >= 2 && key.length >= 2 &&
      (key.includes(k) || k.includes(key) || (Math.max(k.length, key.length) >= 3 && editDistance(k, key) <= 1)));
    return [...new Set(near.map(([, f]) => f))];
  };
  const match = (header: string[]): HeaderMatch => {
    const positions = new Map<string, number>();
    const unknown: HeaderMatch['unknown'] = [];
    const repeated: HeaderMatch['repeated'] = [];
    header.forEach((raw, at) => {
      if (headerKey(raw) === '') return; // trailing empty columns of spreadsheet exports
      const field = fieldOf(raw);
      if (!field) unknown.push({ text: raw.trim(), at });
      else if (positions.has(field.name)) repeated.push([field, positions.get(field.name)!, at]);
      else positions.set(field.name, at);
    });
    const missing = schema.fields.filter((f) => f.constraints?.required && !positions.has(f.name));
    return { positions, unknown, repeated, missing };
  };
  return { fieldOf, nearMisses, match };
}

export type HeaderMatcher = ReturnType<typeof headerMatcher>;

const hint = (fields: Field[]) => fields.map(label).join(' / ');

/**
 * A figure column headed in a unit of tens, thousands or ten thousands (岗位需求数（万人）) stops
 * the load: its figures would be read as ones, off by that factor. Named in mapping.json or not.
 */
function refuseScaledColumns(header: string[], matcher: HeaderMatcher, file: string): void {
  for (const raw of header) {
    const scaled = scaledUnit(raw);
    if (scaled === null) continue;
    const field = matcher.fieldOf(raw) ?? matcher.fieldOf(scaled.heading);
    if (isNumeric(field)) {
      throw new LoadError(`${file}: 计量单位不符 — column "${raw.trim()}" counts in ${scaled.unit}, and ${label(field)} is read as a plain count: `
        + `give the figures as plain counts and take the unit out of the heading`);
    }
  }
}

/** Separators a spreadsheet may save a "CSV" with instead of commas, as people name them. */
const OTHER_DELIMITERS: [string, string][] = [[';', 'semicolons (;)'], ['\t', 'tabs'], ['|', 'bars (|)']];

/**
 * A header read as one column that holds another separator: the file is not comma-separated (a
 * spreadsheet set to another list separator, or "Text (Tab delimited)" saved as .csv). Said so,
 * instead of suggesting the whole line as a heading.
 */
export function refuseOtherDelimiter(header: string[], file: string): void {
  const texts = header.filter((t) => t.trim() !== '');
  if (texts.length !== 1) return;
  const found = OTHER_DELIMITERS.find(([d]) => texts[0].split(d).length > 2);
  if (!found) return;
  throw new LoadError(`${file}: 分隔符不是逗号 — the header is one column whose headings are separated by ${found[1]}, not commas: `
    + 'save the file as "CSV UTF-8 (comma delimited)"');
}

/**
 * Matches header texts to schema fields by name, Chinese title, everyday alias or the mapping
 * file's columns, so files exported from the bureau's spreadsheets load without renaming. Unknown
 * columns are reported (with the field they nearly name) and skipped; a missing required column or
 * a field given twice aborts, since no row could be read right.
 */
export function mapHeader(header: string[], schema: TableSchema, file: string, options: { line?: number; record?: number; matcher?: HeaderMatcher } = {}): HeaderMap {
  const matcher = options.matcher ?? headerMatcher(schema);
  refuseScaledColumns(header, matcher, file);
  const { positions, unknown, repeated, missing } = matcher.match(header);
  if (repeated.length > 0) {
    const [field, first, second] = repeated[0];
    throw new LoadError(`${file}: 重复列 — column ${label(field)} appears twice (columns ${first + 1} and ${second + 1})`);
  }
  const near = unknown.map((u) => ({ ...u, fields: matcher.nearMisses(u.text) }));
  if (missing.length > 0) refuseOtherDelimiter(header, file);
  if (missing.length > 0) {
    const candidates = near.filter((u) => u.fields.some((f) => missing.includes(f)));
    const guesses = candidates.map((u) => `"${u.text}" → ${hint(u.fields.filter((f) => missing.includes(f)))}?`);
    throw new LoadError(`${file}: 缺少必需列 — missing required column ${missing.map(label).join(', ')}` +
      (guesses.length ? `; 可能是 — perhaps ${guesses.join(', ')} (name it in mapping.json "columns")` : ''));
  }
  const warnings = near.map((u) => u.fields.length
    ? `${file}: 忽略未知列 — ignored column "${u.text}" (not in the ${schema.name} schema) — did you mean ${hint(u.fields)}? name it in mapping.json "columns"`
    : `${file}: 忽略未知列 — ignored column "${u.text}" (not in the ${schema.name} schema)`);
  for (const f of schema.fields.filter((f) => !positions.has(f.name) && !f.checkOnly)) {
    warnings.push(`${file}: 可选列缺失 — optional column ${label(f)} absent, filled with NULL`);
  }
  return { positions, width: header.length, line: options.line ?? 1, record: options.record ?? options.line ?? 1, warnings };
}
