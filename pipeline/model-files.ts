/**
 * The model files and their declared build order (pipeline/models/order.txt). The order is checked
 * against the files in both directions and against each model's references, so a new model that
 * is not listed, a listed model that is gone, or a model reading a later one fails before any SQL runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODELS_DIR = fileURLToPath(new URL('./models/', import.meta.url));

/** Folder of model tests; it holds queries, not models, so it is not part of the order. */
export const TESTS_FOLDER = 'tests';

export interface ModelFile {
  /** Table the model creates: the file's base name, e.g. `mart_industry`. */
  name: string;
  /** Path relative to the models folder without `.sql`, as order.txt lists it, e.g. `marts/mart_industry`. */
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
}

const TABLE_REFERENCE = /\b(?:raw|stg|int|dim|mart)_[a-z0-9_]+\b/g;
const INCREMENTAL = /^--\s*incremental:\s*(unique key|partitions)\s+([a-z0-9_, ]+)$/m;

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

/** Model paths declared in order.txt (blank lines and `#` comments skipped). */
export function readOrder(dir = MODELS_DIR): string[] {
  return readFileSync(join(dir, 'order.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Every `.sql` model below the folder (outside tests/), as order paths. */
export function listModelPaths(dir = MODELS_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.sql') && !file.startsWith(`${TESTS_FOLDER}/`))
    .map((file) => file.slice(0, -'.sql'.length))
    .sort();
}

/** Models in build order; throws one error listing every mismatch between order.txt and the files. */
export function readModels(dir = MODELS_DIR): ModelFile[] {
  const order = readOrder(dir);
  const files = new Set(listModelPaths(dir));
  const problems: string[] = [];
  for (const path of files) if (!order.includes(path)) problems.push(`${path}.sql is not listed in order.txt`);
  const seen = new Set<string>();
  for (const path of order) {
    if (!files.has(path)) problems.push(`order.txt lists ${path}, but there is no file ${path}.sql`);
    if (seen.has(basename(path))) problems.push(`order.txt lists a second model named ${basename(path)} (${path})`);
    seen.add(basename(path));
  }
  if (problems.length === 0) {
    const models = order.map((path): ModelFile => {
      const sql = readSql(join(dir, `${path}.sql`));
      const [, kind, list] = INCREMENTAL.exec(sql) ?? [];
      const columns = list?.split(',').map((c) => c.trim());
      return { name: basename(path), path, sql, ...(columns ? { [kind === 'partitions' ? 'partitions' : 'uniqueKey']: columns } : {}) };
    });
    problems.push(...referenceProblems(models));
    if (problems.length === 0) return models;
  }
  throw new Error(`Models in ${dir} do not match order.txt:\n- ${problems.join('\n- ')}`);
}

/** References (outside comments) to models that are unknown or built later than the model reading them. */
function referenceProblems(models: ModelFile[]): string[] {
  const position = new Map(models.map((m, i) => [m.name, i]));
  return models.flatMap((model, i) => {
    // raw_ tables are the loader's, present before any model runs.
    const names = [...tablesRead(model.sql)].filter((name) => !name.startsWith('raw_'));
    return names.flatMap((name) => {
      const at = position.get(name);
      if (at === undefined) return [`${model.path} reads ${name}, which is no model`];
      return at >= i ? [`${model.path} reads ${name}, which is not built before it`] : [];
    });
  });
}
