/**
 * The classification rules (posting_rules.csv or .xlsx): the data folder's own, else the shared one
 * in the reference folder, validated by the loader into raw_posting_rules. Without any, an empty
 * table is created and every posting stays unclassified (and is listed as such).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadTable, type TableLoad } from '../load/load-table.ts';
import { LoadError } from '../load/errors.ts';
import { columnDefinitions, rawTable, readSchema, type TableName } from '../schema.ts';

export const RULES_TABLE = 'posting_rules';

/** `<dir>/posting_rules.csv` or `.xlsx`; undefined when neither, an error when both. */
function rulesFileIn(dir: string): string | undefined {
  const found = ['csv', 'xlsx'].map((ext) => join(dir, `${RULES_TABLE}.${ext}`)).filter(existsSync);
  if (found.length > 1) throw new LoadError(`${found.join(' / ')}: 文件重复 — both present, keep only one`);
  return found[0];
}

/** The rules file a run uses: the data folder's own, else the reference folder's; undefined when neither has one. */
export const rulesFile = (dirs: { dataDir: string; referenceDir: string }) => rulesFileIn(dirs.dataDir) ?? rulesFileIn(dirs.referenceDir);

export async function loadPostingRules(conn: DuckDBConnection, dirs: { dataDir: string; referenceDir: string },
  options: { tmpDir: string; rejectShareMax: number; warn(message: string): void }): Promise<TableLoad | null> {
  const file = rulesFile(dirs);
  if (file) return loadTable(conn, { table: RULES_TABLE as TableName, file }, options);
  await conn.run(`CREATE OR REPLACE TABLE ${rawTable(RULES_TABLE)} (${columnDefinitions(readSchema(RULES_TABLE))})`);
  return null;
}
