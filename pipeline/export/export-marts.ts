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
import type { Later } from '../transform/model-tests.ts';

export interface ExportReuse { base: Base; rebuilt: ReadonlySet<string> }

/** The marts and dimensions small enough to be written whole, by name. */
async function wholeMarts(conn: DuckDBConnection): Promise<string[]> {
  const { whole_mart_max_rows } = readResources();
  return (await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables()
     WHERE (table_name LIKE 'mart\\_%' ESCAPE '\\' OR table_name LIKE 'dim\\_%' ESCAPE '\\') AND estimated_size <= ${whole_mart_max_rows} ORDER BY 1`,
  )).getRowsJS().map((r) => String(r[0])).filter((name) => !SCHOOL_MARTS.includes(name));
}

/**
 * Writes every mart; with `later`, the marts still being written (the planner's) last, once
 * `later.ready` has settled, and their entries listed in name order with the others'.
 */
export async function exportMarts(conn: DuckDBConnection, dir: string,
  progress: (mart: string, done: number, total: number) => void, reuse?: ExportReuse, later?: Later): Promise<MartEntry[]> {
  mkdirSync(dir, { recursive: true });
  const first = (await wholeMarts(conn)).filter((name) => !later?.tables.has(name));
  // Until the later marts exist, the total counts them all (some may prove too large to write whole).
  const marts = await exportWhole(conn, dir, first, (name, i) => progress(name, i + 1, first.length + (later?.tables.size ?? 0)), reuse);
  await exportSplit(conn, dir, reuse);
  if (!later) return marts;
  await later.ready;
  const rest = (await wholeMarts(conn)).filter((name) => later.tables.has(name));
  const written = await exportWhole(conn, dir, rest, (name, i) => progress(name, first.length + i + 1, first.length + rest.length), reuse);
  return [...marts, ...written].sort((a, b) => (a.name < b.name ? -1 : 1));
}

async function exportWhole(conn: DuckDBConnection, dir: string, tables: string[],
  progress: (mart: string, index: number) => void, reuse?: ExportReuse): Promise<MartEntry[]> {
  const previous = new Map((reuse?.base.manifest.marts ?? []).map((m) => [m.name, m]));
  const marts: MartEntry[] = [];
  for (const [i, name] of tables.entries()) {
    progress(name, i);
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
  return marts;
}

/** The marts cut per province and per school; in a postings-only run only the rebuilt ones, the others linked. */
async function exportSplit(conn: DuckDBConnection, dir: string, reuse?: ExportReuse): Promise<void> {
  if (!reuse) {
    await exportSplitMarts(conn, dir);
    return;
  }
  const from = join(reuse.base.dir, 'marts');
  const split = JSON.parse(readFileSync(join(from, 'split.json'), 'utf8')) as SplitExport[];
  await exportSplitMarts(conn, dir, { previous: split, rebuilt: reuse.rebuilt });
  await linkTree(from, dir, (file) => file === 'split.json' || reuse.rebuilt.has(basename(file, '.arrow')));
}
