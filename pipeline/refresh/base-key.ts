/**
 * A nightly run usually brings nothing but new daily postings. The base is everything else a
 * refresh builds from: the input tables (by sha256), the postings' classification tables, the policy, the data label
 * and the code that loads and models them. When the base's fingerprint equals the served
 * snapshot's, the run starts from a copy of that snapshot's warehouse and rebuilds only what the
 * postings feed (refresh.ts); anything else changed, and the run is a full one.
 */
import { CLASSIFICATION_TABLES, TABLES } from '../config/schema.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_TABLES } from '../load/catalogue-versions.ts';
import { FORMER_DISTRICTS } from '../load/codes-from-names.ts';
import { locateInput, locateLegacy, locateOptional, locateProgrammes, type InputOverrides } from '../load/locate-input.ts';
import { MAPPING_FILE, readMapping, type Mapping } from '../load/mapping.ts';
import { classificationFile } from '../postings/classification-tables.ts';
import { contentKey, fileSha256 } from './fingerprint.ts';
import type { SchoolParts } from '../config/accepted-inputs.ts';

export interface BaseInput { table: string; sha256: string }

/**
 * Code whose change changes what a refresh builds beyond the postings: every folder the refresh
 * imports from (a test follows its imports) and the packages' versions. An upgrade then runs in
 * full once; a stale warehouse would keep its old figures.
 */
export const BASE_SOURCES = ['schemas', 'pipeline/config', 'pipeline/load', 'pipeline/postings', 'pipeline/models', 'pipeline/transform',
  'pipeline/outlook', 'pipeline/planner', 'pipeline/shared', 'pipeline/export', 'pipeline/reports', 'pipeline/refresh', 'package-lock.json'];

/** Inputs that are not part of the base: the daily files, which the postings store tracks one by one. */
export const isBaseInput = (input: BaseInput) => input.table !== 'postings';

export const baseKey = (inputs: readonly BaseInput[], policy: unknown, label: unknown): string =>
  contentKey(inputs.filter(isBaseInput), [policy, label], BASE_SOURCES);

/** A data folder's mapping.json, which changes how every file reads, as a base input. */
export async function mappingInput(dataDir: string): Promise<BaseInput[]> {
  const file = join(dataDir, MAPPING_FILE);
  return existsSync(file) ? [{ table: 'mapping', sha256: await fileSha256(file) }] : [];
}

/**
 * The legacy catalogue's files (locateLegacy) as base inputs, but those of `loaded`: the loader
 * reads them only for rows before current_from, yet a night must not start from a base built
 * without them when they have changed since, nor a full run follow every night they go unread.
 */
export async function unreadLegacy(dataDir: string, referenceDir: string, loaded: readonly BaseInput[]): Promise<BaseInput[]> {
  const legacy = locateLegacy(dataDir, referenceDir, readMapping(dataDir).tables);
  const unread = LEGACY_TABLES.filter((table) => legacy[table] && !loaded.some((i) => i.table === table));
  return Promise.all(unread.map(async (table) => ({ table, sha256: await fileSha256(legacy[table]!) })));
}

/** The files the programme rows come from, under the names the loader reports them by (load-inputs.ts). */
function programmeFiles(dataDir: string, mapping: Mapping, overrides: InputOverrides): { table: string; file: string }[] {
  const source = locateProgrammes(dataDir, mapping.tables, overrides);
  if ('programmes' in source) return [{ table: 'programmes', file: source.programmes }];
  return [{ table: 'programme_listing', file: source.listing }, ...(source.figures ? [{ table: 'programme_figures', file: source.figures }] : [])];
}

/**
 * The base inputs as the loader would find them (the schools' own files too), hashed without loading; null when one is missing
 * or ambiguous, which only a full run reports properly.
 */
export async function locateBaseInputs(dataDir: string, referenceDir: string, overrides: InputOverrides = {}, parts: SchoolParts = {}): Promise<BaseInput[] | null> {
  try {
    const mapping = readMapping(dataDir);
    const files = TABLES.flatMap((table) => (table === 'programmes' ? programmeFiles(dataDir, mapping, overrides) : [{
      table: table as string, file: locateInput(table, dataDir, referenceDir, { overrides, named: mapping.tables[table]?.file }),
    }]));
    const legacy = locateLegacy(dataDir, referenceDir, mapping.tables);
    files.unshift(...LEGACY_TABLES.flatMap((table) => (legacy[table] ? [{ table: table as string, file: legacy[table] }] : [])));
    const former = locateOptional(FORMER_DISTRICTS, dataDir, referenceDir, mapping.tables[FORMER_DISTRICTS]?.file);
    if (former) files.push({ table: FORMER_DISTRICTS, file: former });
    const proposals = locateOptional('plan_proposals', dataDir, dataDir, mapping.tables.plan_proposals?.file);
    if (proposals) files.push({ table: 'plan_proposals', file: proposals });
    for (const [table, list] of Object.entries(parts)) files.push(...list!.map((p) => ({ table, file: p.file })));
    for (const table of CLASSIFICATION_TABLES) {
      const file = classificationFile({ dataDir, referenceDir }, table, mapping.tables[table]?.file);
      if (file) files.push({ table, file });
    }
    return [...await Promise.all(files.map(async ({ table, file }) => ({ table, sha256: await fileSha256(file) }))), ...await mappingInput(dataDir)];
  } catch {
    return null;
  }
}
