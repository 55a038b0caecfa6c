/**
 * Cutting what every school shares down to one caller's schools: Arrow marts lose the rows of other
 * schools, the report index lists only the caller's own reports, and the manifest drops the reject
 * listing (rejected rows quote other schools' input lines). Results are cached per file version
 * and school set, so a school's repeated page loads cost one read.
 */
import { readFileSync, statSync } from 'node:fs';
import { DataType, tableFromIPC } from 'apache-arrow';
import { arrowFile, type ColumnSpec, type ColumnType } from '../export/arrow-columns.ts';
import type { ReportIndex } from '../reports/generate-reports.ts';
import type { Manifest } from '../refresh/manifest.ts';
import type { RunRecord } from '../refresh/history.ts';

const SCHOOL_COLUMN = 'school_code';

function columnType(type: DataType): ColumnType {
  // Read back from a file, types are the generic classes (Int_ with bitWidth 32), not Int32 and kin.
  if (DataType.isInt(type) && type.bitWidth === 32 && type.isSigned) return 'INTEGER';
  if (DataType.isFloat(type) && type.precision === 2) return 'DOUBLE';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isUtf8(type)) return 'VARCHAR';
  throw new Error(`unexpected Arrow type ${String(type)}`);
}

/** The Arrow file with only the rows of `schools`; the bytes unchanged when it has no school column. */
export function cutArrow(bytes: Uint8Array, schools: ReadonlySet<string>): Uint8Array {
  const table = tableFromIPC(bytes);
  const key = table.getChild(SCHOOL_COLUMN);
  if (!key) return bytes;
  const keep: number[] = [];
  for (let i = 0; i < table.numRows; i++) if (schools.has(String(key.get(i)))) keep.push(i);
  const columns: ColumnSpec[] = table.schema.fields.map((f) => ({ name: f.name, type: columnType(f.type) }));
  const values = columns.map((c) => {
    const vector = table.getChild(c.name)!;
    return keep.map((i) => vector.get(i) as unknown);
  });
  return arrowFile(columns, values);
}

export function cutReportIndex(index: ReportIndex, schools: ReadonlySet<string>): ReportIndex {
  return { ...index, schools: index.schools.filter((s) => schools.has(s.code)), industries: [] };
}

/**
 * The run history as a school or a department sees it: whether and when each run failed, without
 * its error and drift findings, which quote other schools' rows (a rejected plan, a school missing
 * from the latest year); the dashboard's banner still says a run failed.
 */
export function cutHistory(runs: readonly RunRecord[]): RunRecord[] {
  return runs.map((r) => ({ ...r, error: r.error === null ? null : HIDDEN_ERROR, drift: [] }));
}

export const HIDDEN_ERROR = '刷新未完成，详情请联系数据管理员 — the refresh did not finish; the bureau\'s data administrators have the details';

export function cutManifest(manifest: Manifest): Manifest {
  return { ...manifest, rejects: [], warnings: [], base: manifest.base && { ...manifest.base, warnings: [] } };
}

const CUTTERS: Record<string, (bytes: Uint8Array, schools: ReadonlySet<string>) => Uint8Array> = {
  '.arrow': cutArrow,
  'index.json': (bytes, schools) => Buffer.from(JSON.stringify(cutReportIndex(JSON.parse(Buffer.from(bytes).toString('utf8')), schools))),
  'manifest.json': (bytes) => Buffer.from(JSON.stringify(cutManifest(JSON.parse(Buffer.from(bytes).toString('utf8'))))),
};

const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/** Cut files by (path, version, schools), least recently used dropped first past 64 MiB. */
export class CutCache {
  private entries = new Map<string, Uint8Array>();
  private bytes = 0;

  /** The file at `path` cut to `schools`; throws ENOENT like a read when it is missing. */
  get(path: string, schools: readonly string[]): Uint8Array {
    const stat = statSync(path);
    const key = `${path}\0${stat.mtimeMs}\0${stat.size}\0${[...schools].sort().join(',')}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const cutter = Object.entries(CUTTERS).find(([suffix]) => path.endsWith(suffix))?.[1];
    if (!cutter) throw new Error(`${path}: no cut defined`);
    const cut = cutter(readFileSync(path), new Set(schools));
    this.entries.set(key, cut);
    this.bytes += cut.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= MAX_CACHED_BYTES) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
    return cut;
  }
}
