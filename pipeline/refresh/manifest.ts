/**
 * manifest.json: what a snapshot is made of and whether it can be trusted. The dashboard's data
 * view, the nightly refresh's drift checks and outside checks all read it; its keys are a contract.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT } from './snapshot.ts';
import type { DataLabel } from '../config/data-label.ts';
import type { UploadSource } from '../config/accepted-inputs.ts';
import type { FigureSources } from './figures.ts';
import type { Summary } from './summary.ts';

/** An input as loaded; `upload`: where a file accepted on the platform came from. */
export interface InputEntry {
  table: string; file: string; sha256: string; rows: number; rejected: number; upload?: UploadSource;
  /** A school's own file: the schools whose rows of the table it replaced. */
  schools?: string[];
  /** Rows of this file that schools' own files replaced. */
  replaced?: number;
  /** The postings feed: the days delivered on the platform, with where each came from. */
  uploads?: { file: string; upload: UploadSource }[];
}

/** Rows rejected across the inputs (a row with several reasons counted once; `rejected_total` counts reasons). */
export const rejectedRows = (inputs: readonly InputEntry[]): number => inputs.reduce((n, i) => n + i.rejected, 0);
export interface RejectEntry { table: string; file: string; line: number; column: string; value: string | null; reason: string }
export interface ModelTestEntry { name: string; failing_rows: number; passed: boolean }
export interface MartEntry { name: string; rows: number; bytes: number }

export interface Manifest extends DataLabel {
  status: 'ok';
  snapshot: string;
  /** `postings`: a run that only added daily postings to a copy of the previous warehouse (base below). */
  mode: 'full' | 'postings';
  started_at: string;
  finished_at: string;
  stages: Record<string, number>;
  inputs: InputEntry[];
  rejected_total: number;
  /** The first rejects in full; the rest are counted in `rejected_total` and kept in the warehouse table `load_rejects`. */
  rejects: RejectEntry[];
  /** The full list as CSV in the snapshot folder, when anything was rejected. */
  rejects_file?: string;
  warnings: string[];
  model_tests: ModelTestEntry[];
  summary: Summary | null;
  /** Programme figures estimated (with their method) or missing, and on how many rows. */
  figures: FigureSources;
  policy: Record<string, Record<string, number>>;
  marts: MartEntry[];
  /** Fingerprint of what the reports are made of, and the snapshot whose run built them. */
  reports: { key: string; from: string };
  /**
   * The proposed plan tracked against the actual one (闭环跟踪): from the data folder's
   * plan_proposals file (`data`, e.g. an adopted plan, which wins) or from the refresh's own archive
   * `plans/plan-<year>.csv` (`archive`); null when neither exists.
   */
  proposals?: { source: 'data' | 'archive'; file: string; plan_year: number | null } | null;
  /**
   * Fingerprint of everything but the daily postings (base-key.ts), the snapshot whose run loaded
   * it, and that load's warnings: a run with the same key only adds postings to a copy of it.
   */
  base?: { key: string; from: string; warnings: string[] };
}

/** How many rejects are listed in the manifest itself. */
export const MANIFEST_REJECTS = 200;

/** The manifest of the snapshot being served, null before the first. */
export function servedManifest(warehouseDir: string): Manifest | null {
  const path = join(warehouseDir, CURRENT, 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
}

export function writeManifest(path: string, manifest: Manifest): void {
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
