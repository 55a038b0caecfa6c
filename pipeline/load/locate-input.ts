import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_TABLES, type TableName } from '../config/schema.ts';
import { LoadError } from './errors.ts';

/** `<table>.csv` or `<table>.xlsx` in a folder; undefined when neither; both is ambiguous and aborts. */
function findIn(dir: string, table: string): string | undefined {
  const found = ['csv', 'xlsx'].map((ext) => join(dir, `${table}.${ext}`)).filter((path) => existsSync(path));
  if (found.length > 1) throw new LoadError(`${found.join(' / ')}: 文件重复 — both present, keep only one`);
  return found[0];
}

/** An optional table's file (data folder first, then the reference folder), or undefined when neither has one. */
export function locateOptional(table: string, dataDir: string, referenceDir: string): string | undefined {
  return findIn(dataDir, table) ?? findIn(referenceDir, table);
}

/** Files that stand in for a data folder's own, by table: accepted uploads (accepted-inputs.ts). */
export type InputOverrides = Partial<Record<TableName, string>>;

/**
 * The file a table is loaded from: an override (an accepted upload), else the file mapping.json
 * names, else the data folder's own copy, else (for reference tables such as the major catalogue,
 * shared by all data folders) the reference folder's.
 */
export function locateInput(table: TableName, dataDir: string, referenceDir: string,
  choice: { overrides?: InputOverrides; named?: string } = {}): string {
  const override = choice.overrides?.[table];
  if (override !== undefined) return override;
  if (choice.named !== undefined) {
    if (existsSync(join(dataDir, choice.named))) return join(dataDir, choice.named);
    throw new LoadError(`${join(dataDir, choice.named)}: 缺少必需文件 — missing file named for ${table} in mapping.json`);
  }
  const file = findIn(dataDir, table) ?? (REFERENCE_TABLES.includes(table) ? findIn(referenceDir, table) : undefined);
  if (file) return file;
  const where = REFERENCE_TABLES.includes(table) ? `${dataDir} or ${referenceDir}` : dataDir;
  throw new LoadError(`${join(dataDir, `${table}.csv`)}: 缺少必需文件 — missing required file (${table}.csv or ${table}.xlsx in ${where})`);
}
