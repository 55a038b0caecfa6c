import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../schema.ts';
import { locateInput, type InputOverrides } from './locate-input.ts';
import { loadTable, type InputReport } from './load-table.ts';
import { readMapping } from './mapping.ts';
import type { Reject } from './reject.ts';

/** Everything the run report and the CLI need about the inputs of one run. */
export interface LoadReport {
  inputs: InputReport[];
  rejects: Reject[];
  warnings: string[];
}

export interface LoadOptions {
  /** Folder with <table>.csv / .xlsx, e.g. data/sample. */
  dataDir: string;
  /** Fallback folder for the reference tables (catalogue, districts, industries, crosswalk). */
  referenceDir: string;
  policy: { reject_share_max: number };
  effects?: { progress?(table: string, done: number, total: number): void; warn?(msg: string): void };
  /** Where transcoded copies go (a fresh folder inside it, removed afterwards); default the OS temp folder. */
  tmpDir?: string;
  /** Files loaded instead of the data folder's, by table (accepted uploads). */
  overrides?: InputOverrides;
}

/**
 * Loads every input table, in foreign-key order, into typed raw_<table> tables holding only valid
 * rows, and reports files, hashes, counts, rejects and warnings. Throws LoadError on a fatal input
 * problem; the caller builds into a fresh database and discards it then.
 */
export async function loadInputs(conn: DuckDBConnection, options: LoadOptions): Promise<LoadReport> {
  const report: LoadReport = { inputs: [], rejects: [], warnings: [] };
  const warn = (msg: string) => {
    report.warnings.push(msg);
    options.effects?.warn?.(msg);
  };
  const mapping = readMapping(options.dataDir);
  const work = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'chanjiao-load-'));
  try {
    for (const [i, table] of TABLES.entries()) {
      const tableMapping = mapping.tables[table];
      const file = locateInput(table, options.dataDir, options.referenceDir, { overrides: options.overrides, named: tableMapping?.file });
      const load = await loadTable(conn, { table, file }, { tmpDir: work, rejectShareMax: options.policy.reject_share_max, warn, mapping: tableMapping });
      report.inputs.push(load.input);
      report.rejects.push(...load.rejects);
      options.effects?.progress?.(table, i + 1, TABLES.length);
    }
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
