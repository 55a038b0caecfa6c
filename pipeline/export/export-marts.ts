/**
 * The refresh's export stage: marts as whole Arrow files (but those too large to download whole,
 * and the school-grain marts, only ever read a school at a time), then cut and rolled up for the
 * browser (export/split-marts.ts). In a postings-only run just the rebuilt marts are written; the
 * others' files are hard links to the served snapshot's.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { exportArrow } from './export-arrow.ts';
import { faultPoint } from '../refresh/fault.ts';
import { linkTree } from '../refresh/link-tree.ts';
import type { MartEntry } from '../refresh/manifest.ts';
import type { Base } from '../refresh/reuse-base.ts';
import { readResources } from '../config/resources.ts';
import { exportSplitMarts, SCHOOL_MARTS, type SplitExport } from './split-marts.ts';

export interface ExportReuse { base: Base; rebuilt: ReadonlySet<string> }

export async function exportMarts(conn: DuckDBConnection, dir: string,
  progress: (mart: string, done: number, total: number) => void, reuse?: ExportReuse): Promise<MartEntry[]> {
  mkdirSync(dir, { recursive: true });
  const { whole_mart_max_rows } = readResources();
  const tables = (await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables()
     WHERE (table_name LIKE 'mart\\_%' ESCAPE '\\' OR table_name LIKE 'dim\\_%' ESCAPE '\\') AND estimated_size <= ${whole_mart_max_rows} ORDER BY 1`,
  )).getRowsJS().map((r) => String(r[0])).filter((name) => !SCHOOL_MARTS.includes(name));
  const previous = new Map((reuse?.base.manifest.marts ?? []).map((m) => [m.name, m]));
  const marts: MartEntry[] = [];
  for (const [i, name] of tables.entries()) {
    progress(name, i + 1, tables.length);
    const kept = reuse && !reuse.rebuilt.has(name) ? previous.get(name) : undefined;
    if (kept) {
      marts.push(kept);
      continue;
    }
    const path = join(dir, `${name}.arrow`);
    const rows = await exportArrow(conn, name, path);
    faultPoint(`export:${name}`);
    marts.push({ name, rows, bytes: statSync(path).size });
  }
  if (!reuse) {
    await exportSplitMarts(conn, dir);
    return marts;
  }
  const from = join(reuse.base.dir, 'marts');
  const split = JSON.parse(readFileSync(join(from, 'split.json'), 'utf8')) as SplitExport[];
  await exportSplitMarts(conn, dir, { previous: split, rebuilt: reuse.rebuilt });
  await linkTree(from, dir, (file) => file === 'split.json' || reuse.rebuilt.has(basename(file, '.arrow')));
  return marts;
}
