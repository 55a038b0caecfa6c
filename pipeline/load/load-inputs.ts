import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LISTING_TABLES, rawColumnDefinitions, rawTable, readSchema, TABLES, type InputName } from '../config/schema.ts';
import { LoadError } from './errors.ts';
import { CURRENT_FROM, LEGACY_TABLES } from './catalogue-versions.ts';
import { countListingRejects, joinListing, listingNotes, type ListingFigures } from './listing.ts';
import { demandGapsNote } from './demand-gaps.ts';
import { FORMER_DISTRICTS } from './codes-from-names.ts';
import { locateInput, locateLegacy, locateOptional, locateProgrammes, type InputOverrides } from './locate-input.ts';
import { loadTable, type InputReport } from './load-table.ts';
import { readMapping } from './mapping.ts';
import type { Reject } from './rejects/reject.ts';
import { archivedProposal } from '../planner/archive.ts';
import type { SchoolParts } from '../config/accepted-inputs.ts';
import { partNote, takeReplaced, withSchoolParts, type PartMerge } from './school-parts.ts';

/** Everything the run report and the CLI need about the inputs of one run. */
export interface LoadReport {
  inputs: InputReport[];
  rejects: Reject[];
  warnings: string[];
  /** When the programmes came from the 备案 listing: rows listed and how many have figures. */
  listing?: ListingFigures;
  /** Where the proposal tracked against the latest year came from (plan_proposals), when there is one. */
  proposals?: ProposalSource;
  /** The schools' own files read, and the rows of their schools each replaced. */
  parts?: PartMerge[];
}

/** The data folder's plan_proposals file (e.g. the plan a bureau adopted) wins over the refresh's own archive. */
export interface ProposalSource { source: 'data' | 'archive'; file: string; plan_year: number | null }

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
  /** Schools' own files, by table: each replaces its schools' rows of the table (school-parts.ts). */
  parts?: SchoolParts;
  /** The warehouse folder, whose plans/ archive holds the plans earlier refreshes proposed. */
  warehouseDir?: string;
  /** Called as each input is loaded, so that work needing only some tables can start meanwhile. */
  loaded?(input: InputReport): void;
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
    const settings = { tmpDir: work, rejectShareMax: options.policy.reject_share_max, warn };
    const keep = (load: Awaited<ReturnType<typeof loadTable>>) => {
      report.inputs.push(load.input);
      report.rejects.push(...load.rejects);
      options.loaded?.(load.input);
    };
    // The schools' own files of a table in place of their rows of its main rows (`main`, which takes those out).
    const withParts = async (table: InputName, tableSettings: Parameters<typeof loadTable>[2], main: (replaced: ReadonlySet<string>) => Promise<Map<string, number>>) => {
      const parts = options.parts?.[table] ?? [];
      const { loads, merges } = await withSchoolParts(conn, table, parts, (file) => loadTable(conn, { table, file }, tableSettings), main);
      // A school's file with no row loaded still is that school's (its account's), not a table's main file.
      loads.forEach((load, i) => keep({ ...load, input: { ...load.input, schools: merges[i].schools.length ? merges[i].schools : parts[i].schools } }));
      merges.forEach((m) => warn(partNote(m)));
      if (merges.length > 0) (report.parts ??= []).push(...merges);
    };
    const loadWithParts = (table: InputName, file: string, tableSettings: Parameters<typeof loadTable>[2]) => withParts(table, tableSettings, async (replaced) => {
      const load = await loadTable(conn, { table, file }, tableSettings, replaced);
      keep(load);
      return load.taken ?? new Map();
    });
    // The legacy catalogue, optional (programme rows before current_from are read in it): its majors, and the 对照表 with them,
    // loaded when a programme table first has such a row.
    const legacy = locateLegacy(options.dataDir, options.referenceDir, mapping.tables);
    if (legacy.unread) warn(`${legacy.unread}: 未读取 — not read: major_successors.csv is read only with legacy_majors.csv, the catalogue of its old codes`);
    let legacyRead: Promise<void> | undefined;
    const readLegacy = () => (legacyRead ??= (async () => {
      for (const table of LEGACY_TABLES) {
        const file = legacy[table];
        if (file) keep(await loadTable(conn, { table, file }, { ...settings, mapping: mapping.tables[table] }));
      }
    })());
    const catalogue = { currentFrom: mapping.catalogue?.current_from ?? CURRENT_FROM, legacy: legacy.from, successors: legacy.major_successors,
      choose: mapping.catalogue?.choose ?? {}, read: readLegacy };
    for (const [i, table] of TABLES.entries()) {
      const tableMapping = mapping.tables[table];
      if (table === 'programmes') {
        const source = locateProgrammes(options.dataDir, mapping.tables, options.overrides);
        if ('listing' in source) {
          for (const [part, file] of [['programme_listing', source.listing], ['programme_figures', source.figures]] as const) {
            const partSettings = { ...settings, mapping: mapping.tables[part], catalogue };
            if (file) await loadWithParts(part, file, partSettings);
            // Without a figures file, the schools' own figures are the figures.
            else if (options.parts?.[part]?.length) {
              await withParts(part, partSettings, async () => {
                await conn.run(`CREATE TABLE ${rawTable(part)} (${rawColumnDefinitions(readSchema(part))})`);
                return new Map();
              });
            }
          }
          const figures = source.figures !== undefined || (options.parts?.programme_figures?.length ?? 0) > 0;
          const joined = await joinListing(conn, rawColumnDefinitions(readSchema('programmes')), figures, source.listing);
          report.listing = joined.listing;
          countListingRejects(report.inputs, joined.rejects);
          report.rejects.push(...joined.rejects);
          listingNotes(source.listing, report.listing).forEach(warn);
          if (options.parts?.programmes?.length) {
            // The programmes joined from the listing wait aside while the schools' own programmes load.
            const listed = `${rawTable(table)}_listed`;
            await conn.run(`ALTER TABLE ${rawTable(table)} RENAME TO ${listed}`);
            await withParts(table, { ...settings, mapping: tableMapping, catalogue }, async (replaced) => {
              await conn.run(`ALTER TABLE ${listed} RENAME TO ${rawTable(table)}`);
              return takeReplaced(conn, rawTable(table), table, replaced);
            });
          }
          options.effects?.progress?.(table, i + 1, TABLES.length);
          continue;
        }
      }
      if (table === 'programmes') {
        // A school's listing or figures cannot be read into programmes that come from a programmes file.
        const unread = LISTING_TABLES.flatMap((t) => (options.parts?.[t] ?? []).map((p) => p.file));
        if (unread.length > 0) {
          throw new LoadError(`${unread.join(', ')}: 学校报送的备案名单或招生数据无法读取 — a school's own listing or figures cannot be read: `
            + 'the programmes come from a programmes file, not from a 备案 listing');
        }
      }
      const file = locateInput(table, options.dataDir, options.referenceDir, { overrides: options.overrides, named: tableMapping?.file });
      await loadWithParts(table, file, { ...settings, mapping: tableMapping, catalogue });
      if (table === 'districts') await loadFormerDistricts(conn, options, mapping.tables[FORMER_DISTRICTS]?.file, (former) => loadTable(conn,
        { table: FORMER_DISTRICTS, file: former }, { ...settings, mapping: mapping.tables[FORMER_DISTRICTS] }).then(keep));
      if (table === 'demand') (await demandGapsNote(conn, file)).forEach(warn);
      options.effects?.progress?.(table, i + 1, TABLES.length);
    }
    report.proposals = await loadProposals(conn, options, mapping.tables.plan_proposals?.file, (file, archived) => loadTable(conn,
      { table: 'plan_proposals', file },
      // The archive is the platform's own file: rows it can no longer match (a school removed since) are
      // rejected by line, but never stop the refresh; a bureau's file is held to the usual share.
      { ...settings, mapping: mapping.tables.plan_proposals, rejectShareMax: archived ? 1 : settings.rejectShareMax }).then(keep));
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The former districts (optional: the data folder's, else data/reference's); without them an empty table, so no value is read as a former district. */
async function loadFormerDistricts(conn: DuckDBConnection, options: LoadOptions, named: string | undefined, load: (file: string) => Promise<void>): Promise<void> {
  const file = locateOptional(FORMER_DISTRICTS, options.dataDir, options.referenceDir, named);
  if (file) return load(file);
  await conn.run(`CREATE OR REPLACE TABLE ${rawTable(FORMER_DISTRICTS)} (${rawColumnDefinitions(readSchema(FORMER_DISTRICTS))})`);
}

/**
 * The proposal to track (optional): the data folder's plan_proposals file, else the archived plan for
 * the latest programme year, loaded like any input (rejects by line); without either an empty
 * raw_plan_proposals, so the tracking models build with no rows.
 */
async function loadProposals(conn: DuckDBConnection, options: LoadOptions, named: string | undefined,
  load: (file: string, archived: boolean) => Promise<void>): Promise<ProposalSource | undefined> {
  const own = locateOptional('plan_proposals', options.dataDir, options.dataDir, named);
  const latest = (await conn.runAndReadAll(`SELECT max(year)::INTEGER AS y FROM ${rawTable('programmes')}`)).getRowObjectsJS()[0].y as number | null;
  const archived = own === undefined && latest !== null && options.warehouseDir ? archivedProposal(options.warehouseDir, latest) : undefined;
  const file = own ?? archived;
  if (file === undefined) {
    await conn.run(`CREATE OR REPLACE TABLE ${rawTable('plan_proposals')} (${rawColumnDefinitions(readSchema('plan_proposals'))})`);
    return undefined;
  }
  await load(file, own === undefined);
  return { source: own ? 'data' : 'archive', file, plan_year: own ? null : latest };
}
