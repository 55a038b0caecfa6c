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

/** A school's own file replaces its rows by school and, in a table of years, by school and year. */
const keyColumns = (table: string) => (readSchema(table).fields.some((f) => f.name === 'year') ? ['school_code', 'year'] : ['school_code']);

/**
 * A school's own rows (a school account's accepted upload) in place of the same school's rows of
 * the table just loaded, whichever file the other rows came from: of each school and, in a table of
 * years, each year the file holds rows of. A year or a school of the account the file does not
 * hold keeps its rows, so a file of one year never takes a school's history away. Each part is
 * loaded and checked as a file of its own (its rejects by its own lines); a row of a school not the
 * account's stops the load, as the upload's check refused it. Parts apply in the order they were
 * accepted. Returns what each replaced, for the run's notes.
 */
export async function mergeSchoolParts(conn: DuckDBConnection, table: string, parts: readonly SchoolPart[],
  load: (file: string) => Promise<TableLoad>): Promise<{ loads: TableLoad[]; merges: PartMerge[] }> {
  const raw = rawTable(table);
  const held = `${raw}_beside_part`;
  const key = keyColumns(table).join(', ');
  const loads: TableLoad[] = [];
  const merges: PartMerge[] = [];
  for (const part of parts) {
    const schools = part.schools.map(sqlString).join(', ');
    await conn.run(`ALTER TABLE ${raw} RENAME TO ${held}`);
    const loaded = await load(part.file);
    const [other] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, list_sort(list(DISTINCT school_code))[1:3] AS codes
      FROM ${raw} WHERE school_code NOT IN (${schools})`)).getRowObjectsJS() as { n: number; codes: string[] }[];
    if (other.n > 0) {
      throw new LoadError(`${part.file}: 含其他学校的数据 — ${other.n} rows of schools other than this account's (${other.codes.join(', ')}${other.n > other.codes.length ? ' …' : ''}): `
        + '学校账号只报送本校的数据 — a school account sends its own schools\' rows only');
    }
    const covered = `(${key}) IN (SELECT DISTINCT ${key} FROM ${raw})`;
    const [{ replaced }] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS replaced FROM ${held} WHERE ${covered}`)).getRowObjectsJS() as { replaced: number }[];
    const keys = (await conn.runAndReadAll(`SELECT DISTINCT concat_ws(' ', ${key}) AS k, school_code AS s, ${key.includes('year') ? 'year' : 'NULL::INTEGER'} AS y
      FROM ${raw} ORDER BY ALL`)).getRowObjectsJS() as { k: string; s: string; y: number | null }[];
    // The other schools' rows and years first, in their file's order, then the school's own.
    await conn.run(`DELETE FROM ${held} WHERE ${covered}`);
    await conn.run(`INSERT INTO ${held} BY NAME SELECT * FROM ${raw}`);
    await conn.run(`DROP TABLE ${raw}`);
    await conn.run(`ALTER TABLE ${held} RENAME TO ${raw}`);
    loads.push(loaded);
    merges.push({
      file: part.file, schools: [...new Set(keys.map((k) => k.s))], years: [...new Set(keys.flatMap((k) => (k.y === null ? [] : [k.y])))].sort((a, b) => a - b),
      covers: keys.map((k) => k.k), replaced, rows: loaded.input.rows,
    });
  }
  return { loads, merges };
}

/** The run's note on a school's own file. */
export const partNote = (m: PartMerge) => `${m.file}: 学校报送替换本校数据 — the rows of ${m.schools.join(', ')}${m.years.length ? ` in ${m.years.join(', ')}` : ''} `
  + `replaced by this school's own file: ${m.replaced.toLocaleString('en')} row${m.replaced === 1 ? '' : 's'} before, ${m.rows.toLocaleString('en')} now`;
