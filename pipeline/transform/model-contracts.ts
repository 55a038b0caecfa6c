/**
 * A model's contract, declared in comment lines at the top of its .sql file (like dbt's schema.yml
 * or SQLMesh's MODEL block, but beside the query it describes):
 *
 *   -- grain: year, industry_code                      one row per key (a second `-- unique:` line adds another key)
 *   -- not null: name_zh, supply                       besides the grain columns, which are never NULL
 *   -- references: district_code -> dim_district       each code is a row of the target (same column name,
 *   -- references: (industry_code, segment_code) -> dim_segment      or `-> dim_x.column`; tuples for composite keys)
 *   -- accepted values: signal in (shortage, balanced, oversupply, no_demand)
 *
 * The generic tests are generated from these lines: one failing-rows query per model,
 * `contract_<model>`, whose rows name the rule broken and the key of the offending row. A table
 * written from TypeScript declares its contract with the same lines among its columns (the
 * planner's marts: pipeline/planner/write-plan.ts).
 */

export interface Reference { columns: string[]; table: string; targetColumns: string[] }

export interface Contract {
  grain?: string[];
  /** Further unique keys besides the grain, e.g. an id column. */
  unique: string[][];
  notNull: string[];
  references: Reference[];
  accepted: { column: string; values: string[] }[];
}

const LINE = /^--\s*(grain|unique|not null|references|accepted values):\s*(.+)$/gm;
const IDENT = /^[a-z_][a-z0-9_]*$/;

const list = (text: string) => text.replace(/^\(|\)$/g, '').split(',').map((s) => s.trim()).filter(Boolean);

function identifiers(text: string, where: string): string[] {
  const names = list(text);
  const bad = names.filter((name) => !IDENT.test(name));
  if (names.length === 0 || bad.length > 0) throw new Error(`${where}: "${text}" is not a list of column names`);
  return names;
}

/**
 * The contract lines of a model's SQL, or of the DDL of a table written outside the models (the
 * planner's marts); throws naming `file` (and the line) when a line cannot be read.
 */
export function parseContract(sql: string, file: string): Contract | undefined {
  const contract: Contract = { unique: [], notNull: [], references: [], accepted: [] };
  let declared = false;
  for (const [, kind, body] of sql.matchAll(LINE)) {
    declared = true;
    const where = `${file}, "-- ${kind}:"`;
    if (kind === 'grain') {
      if (contract.grain) throw new Error(`${where} appears twice`);
      contract.grain = identifiers(body, where);
    } else if (kind === 'unique') {
      contract.unique.push(identifiers(body, where));
    } else if (kind === 'not null') {
      contract.notNull.push(...identifiers(body, where));
    } else if (kind === 'references') {
      const match = /^(.+?)\s*->\s*([a-z_][a-z0-9_]*)(?:\.(.+))?$/.exec(body.trim());
      if (!match) throw new Error(`${where} expects "columns -> table" in "${body}"`);
      const columns = identifiers(match[1], where);
      const targetColumns = match[3] ? identifiers(match[3], where) : columns;
      if (targetColumns.length !== columns.length) throw new Error(`${where}: ${columns.length} columns cannot refer to ${targetColumns.length}`);
      contract.references.push({ columns, table: match[2], targetColumns });
    } else {
      const match = /^([a-z_][a-z0-9_]*)\s+in\s+\((.+)\)$/.exec(body.trim());
      if (!match) throw new Error(`${where} expects "column in (a, b, …)" in "${body}"`);
      contract.accepted.push({ column: match[1], values: list(match[2]) });
    }
  }
  return declared ? contract : undefined;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** A column as the generated SQL names it: quoted, since a column may be named like a keyword (mart_plan_constraints."constraint"). */
const col = (column: string, alias = '') => `${alias}"${column}"`;
const cols = (columns: readonly string[], alias = '') => columns.map((c) => col(c, alias)).join(', ');
const keyOf = (columns: readonly string[], alias = '') => `concat_ws('|', ${cols(columns, alias)})`;

/**
 * The rows of a model an incremental build replaced: those whose `columns` match a row of `table`
 * (its delta_ table for an update by key, its affected_ partitions: incremental-sql.ts).
 */
export interface TestScope { columns: string[]; table: string }

/** A subquery of the model's rows in the scope. NULLs match too: a replaced row with a NULL key is one a not-null rule must see. */
export const scopedRows = (model: string, scope: TestScope) =>
  `(select s.* from ${model} as s semi join ${scope.table} as d on ${scope.columns.map((c) => `s.${c} is not distinct from d.${c}`).join(' and ')})`;

/**
 * The scope when testing only the replaced rows proves the whole table, given that the rest passed
 * when it was built: every unique key holds the scope's columns (a repeated key then lies wholly
 * within replaced rows), and no table a reference points at was rebuilt since (`rebuilt`).
 */
export function exactScope(contract: Contract, scope: TestScope, rebuilt: ReadonlySet<string>): TestScope | undefined {
  const keys = [...(contract.grain ? [contract.grain] : []), ...contract.unique];
  const keyed = keys.every((key) => scope.columns.every((c) => key.includes(c)));
  return keyed && !contract.references.some((r) => rebuilt.has(r.table)) ? scope : undefined;
}

/**
 * The failing-rows query of one model's contract: columns `rule` (grain, unique, not_null,
 * references, accepted_values), `row_key` and `detail`. With a scope (exactScope), only the rows
 * the incremental build replaced are read.
 */
export function contractTestSql(model: string, contract: Contract, scope?: TestScope): string {
  const source = scope ? scopedRows(model, scope) : model;
  const rows = (alias = model) => `${source} as ${alias}`;
  const key = contract.grain ?? contract.unique[0] ?? [];
  const rowKey = (alias = '') => (key.length > 0 ? keyOf(key, alias) : `'(no key)'`);
  const parts: string[] = [];
  for (const [rule, columns] of [
    ...(contract.grain ? [['grain', contract.grain] as const] : []),
    ...contract.unique.map((columns) => ['unique', columns] as const),
  ]) {
    // Keys are grouped by their 64-bit hash first, and only the rows of a repeated hash by the key
    // itself: grouping millions of text keys costs several times more than grouping their hashes.
    const hashed = `hash(${cols(columns)})`;
    parts.push(`select '${rule}' as rule, ${keyOf(columns)} as row_key, count(*) || ' rows' as detail
from ${rows()} where ${hashed} in (select ${hashed} from ${rows()} group by all having count(*) > 1)
group by ${cols(columns)} having count(*) > 1`);
  }
  const required = [...new Set([...(contract.grain ?? []), ...contract.notNull])];
  if (required.length > 0) {
    const nulls = required.map((c) => `case when ${col(c)} is null then '${c}' end`).join(', ');
    parts.push(`select 'not_null' as rule, ${rowKey()} as row_key, concat_ws(', ', ${nulls}) || ' is NULL' as detail
from ${rows()} where ${required.map((c) => `${col(c)} is null`).join(' or ')}`);
  }
  for (const ref of contract.references) {
    const on = ref.columns.map((c, i) => `${col(c, 'm.')} = ${col(ref.targetColumns[i], 't.')}`).join(' and ');
    const target = `${ref.table}(${ref.targetColumns.join(', ')})`;
    parts.push(`select 'references' as rule, ${rowKey('m.')} as row_key, ${keyOf(ref.columns, 'm.')} || ' not in ${target}' as detail
from ${rows('m')} where ${ref.columns.map((c) => `${col(c, 'm.')} is not null`).join(' and ')}
    and not exists (select 1 from ${ref.table} as t where ${on})`);
  }
  for (const { column, values } of contract.accepted) {
    parts.push(`select 'accepted_values' as rule, ${rowKey()} as row_key, ${col(column)} || ' is not one of ${values.join(', ')}' as detail
from ${rows()} where ${col(column)} not in (${values.map(quote).join(', ')})`);
  }
  return parts.join('\nunion all\n');
}
