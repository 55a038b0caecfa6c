import type { Field, TableSchema } from '../schema.ts';
import { LoadError } from './errors.ts';

export interface HeaderMap {
  /** Schema field name → 0-based position in the file; fields absent from the file are missing. */
  positions: Map<string, number>;
  /** Number of columns in the file (DuckDB needs every one declared). */
  width: number;
  warnings: string[];
}

const label = (f: Field) => `${f.name} (${f.title})`;

/**
 * Matches header texts to schema fields by name or Chinese title, so files exported from the
 * bureau's spreadsheets load without renaming. Unknown columns are reported and skipped; a
 * missing required column or a field given twice aborts, since no row could be read right.
 */
export function mapHeader(header: string[], schema: TableSchema, file: string): HeaderMap {
  const byText = new Map<string, Field>();
  for (const f of schema.fields) {
    byText.set(f.name.toLowerCase(), f);
    byText.set(f.title, f);
  }
  const positions = new Map<string, number>();
  const warnings: string[] = [];
  header.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return; // trailing empty columns of spreadsheet exports
    const field = byText.get(text) ?? byText.get(text.toLowerCase());
    if (!field) {
      warnings.push(`${file}: 忽略未知列 — ignored column "${text}" (not in the ${schema.name} schema)`);
    } else if (positions.has(field.name)) {
      throw new LoadError(`${file}: 重复列 — column ${label(field)} appears twice (columns ${positions.get(field.name)! + 1} and ${i + 1})`);
    } else {
      positions.set(field.name, i);
    }
  });
  const absent = schema.fields.filter((f) => !positions.has(f.name));
  const missing = absent.filter((f) => f.constraints?.required);
  if (missing.length > 0) {
    throw new LoadError(`${file}: 缺少必需列 — missing required column ${missing.map(label).join(', ')}`);
  }
  for (const f of absent) warnings.push(`${file}: 可选列缺失 — optional column ${label(f)} absent, filled with NULL`);
  return { positions, width: header.length, warnings };
}
