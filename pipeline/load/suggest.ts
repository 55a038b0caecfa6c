import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable, readSchema, storedFields, type TableSchema } from '../config/schema.ts';
import { keyColumn } from './foreign-keys.ts';
import { sqlName, sqlString } from './sql.ts';

/** Most candidates named in one "did you mean". */
const MAX_SUGGESTIONS = 3;

/**
 * The column shown beside a suggested code so a person recognises it: the name of the thing the
 * code names (major_name beside major_code, even where the table also holds school_name), else
 * name_zh or the table's one name column.
 */
export function nameField(schema: TableSchema, code?: string): string | undefined {
  const own = code?.endsWith('_code') ? `${code.slice(0, -'_code'.length)}_name` : undefined;
  const fields = storedFields(schema);
  return fields.find((f) => f.name === own)?.name ?? fields.find((f) => f.name === 'name_zh' || f.name.endsWith('_name'))?.name;
}

/**
 * A major code typed without the K the catalogue publishes it with (国控专业: 520101K 临床医学) is
 * an unknown code, never another major; the reason names the K code. Its nearest neighbours by
 * edit distance (530101 …) would be other majors, so no other suggestion follows.
 */
async function hintSuffixK(conn: DuckDBConnection, schema: TableSchema, rejects: string): Promise<void> {
  for (const fk of (schema.foreignKeys ?? []).filter((k) => k.reference.resource === 'majors')) {
    const { column } = keyColumn(fk);
    await conn.run(`
      UPDATE ${rejects} SET reason = reason || ' — 国控专业代码带 K: the catalogue code is ' || t.major_code || ' ' || t.major_name
      FROM ${rawTable('majors')} t
      WHERE ${rejects}.field = ${sqlString(column)} AND starts_with(${rejects}.reason, 'unknown ') AND t.major_code = ${rejects}.value || 'K'`);
  }
}

/**
 * Appends "— did you mean 460609 无人机应用技术?" to rejects of foreign-key columns (unknown codes,
 * and malformed ones such as a name typed where the code belongs). Candidates are the referenced
 * rows nearest by Damerau–Levenshtein distance to the code or the name (a swapped digit pair
 * counts 1), ties broken by Jaro–Winkler similarity; only the nearest, up to three, and only when
 * close enough (at most max(2, length ÷ 3) edits) to be a plausible typo. Work is per distinct
 * wrong value, not per row. Only unknown and malformed codes get one: a legacy code rejected in its
 * own catalogue (catalogue-versions.ts) is not a typo of the 2021 major that has its number, nor
 * is a malformed code of a legacy year, whose reason names its catalogue instead (a reason already
 * carrying a hint after ' — ' gets no suggestion).
 */
export async function suggestCodes(conn: DuckDBConnection, schema: TableSchema, rows: string, rejects: string): Promise<void> {
  await hintSuffixK(conn, schema, rejects);
  for (const fk of schema.foreignKeys ?? []) {
    const { column, scope } = keyColumn(fk);
    const reference = readSchema(fk.reference.resource);
    const refCode = `t.${sqlName(fk.reference.fields[fk.reference.fields.length - 1])}::VARCHAR`;
    const refScope = fk.reference.fields.slice(0, -1).map((f) => `t.${sqlName(f)}::VARCHAR`);
    const rowScope = scope.map((f) => `r.${sqlName(f)}`);
    const name = nameField(reference, fk.reference.fields[fk.reference.fields.length - 1]);
    const refName = name ? `t.${sqlName(name)}` : 'NULL::VARCHAR';
    await conn.run(`
      UPDATE ${rejects} SET reason = reason || ' — did you mean ' || s.suggestion || '?'
      FROM (
        WITH wrong AS (
          SELECT DISTINCT j.value, [${rowScope.join(', ')}]::VARCHAR[] AS scope
          FROM ${rejects} j JOIN ${rows} r USING (row_id)
          WHERE j.field = ${sqlString(column)} AND j.value IS NOT NULL),
        candidates AS (
          SELECT w.value, w.scope, ${refCode} AS code, ${refName} AS label,
                 least(damerau_levenshtein(w.value, ${refCode}), coalesce(damerau_levenshtein(w.value, ${refName}), 1000)) AS distance,
                 jaro_winkler_similarity(w.value, ${refCode}) AS similarity
          FROM wrong w JOIN ${rawTable(fk.reference.resource)} t ON [${refScope.join(', ')}]::VARCHAR[] = w.scope),
        ranked AS (
          SELECT *, min(distance) OVER (PARTITION BY value, scope) AS best,
                 row_number() OVER (PARTITION BY value, scope ORDER BY distance, similarity DESC, code) AS rank
          FROM candidates)
        SELECT value, scope, string_agg(concat_ws(' ', code, label), ', ' ORDER BY rank) AS suggestion
        FROM ranked
        WHERE distance = best AND rank <= ${MAX_SUGGESTIONS} AND distance <= greatest(2, length(value) // 3)
        GROUP BY value, scope
      ) s, ${rows} r
      WHERE ${rejects}.field = ${sqlString(column)} AND ${rejects}.value = s.value
        AND (starts_with(${rejects}.reason, 'unknown ') OR starts_with(${rejects}.reason, 'not a ')) AND NOT contains(${rejects}.reason, ' — ')
        AND r.row_id = ${rejects}.row_id AND [${rowScope.join(', ')}]::VARCHAR[] = s.scope`);
  }
}
