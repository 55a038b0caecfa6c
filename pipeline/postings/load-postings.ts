/**
 * The refresh's postings stage: the classification tables into their raw_ tables, the daily files
 * synchronised with the warehouse's postings store (each converted once, kept across snapshots),
 * raw_postings built from the store and its titles, employers and hints cut into words
 * (raw_posting_words). Entries, rejects and warnings join the load report, so the manifest,
 * load_rejects and the drift checks treat the feed like any other input.
 * In a run that starts from a copy of the previous warehouse (`append`), the classification tables
 * are already loaded, and raw_postings and raw_posting_words only gain the days added since, when
 * that is all that changed.
 */
import { uploadSource } from '../config/accepted-inputs.ts';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LoadReport } from '../load/load-inputs.ts';
import type { InputReport } from '../load/load-table.ts';
import { listDailyFiles, POSTINGS_FOLDER } from './daily-files.ts';
import { loadClassificationTables, RULES_TABLE } from './classification-tables.ts';
import { CLASSIFICATION_TABLES, readSchema } from '../config/schema.ts';
import { syncStore } from './sync-store.ts';
import { addedDays, appendRawPostings, buildRawPostings, dropResent, storedRows } from './raw-postings.ts';
import { doubtfulCopies } from './doubtful-copies.ts';
import { segmentPostings } from './posting-words.ts';
import { postingsInput } from './postings-input.ts';
import { checksKey, postingsReferences } from './checks-key.ts';
import type { Ledger } from './ledger.ts';
import { normalisedNote } from '../load/normalise.ts';

/** Folder of the postings store inside the warehouse, beside the snapshots (it outlives them). */
export const POSTINGS_STORE = 'postings-store';

export interface PostingsOptions {
  dataDir: string;
  referenceDir: string;
  warehouseDir: string;
  /** Scratch folder for transcoded copies (the snapshot build's tmp/). */
  tmpDir: string;
  policy: { reject_share_max: number };
  /** The report the postings' inputs, rejects and warnings are added to. */
  report: LoadReport;
  /** The loaded inputs the postings' foreign keys look up (the districts): a day is converted again when they change. */
  lookups: readonly InputReport[];
  /** The warehouse is a copy of the previous run's, inputs other than the daily files unchanged. */
  append?: boolean;
  effects?: { progress?(file: string, done: number, total: number): void; warn?(message: string): void };
  now?: () => Date;
}

export interface PostingsReport {
  /** Daily files in the store after this run. */
  files: number;
  converted: string[];
  removed: string[];
  /** Postings in raw_postings (each posting_id once). */
  postings: number;
  rejected: number;
  /** Days appended to the previous raw_postings (their rows in delta_raw_postings), or null when it was built whole. */
  appended: string[] | null;
  /** Distinct titles, employers and hints cut into words in this run (in an appending run, only those new to the warehouse). */
  segmented: number;
}

/** The loaded inputs the stage reads: those the postings are read against (checks-key.ts) and the classification tables' foreign keys look up. */
export const postingsLookups = (): ReadonlySet<string> => new Set([...postingsReferences(readSchema('postings')), ...CLASSIFICATION_TABLES
  .flatMap((table) => (readSchema(table).foreignKeys ?? []).map((fk) => fk.reference.resource))]);

/**
 * The values normalisation rewrote in the stored days, summed per field over the feed (each
 * field's example from its first day), said in every run: the store keeps the rewritten values.
 */
export function feedNormalisedNote(folder: string, ledger: Ledger): string[] {
  const entries = Object.entries(ledger.files).filter(([, e]) => e.normalised?.length);
  const fields = new Map<string, { field: string; count: number; example: string }>();
  for (const [name, entry] of entries) {
    for (const c of entry.normalised!) {
      const seen = fields.get(c.field);
      if (seen) seen.count += c.count;
      else fields.set(c.field, { ...c, example: `${c.example} in ${name}` });
    }
  }
  const files = Object.keys(ledger.files).length;
  return normalisedNote(`${folder} (${entries.length} of ${files} daily files)`, { changes: [...fields.values()], totals: 0, totalExample: '' });
}

export async function loadPostings(conn: DuckDBConnection, options: PostingsOptions): Promise<PostingsReport> {
  const { report } = options;
  const warn = (message: string) => {
    report.warnings.push(message);
    options.effects?.warn?.(message);
  };
  const validation = { tmpDir: options.tmpDir, rejectShareMax: options.policy.reject_share_max, warn };
  const tables = options.append ? [] : await loadClassificationTables(conn, options, validation);
  for (const table of tables) {
    report.inputs.push(table.input);
    report.rejects.push(...table.rejects);
  }
  const files = listDailyFiles(options.dataDir, warn, (options.now ?? (() => new Date()))(), options.warehouseDir);
  const storeDir = join(options.warehouseDir, POSTINGS_STORE);
  const sync = await syncStore(conn, files, storeDir, {
    ...validation, checks: checksKey(options.lookups), progress: options.effects?.progress, now: options.now ?? (() => new Date()),
  });
  const appended = options.append ? await addedDays(conn, sync.ledger) : null;
  const postings = appended ? await appendRawPostings(conn, storeDir, sync.ledger, appended)
    : await buildRawPostings(conn, storeDir, sync.ledger);
  const read = appended ?? Object.keys(sync.ledger.files);
  if (read.length > 0) (await doubtfulCopies(conn, appended && storedRows(storeDir, sync.ledger, appended))).forEach(warn);
  await dropResent(conn);
  const segmented = await segmentPostings(conn, { tmpDir: options.tmpDir, append: appended !== null });
  const hasRules = report.inputs.some((i) => i.table === RULES_TABLE);
  if (!hasRules && postings > 0) warn('posting_rules: 缺少分类规则 — no posting_rules.csv in the data or reference folder; every posting stays unclassified');
  // Always listed, even empty: a feed that vanishes must show as a shrink to the drift checks.
  feedNormalisedNote(join(options.dataDir, POSTINGS_FOLDER), sync.ledger).forEach(warn);
  const uploads = files.flatMap((f) => { const upload = uploadSource(options.warehouseDir, f.path); return upload ? [{ file: f.path, upload }] : []; });
  const input = postingsInput(options.dataDir, sync.ledger, postings, uploads);
  report.inputs.push(input);
  const paths = new Map(files.map((f) => [f.name, f.path]));
  for (const [name, entry] of Object.entries(sync.ledger.files)) {
    const file = paths.get(name) ?? join(options.dataDir, POSTINGS_FOLDER, name);
    report.rejects.push(...entry.rejects.map((r) => ({ table: 'postings', file, ...r })));
  }
  return { files: input.files, converted: sync.converted, removed: sync.removed, postings, rejected: input.rejected, appended, segmented };
}
