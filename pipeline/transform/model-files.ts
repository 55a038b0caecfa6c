/**
 * The model files and their build order, derived from what each model reads: a model is built after
 * every model it references, so adding a model is adding one file. A reference to no model, a cycle
 * or two models of one name fail before any SQL runs. Each model may declare its contract in its
 * header (model-contracts.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseContract, type Contract } from './model-contracts.ts';
import { parseCompression, type Compression } from './compression.ts';

export const MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));

/** Folder of model tests; it holds queries, not models, so it is not part of the order. */
export const TESTS_FOLDER = 'tests';

export interface ModelFile {
  /** Table the model creates: the file's base name, e.g. `mart_industry`. */
  name: string;
  /** Path relative to the models folder without `.sql`, e.g. `marts/mart_industry`. */
  path: string;
  sql: string;
  /**
   * Unique key of a model that can be updated in place (`-- incremental: unique key a, b` in its
   * file): given only the new rows of a raw table it reads, its rows for those keys are replaced.
   */
  uniqueKey?: string[];
  /**
   * Partition columns of an aggregate whose rows of a partition depend only on its inputs' rows of
   * that partition (`-- incremental: partitions a, b`): only the partitions its changed inputs touched are recomputed.
   */
  partitions?: string[];
  /**
   * Group columns of an aggregate of raw tables, every other column a sum (`-- incremental: sums
   * by a, b`): the sums of a night's new rows are added, those of the rows they replaced taken away.
   */
  sums?: string[];
  /** Grain, not-null columns, references and accepted values declared in the header. */
  contract?: Contract;
  /** Compression methods of its columns in the file (`-- compression: …`, compression.ts). */
  compression?: Compression;
}

const TABLE_REFERENCE = /\b(?:raw|stg|int|dim|mart)_[a-z0-9_]+\b/g;
const INCREMENTAL = /^--\s*incremental:\s*(unique key|partitions|sums by)\s+([a-z0-9_, ]+)$/m;
const KINDS: Record<string, 'uniqueKey' | 'partitions' | 'sums'> = { 'unique key': 'uniqueKey', partitions: 'partitions', 'sums by': 'sums' };

/** Tables (raw inputs and models) a SQL text reads, outside comments. */
export function tablesRead(sql: string): Set<string> {
  return new Set(sql.replace(/--[^\n]*/g, '').match(TABLE_REFERENCE) ?? []);
}

/** The models that read any of `tables`, directly or through an earlier such model, in build order. */
export function dependents(models: readonly ModelFile[], tables: Iterable<string>): ModelFile[] {
  const changed = new Set(tables);
  return models.filter((model) => {
    const reads = [...tablesRead(model.sql)].some((table) => changed.has(table));
    if (reads) changed.add(model.name);
    return reads;
  });
}

/** A SQL file's single SELECT, without a trailing semicolon so it can follow `CREATE TABLE … AS`. */
export function readSql(file: string): string {
  return readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
}

/** Every `.sql` model below the folder (outside tests/), as paths without `.sql`, sorted. */
export function listModelPaths(dir = MODELS_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.sql') && !file.startsWith(`${TESTS_FOLDER}/`))
    .map((file) => file.slice(0, -'.sql'.length))
    .sort();
}

const LAYERS = ['staging/', 'intermediate/', 'marts/'];
const layerOf = (path: string) => LAYERS.findIndex((layer) => path.startsWith(layer));

/**
 * Models in build order: each after the models it reads; among models ready at the same time,
 * staging before intermediate before marts, then by name, so the order is stable. Throws one
 * error listing every problem.
 */
export function readModels(dir = MODELS_DIR): ModelFile[] {
  const problems: string[] = [];
  const models = listModelPaths(dir).map((path): ModelFile => {
    const sql = readSql(join(dir, `${path}.sql`));
    const [, kind, list] = INCREMENTAL.exec(sql) ?? [];
    const columns = list?.split(',').map((c) => c.trim());
    let contract: Contract | undefined;
    let compression: Compression | undefined;
    try {
      contract = parseContract(sql, `${path}.sql`);
      compression = parseCompression(sql, `${path}.sql`);
    } catch (error) {
      problems.push((error as Error).message);
    }
    return {
      name: basename(path), path, sql,
      ...(columns ? { [KINDS[kind]]: columns } : {}),
      ...(contract ? { contract } : {}),
      ...(compression ? { compression } : {}),
    };
  });
  const byName = new Map<string, ModelFile>();
  for (const model of models) {
    const other = byName.get(model.name);
    if (other) problems.push(`two models are named ${model.name}: ${other.path}.sql and ${model.path}.sql`);
    byName.set(model.name, model);
  }
  const reads = new Map(models.map((model) => {
    // raw_ tables are the loader's, present before any model runs.
    const names = [...tablesRead(model.sql)].filter((name) => !name.startsWith('raw_'));
    for (const name of names) if (!byName.has(name)) problems.push(`${model.path} reads ${name}, which is no model`);
    return [model.name, names.filter((name) => byName.has(name))];
  }));
  if (problems.length === 0) {
    const ordered = buildOrder(models, reads);
    if (ordered.length === models.length) return ordered;
    const cycle = onCycles(models.filter((m) => !ordered.includes(m)), reads);
    const described = cycle.map((m) => `${m.path} (reads ${reads.get(m.name)!.filter((n) => cycle.some((c) => c.name === n)).join(', ')})`);
    problems.push(`these models read each other in a cycle, so none can be built first: ${described.join('; ')}`);
  }
  throw new Error(`Models in ${dir} cannot be built:\n- ${problems.join('\n- ')}`);
}

/** Kahn's algorithm with a stable pick; models left out are on a cycle. */
function buildOrder(models: ModelFile[], reads: Map<string, string[]>): ModelFile[] {
  const built = new Set<string>();
  const ordered: ModelFile[] = [];
  const rank = (m: ModelFile) => [layerOf(m.path), m.name] as const;
  for (;;) {
    const ready = models
      .filter((m) => !built.has(m.name) && reads.get(m.name)!.every((name) => built.has(name)))
      .sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1].localeCompare(rank(b)[1]));
    if (ready.length === 0) return ordered;
    built.add(ready[0].name);
    ordered.push(ready[0]);
  }
}

/** Of the models left unbuilt, those on a cycle: models merely waiting on one (read by no unbuilt model) are pruned. */
function onCycles(stuck: ModelFile[], reads: Map<string, string[]>): ModelFile[] {
  let left = stuck;
  for (;;) {
    const read = new Set(left.flatMap((m) => reads.get(m.name)!));
    const kept = left.filter((m) => read.has(m.name));
    if (kept.length === left.length) return left;
    left = kept;
  }
}
