/**
 * How a model is brought up to date when its inputs have only gained rows (a night of new
 * postings), declared in its SQL file:
 *   -- incremental: unique key a, b   its query over the new rows of the raw tables it reads
 *                                     (delta_<table>) replaces its rows with those keys; the rows
 *                                     it replaces are kept in replaced_<model> for later models
 *   -- incremental: partitions a, b   an aggregate whose partition (a, b) depends only on its
 *                                     inputs' rows of that partition: the partitions the new and
 *                                     replaced rows of its changed inputs fall in are recomputed
 *   -- incremental: sums by a, b      an aggregate of raw tables grouped by (a, b), every other
 *                                     column a sum, one of them count(*): the sums of the new rows
 *                                     (delta_<table>) are added, those of the rows they replaced
 *                                     (replaced_<table>) taken away, and a group left with all
 *                                     sums 0 (no row) removed
 * Anything else, or an input changed otherwise, is rebuilt whole (CREATE OR REPLACE TABLE).
 */
import type { ModelFile } from './model-files.ts';
import { tablesRead } from './model-files.ts';

export interface Changes {
  /** Raw tables that only gained rows, each with them in delta_<table>. */
  raw: ReadonlySet<string>;
  /** Models updated by key in this run, with delta_<model> and replaced_<model>. */
  keyed: Set<string>;
  /** Models rebuilt whole in this run: a model reading one cannot be updated in part. */
  whole: Set<string>;
}

// A model declaring its compression is created with its columns first (compression.ts), then filled.
const whole = (model: ModelFile, columns?: string) => columns
  ? `CREATE OR REPLACE TABLE ${model.name} (${columns});\n    INSERT INTO ${model.name}\n${model.sql}`
  : `CREATE OR REPLACE TABLE ${model.name} AS\n${model.sql}`;
const renamed = (sql: string, tables: string[], prefix: string) =>
  tables.reduce((text, table) => text.replace(new RegExp(`\\b${table}\\b`, 'g'), `${prefix}${table}`), sql);
const matching = (left: string, right: string, columns: string[]) =>
  columns.map((column) => `${left}.${column} = ${right}.${column}`).join(' AND ');

// The rows a night replaces are found once, with their row ids: deleting by row id reads no column.
function byKey(model: ModelFile, key: string[], raw: string[], keepReplaced: boolean): string {
  const on = matching(model.name, 'd', key);
  return `CREATE OR REPLACE TEMP TABLE delta_${model.name} AS\n${renamed(model.sql, raw, 'delta_')};
    CREATE OR REPLACE TEMP TABLE held_${model.name} AS
      SELECT ${model.name}.rowid AS held_row${keepReplaced ? `, ${model.name}.*` : ''} FROM ${model.name} SEMI JOIN delta_${model.name} AS d ON ${on};
    ${keepReplaced ? `CREATE OR REPLACE TEMP TABLE replaced_${model.name} AS SELECT * EXCLUDE (held_row) FROM held_${model.name};` : ''}
    DELETE FROM ${model.name} WHERE rowid IN (SELECT held_row FROM held_${model.name});
    INSERT INTO ${model.name} SELECT * FROM delta_${model.name}`;
}

function byPartition(model: ModelFile, partitions: string[], inputs: string[]): string {
  const columns = partitions.join(', ');
  const touched = inputs.flatMap((t) => [`SELECT DISTINCT ${columns} FROM delta_${t}`, `SELECT DISTINCT ${columns} FROM replaced_${t}`]);
  // Views, not copies: the model's query reads only the columns it needs of the touched partitions.
  const parts = inputs.map((t) => `CREATE OR REPLACE TEMP VIEW part_${t} AS
      SELECT ${t}.* FROM ${t} SEMI JOIN affected_${model.name} AS a ON ${matching(t, 'a', partitions)};`);
  return `CREATE OR REPLACE TEMP TABLE affected_${model.name} AS ${touched.join(' UNION ')};
    ${parts.join('\n    ')}
    DELETE FROM ${model.name} USING affected_${model.name} AS a WHERE ${matching(model.name, 'a', partitions)};
    INSERT INTO ${model.name} ${renamed(model.sql, inputs, 'part_')}`;
}

function bySums(model: ModelFile, groups: string[], raw: string[]): string {
  const measures = `COLUMNS(* EXCLUDE (${groups.join(', ')}))`;
  const same = (left: string) => groups.map((c) => `${left}.${c} IS NOT DISTINCT FROM a.${c}`).join(' AND ');
  const columns = groups.join(', ');
  return `CREATE OR REPLACE TEMP TABLE delta_${model.name} AS\n${renamed(model.sql, raw, 'delta_')};
    CREATE OR REPLACE TEMP TABLE removed_${model.name} AS\n${renamed(model.sql, raw, 'replaced_')};
    CREATE OR REPLACE TEMP TABLE affected_${model.name} AS
      SELECT ${columns} FROM delta_${model.name} UNION SELECT ${columns} FROM removed_${model.name};
    CREATE OR REPLACE TEMP TABLE summed_${model.name} AS
      SELECT ${columns}, sum(${measures}) FROM (
        SELECT ${model.name}.* FROM ${model.name} SEMI JOIN affected_${model.name} AS a ON ${same(model.name)}
        UNION ALL BY NAME SELECT * FROM delta_${model.name}
        UNION ALL BY NAME SELECT ${columns}, -${measures} FROM removed_${model.name})
      GROUP BY ${columns};
    DELETE FROM ${model.name} USING affected_${model.name} AS a WHERE ${same(model.name)};
    INSERT INTO ${model.name} BY NAME SELECT * FROM summed_${model.name}
      WHERE list_bool_or(list_transform([*${measures}], x -> x <> 0))`;
}

type Update = { kind: 'key' | 'sums' | 'partitions' | 'whole'; raw: string[]; keyed: string[] };

/** How `model` is brought up to date given what changed, and the changed tables it reads. */
function update(model: ModelFile, changes: Changes): Update {
  const read = tablesRead(model.sql);
  const raw = [...changes.raw].filter((t) => read.has(t));
  const keyed = [...changes.keyed].filter((t) => read.has(t));
  const readsWhole = [...read].some((t) => changes.whole.has(t));
  const kind = readsWhole ? 'whole'
    : model.uniqueKey && raw.length > 0 ? 'key'
    : model.sums && raw.length > 0 && keyed.length === 0 ? 'sums'
    // A partition model is only exact when every changed input says which rows it replaced.
    : model.partitions && keyed.length > 0 && raw.length === 0 ? 'partitions'
    : 'whole';
  return { kind, raw, keyed };
}

/** Whether `model` is rebuilt whole given what changed (not updated in place). */
export const rebuiltWhole = (model: ModelFile, changes: Changes) => update(model, changes).kind === 'whole';

/**
 * The statements that build `model` given what changed; records a model updated by key in
 * `changes.keyed`. `keepReplaced`: a later model needs the rows it replaces. `columns`: the
 * column list a model declaring its compression is created with when it is rebuilt whole.
 */
export function incrementalSql(model: ModelFile, changes: Changes, keepReplaced: boolean, columns?: string): string {
  const { kind, raw, keyed } = update(model, changes);
  if (kind === 'key') {
    changes.keyed.add(model.name);
    return byKey(model, model.uniqueKey!, raw, keepReplaced);
  }
  if (kind === 'sums') return bySums(model, model.sums!, raw);
  if (kind === 'partitions') return byPartition(model, model.partitions!, keyed);
  changes.whole.add(model.name);
  return whole(model, columns);
}
