/**
 * The tables that classify postings, kept as data: the rules (posting_rules), the employer table
 * (posting_employers), the occupation words (posting_occupations) and the words taken out of titles
 * (posting_noise). Each is the data folder's own `<table>.csv` or `.xlsx`, else the shared one in
 * the reference folder, validated by the loader into raw_<table>. Without any, an empty table is
 * created: without rules every posting stays unclassified (and is listed as such).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadTable, type TableLoad } from '../load/load-table.ts';
import { LoadError } from '../load/errors.ts';
import { CLASSIFICATION_TABLES, columnDefinitions, rawTable, readSchema, type TableName } from '../config/schema.ts';
import { locateOptional } from '../load/locate-input.ts';
import { readMapping } from '../load/mapping.ts';

export const RULES_TABLE = 'posting_rules';

export type ClassificationTable = (typeof CLASSIFICATION_TABLES)[number];

/** `<dir>/<table>.csv` or `.xlsx`; undefined when neither, an error when both. */
function tableFileIn(dir: string, table: string): string | undefined {
  const found = ['csv', 'xlsx'].map((ext) => join(dir, `${table}.${ext}`)).filter(existsSync);
  if (found.length > 1) throw new LoadError(`${found.join(' / ')}: 文件重复 — both present, keep only one`);
  return found[0];
}

/**
 * The file a run uses for a table: the one mapping.json names (`named`), else the data folder's
 * own, else the reference folder's; undefined when none.
 */
export const classificationFile = (dirs: { dataDir: string; referenceDir: string }, table: ClassificationTable, named?: string) =>
  named !== undefined ? locateOptional(table, dirs.dataDir, dirs.referenceDir, named) : tableFileIn(dirs.dataDir, table) ?? tableFileIn(dirs.referenceDir, table);

/** Loads every classification table, as the data folder's mapping.json says; the loads of the files found, in table order. */
export async function loadClassificationTables(conn: DuckDBConnection, dirs: { dataDir: string; referenceDir: string },
  options: { tmpDir: string; rejectShareMax: number; warn(message: string): void }): Promise<TableLoad[]> {
  const loads: TableLoad[] = [];
  const mapping = readMapping(dirs.dataDir).tables;
  for (const table of CLASSIFICATION_TABLES) {
    const file = classificationFile(dirs, table, mapping[table]?.file);
    if (file) loads.push(await loadTable(conn, { table: table as TableName, file }, { ...options, mapping: mapping[table] }));
    else await conn.run(`CREATE OR REPLACE TABLE ${rawTable(table)} (${columnDefinitions(readSchema(table))})`);
  }
  return loads;
}
