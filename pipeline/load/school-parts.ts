import type { DuckDBConnection } from '@duckdb/node-api';
import type { SchoolPart } from '../config/accepted-inputs.ts';
import { rawTable, readSchema } from '../config/schema.ts';
import { LoadError } from './errors.ts';
import type { TableLoad } from './load-table.ts';
import { sqlString } from './sql.ts';

/**
 * What a school's own file did to its input: the schools (and years) it holds rows of, the rows of
 * theirs it replaced, and the rows it holds. `covers` names each school (or school and year) as
 * the accepted record keeps it: `9500036142` or `9500036142 2025`.
 */
export interface PartMerge { file: string; schools: string[]; years: number[]; covers: string[]; replaced: number; rows: number }

const hasYears = (table: string) => readSchema(table).fields.some((f) => f.name === 'year');

/** A school's own file replaces its rows by school and, in a table of years, by school and year: the key of a row, as text. */
export const partKey = (table: string) => (hasYears(table) ? `concat_ws(' ', school_code, year)` : 'school_code');

/**
 * The rows of a table's main file (or of the rows it was built from) that schools' own files
 * replace, taken out before anything checks them: each with its key (partKey) counted, so that a
 * row a school replaces is neither loaded nor rejected for what the school changed (a programme
 * its own listing no longer has).
 */
export async function takeReplaced(conn: DuckDBConnection, rows: string, table: string, keys: ReadonlySet<string>): Promise<Map<string, number>> {
  if (keys.size === 0) return new Map();
  const key = partKey(table);
  const list = `[${[...keys].map(sqlString).join(', ')}]`;
  const counted = (await conn.runAndReadAll(`SELECT ${key} AS k, count(*)::INTEGER AS n FROM ${rows} WHERE list_contains(${list}, ${key}) GROUP BY ALL`))
    .getRowObjectsJS() as { k: string; n: number }[];
  if (counted.length > 0) await conn.run(`DELETE FROM ${rows} WHERE list_contains(${list}, ${key})`);
  return new Map(counted.map((c) => [c.k, c.n]));
}

/**
 * A table with schools' own rows (a school account's accepted uploads) in place of the same
 * schools' rows of its main file, whichever file that is: of each school and, in a table of years,
 * each year a school's file holds rows of. A year or a school of the account its file does not hold
 * keeps its rows, so a file of one year never takes a school's history away. The schools' files
 * are loaded first, each checked as a file of its own (its rejects by its own lines; a row of a
 * school not the account's stops the load, as the upload's check refused it); then the main file,
 * without the rows they replace (`main` takes them out: takeReplaced); then their rows join it, in
 * the order they were accepted. Returns what each replaced, for the run's notes.
 */
export async function withSchoolParts(conn: DuckDBConnection, table: string, parts: readonly SchoolPart[],
  loadPart: (file: string) => Promise<TableLoad>, main: (replaced: ReadonlySet<string>) => Promise<Map<string, number>>,
): Promise<{ loads: TableLoad[]; merges: PartMerge[] }> {
  const raw = rawTable(table);
  const key = partKey(table);
  const loaded: { part: SchoolPart; load: TableLoad; held: string; keys: { k: string; s: string; y: number | null }[] }[] = [];
  for (const [i, part] of parts.entries()) {
    const load = await loadPart(part.file);
    const [other] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, list_sort(list(DISTINCT school_code))[1:3] AS codes
      FROM ${raw} WHERE NOT list_contains([${part.schools.map(sqlString).join(', ')}], school_code)`)).getRowObjectsJS() as { n: number; codes: string[] }[];
    if (other.n > 0) {
      throw new LoadError(`${part.file}: 含其他学校的数据 — ${other.n} rows of schools other than this account's (${other.codes.join(', ')}${other.n > other.codes.length ? ' …' : ''}): `
        + '学校账号只报送本校的数据 — a school account sends its own schools\' rows only');
    }
    const keys = (await conn.runAndReadAll(`SELECT DISTINCT ${key} AS k, school_code AS s, ${hasYears(table) ? 'year' : 'NULL::INTEGER'} AS y
      FROM ${raw} ORDER BY ALL`)).getRowObjectsJS() as { k: string; s: string; y: number | null }[];
    const held = `${raw}_part_${i}`;
    await conn.run(`ALTER TABLE ${raw} RENAME TO ${held}`);
    loaded.push({ part, load, held, keys });
  }
  const taken = await main(new Set(loaded.flatMap((l) => l.keys.map((k) => k.k))));
  const merges: PartMerge[] = [];
  for (const [i, { part, load, held, keys }] of loaded.entries()) {
    // An earlier file's rows of the same keys give way; the main file's rows a later file holds too are that file's to replace.
    if (i > 0 && keys.length > 0) await conn.run(`DELETE FROM ${raw} WHERE list_contains([${keys.map((k) => sqlString(k.k)).join(', ')}], ${key})`);
    const mine = keys.filter((k) => !loaded.slice(i + 1).some((later) => later.keys.some((l) => l.k === k.k)));
    await conn.run(`INSERT INTO ${raw} BY NAME SELECT * FROM ${held}`);
    await conn.run(`DROP TABLE ${held}`);
    merges.push({
      file: part.file, schools: [...new Set(keys.map((k) => k.s))], years: [...new Set(keys.flatMap((k) => (k.y === null ? [] : [k.y])))].sort((a, b) => a - b),
      covers: keys.map((k) => k.k), replaced: mine.reduce((n, k) => n + (taken.get(k.k) ?? 0), 0), rows: load.input.rows,
    });
  }
  return { loads: loaded.map((l) => l.load), merges };
}

/** The run's note on a school's own file. */
export const partNote = (m: PartMerge) => `${m.file}: 学校报送替换本校数据 — the rows of ${m.schools.join(', ')}${m.years.length ? ` in ${m.years.join(', ')}` : ''} `
  + `replaced by this school's own file: ${m.replaced.toLocaleString('en')} row${m.replaced === 1 ? '' : 's'} before, ${m.rows.toLocaleString('en')} now`;
