import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable, readSchema, storedFields, type TableSchema } from '../config/schema.ts';
import { keyColumn, NOT_LISTED } from './foreign-keys.ts';
import { readRows } from '../transform/read-rows.ts';
import { editDistance, jaroWinkler } from '../shared/edit-distance.ts';
import { groupBy } from '../shared/group-by.ts';
import { sqlName, sqlString } from './sql.ts';
import { provinceNames, PROVINCES } from '../config/provinces.ts';

/** Most candidates named in one "did you mean". */
const MAX_SUGGESTIONS = 3;

/**
 * Most wrong values of one column looked up, in file order: each is compared with every referenced
 * row (11,000 schools nationally), and a file with more wrong codes than this has a fault no
 * suggestion would mend (a column mapped to the wrong field, a code list of another year).
 */
const MAX_SUGGESTED_VALUES = 200;

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
  // Majors are looked up in the catalogue, or (a figures row) in the listing: the K tells them apart all the same.
  for (const fk of (schema.foreignKeys ?? []).filter((k) => keyColumn(k).column === 'major_code')) {
    const { column } = keyColumn(fk);
    await conn.run(`
      UPDATE ${rejects} SET reason = reason || ' — 国控专业代码带 K: the catalogue code is ' || t.major_code || ' ' || t.major_name
      FROM ${rawTable('majors')} t
      WHERE ${rejects}.field = ${sqlString(column)} AND (starts_with(${rejects}.reason, 'unknown ') OR starts_with(${rejects}.reason, ${sqlString(NOT_LISTED)}))
        AND t.major_code = ${rejects}.value || 'K'`);
  }
}

/**
 * A workplace that names only its province or city (重庆, 重庆市), as job boards write one when the
 * employer gave no district: no district can be read from it, and the reason says so.
 */
async function hintPlaceNames(conn: DuckDBConnection, schema: TableSchema, rejects: string): Promise<void> {
  const names = PROVINCES.flatMap(provinceNames).map(sqlString).join(', ');
  for (const fk of (schema.foreignKeys ?? []).filter((k) => k.reference.resource === 'districts')) {
    await conn.run(`
      UPDATE ${rejects} SET reason = reason || ' — 只写到省（直辖市），未写区县: names a province or the whole city, not a district'
      WHERE field = ${sqlString(keyColumn(fk).column)} AND value IN (${names})`);
  }
}

/**
 * A district code of a whole province or city (500000 重庆市, 500100 its 市辖区, 500200 its 县) is
 * unknown as a district, and no typo of one: the row is likely a total of the districts. Its reason
 * says so, and no district near it by edit distance is suggested.
 */
async function hintAreaTotals(conn: DuckDBConnection, schema: TableSchema, rejects: string): Promise<void> {
  for (const fk of (schema.foreignKeys ?? []).filter((k) => k.reference.resource === 'districts')) {
    const { column } = keyColumn(fk);
    await conn.run(`
      UPDATE ${rejects} SET reason = reason || CASE WHEN regexp_full_match(value, '[0-9]{2}0000')
          THEN ' — 省级（直辖市）行政区划代码，不是区县: the code of a province or of the whole city, not of a district (a total row?)'
          ELSE ' — 地级（市辖区、县合计）行政区划代码，不是区县: the code of a city or of its group of districts or counties, not of a district (a total row?)' END
      WHERE field = ${sqlString(column)} AND starts_with(reason, 'unknown ') AND regexp_full_match(value, '[0-9]{4}00')`);
  }
}

/**
 * Appends "— did you mean 460609 无人机应用技术?" to rejects of foreign-key columns (unknown codes,
 * and malformed ones such as a name typed where the code belongs). Candidates are the referenced
 * rows nearest by Damerau–Levenshtein distance to the code or the name (a swapped digit pair
 * counts 1), ties broken by Jaro–Winkler similarity; only the nearest, up to three, and only when
 * close enough to be a plausible typo: at most max(2, length ÷ 3) edits from the code, or length ÷ 3
 * from the name (one character of a two-character name is half of it: 开县 is no typo of 忠县). Work is per distinct
 * wrong value, not per row, for the first MAX_SUGGESTED_VALUES of them. Only unknown and malformed codes get one: a legacy code rejected in its
 * own catalogue (catalogue-versions.ts) is not a typo of the 2021 major that has its number, nor
 * is a malformed code of a legacy year, whose reason names its catalogue instead (a reason already
 * carrying a hint after ' — ' gets no suggestion).
 */
export async function suggestCodes(conn: DuckDBConnection, schema: TableSchema, rows: string, rejects: string): Promise<void> {
  await hintSuffixK(conn, schema, rejects);
  await hintAreaTotals(conn, schema, rejects);
  await hintPlaceNames(conn, schema, rejects);
  for (const fk of schema.foreignKeys ?? []) {
    const { column, scope } = keyColumn(fk);
    const reference = readSchema(fk.reference.resource);
    const codeField = fk.reference.fields[fk.reference.fields.length - 1];
    const name = nameField(reference, codeField);
    const open = `j.field = ${sqlString(column)} AND j.value IS NOT NULL
      AND (starts_with(j.reason, 'unknown ') OR starts_with(j.reason, ${sqlString(NOT_LISTED)}) OR starts_with(j.reason, 'not a '))
      AND NOT contains(j.reason, ' — ')`;
    const rowScope = `[${scope.map((f) => `r.${sqlName(f)}::VARCHAR`).join(', ')}]::VARCHAR[]::VARCHAR`;
    const wrong = await readRows(conn, `SELECT j.value, ${rowScope} AS scope FROM ${rejects} j JOIN ${rows} r USING (row_id) WHERE ${open}
      GROUP BY ALL ORDER BY min(j.row_id) LIMIT ${MAX_SUGGESTED_VALUES}`);
    if (wrong.length === 0) continue;
    const refScope = `[${fk.reference.fields.slice(0, -1).map((f) => `t.${sqlName(f)}::VARCHAR`).join(', ')}]::VARCHAR[]::VARCHAR`;
    const candidates = groupBy(await readRows(conn, `
      SELECT ${refScope} AS scope, t.${sqlName(codeField)}::VARCHAR AS code, ${name ? `t.${sqlName(name)}` : 'NULL'}::VARCHAR AS label
      FROM ${rawTable(fk.reference.resource)} t`) as unknown as (Candidate & { scope: string })[], (c) => c.scope);
    const found = wrong.flatMap((w) => {
      const suggestion = nearest(String(w.value), candidates.get(String(w.scope)) ?? []);
      return suggestion ? [`(${sqlString(String(w.value))}, ${sqlString(String(w.scope))}, ${sqlString(suggestion)})`] : [];
    });
    if (found.length === 0) continue;
    await conn.run(`
      UPDATE ${rejects} SET reason = reason || ' — did you mean ' || s.suggestion || '?'
      FROM (VALUES ${found.join(', ')}) s(value, scope, suggestion), ${rows} r
      WHERE ${open.replaceAll('j.', `${rejects}.`)} AND ${rejects}.value = s.value
        AND r.row_id = ${rejects}.row_id AND ${rowScope} = s.scope`);
  }
}

interface Candidate { code: string; label: string | null }

/** The nearest candidates (up to three, "code name" each), or none near enough to be a typo. */
function nearest(value: string, candidates: Candidate[]): string | undefined {
  const length = [...value].length;
  const near = candidates.flatMap((c) => {
    const byCode = editDistance(value, c.code);
    const byName = c.label === null ? Infinity : editDistance(value, c.label);
    const distance = Math.min(byCode <= Math.max(2, Math.floor(length / 3)) ? byCode : Infinity, byName <= Math.floor(length / 3) ? byName : Infinity);
    return Number.isFinite(distance) ? [{ ...c, distance, similarity: jaroWinkler(value, c.code) }] : [];
  });
  if (near.length === 0) return undefined;
  const best = Math.min(...near.map((c) => c.distance));
  return near.filter((c) => c.distance === best)
    .sort((a, b) => b.similarity - a.similarity || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS).map((c) => [c.code, c.label].filter(Boolean).join(' ')).join(', ');
}
