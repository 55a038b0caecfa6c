/**
 * Cutting what every school shares down to one caller's schools: Arrow marts lose the rows of other
 * schools (a mart nobody has declared city-wide, and which has no school column, loses every row),
 * the report index lists only the caller's own reports, and the manifest drops the reject
 * listing (rejected rows quote other schools' input lines). Results are cached per file version
 * and school set, so a school's repeated page loads cost one read.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
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

/**
 * The marts served at /data/marts/ that hold no school's rows and name no school: city-wide
 * aggregates and reference tables, served to a school whole. A mart with a `school_code` column is
 * cut by it; any other mart is served to a school with no rows at all, so a mart added with
 * per-school rows and no `school_code` leaks nothing until it is classified here.
 */
export const CITY_MARTS: ReadonlySet<string> = new Set([
  'dim_district', 'dim_industry', 'dim_major', 'dim_segment',
  'mart_concentration', 'mart_demand_slice', 'mart_funding', 'mart_future_gap', 'mart_industry',
  'mart_industry_postings', 'mart_lag', 'mart_loop', 'mart_major', 'mart_outlook', 'mart_outlook_accuracy',
  'mart_overview', 'mart_plan_gap', 'mart_plan_status', 'mart_plan_tracking', 'mart_plan_tracking_city',
  'mart_posting_demand', 'mart_posting_occupations', 'mart_posting_rules', 'mart_posting_unclassified',
  'mart_segment', 'mart_supply_slice',
]);

/**
 * Marts whose rows without a school (`school_code` null) are city-wide and name no school: a school
 * keeps them beside its own. In any other mart a row without a school is dropped.
 */
export const SHARED_ROW_MARTS: ReadonlySet<string> = new Set(['mart_plan_constraints']);

/** What a school reads of an infeasible plan's status: its conflicts name other schools' programmes. */
export const HIDDEN_CONFLICT = {
  zh: '约束相互矛盾，不存在可行方案（冲突的约束见本校的约束列表；其他学校的约束不予显示）',
  en: 'The constraints contradict each other: no plan satisfies them (the conflicting constraints of your school are listed; other schools\' are not shown)',
};

function rewrite(table: Table, keep: number[], replace: Record<string, (value: unknown) => unknown> = {}): Uint8Array {
  const columns: ColumnSpec[] = table.schema.fields.map((f) => ({ name: f.name, type: columnType(f.type) }));
  const values = columns.map((c) => {
    const vector = table.getChild(c.name)!;
    const change = replace[c.name] ?? ((v: unknown) => v);
    return keep.map((i) => change(vector.get(i) as unknown));
  });
  return arrowFile(columns, values);
}

/**
 * The mart `name` (its file name without `.arrow`) as `schools` may read it: only their rows of a
 * mart with a `school_code` column (and the city-wide rows of SHARED_ROW_MARTS), a CITY_MARTS mart
 * whole, and any other mart with no rows.
 */
export function cutMart(name: string, bytes: Uint8Array, schools: ReadonlySet<string>): Uint8Array {
  const table = tableFromIPC(bytes);
  const key = table.getChild(SCHOOL_COLUMN);
  const all = Array.from({ length: table.numRows }, (_, i) => i);
  if (!key) {
    if (!CITY_MARTS.has(name)) return rewrite(table, []);
    if (name === 'mart_plan_status') {
      const status = table.getChild('status');
      const infeasible = all.some((i) => status?.get(i) === 'infeasible');
      return infeasible ? rewrite(table, all, { message_zh: () => HIDDEN_CONFLICT.zh, message_en: () => HIDDEN_CONFLICT.en }) : bytes;
    }
    return bytes;
  }
  const shared = SHARED_ROW_MARTS.has(name);
  return rewrite(table, all.filter((i) => {
    const code = key.get(i) as string | null;
    return code === null ? shared : schools.has(String(code));
  }));
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

const CUTTERS: Record<string, (bytes: Uint8Array, schools: ReadonlySet<string>, path: string) => Uint8Array> = {
  '.arrow': (bytes, schools, path) => cutMart(basename(path, '.arrow'), bytes, schools),
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
    const cut = cutter(readFileSync(path), new Set(schools), path);
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
