import type { DuckDBConnection } from '@duckdb/node-api';
import type { SchoolPart } from '../config/accepted-inputs.ts';
import { rawTable } from '../config/schema.ts';
import { LoadError } from './errors.ts';
import type { TableLoad } from './load-table.ts';
import { sqlString } from './sql.ts';

/** What a school's own file did to its input: the rows of its schools it replaced, and the rows it holds. */
export interface PartMerge { file: string; schools: string[]; replaced: number; rows: number }

/**
 * A school's own rows (a school account's accepted upload) in place of its schools' rows of the
 * table just loaded, whichever file the other rows came from. Each part is loaded and checked as
 * a file of its own (its rejects by its own lines), then joins the other schools' rows; a row of a
 * school not its own stops the load, as the upload's check refused it. Parts apply in the order
 * they were accepted. Returns what each replaced, for the run's notes.
 */
export async function mergeSchoolParts(conn: DuckDBConnection, table: string, parts: readonly SchoolPart[],
  load: (file: string) => Promise<TableLoad>): Promise<{ loads: TableLoad[]; merges: PartMerge[] }> {
  const raw = rawTable(table);
  const held = `${raw}_beside_part`;
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
    const [{ n: replaced }] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${held} WHERE school_code IN (${schools})`)).getRowObjectsJS() as { n: number }[];
    // The other schools' rows first, in their file's order, then the school's own.
    await conn.run(`DELETE FROM ${held} WHERE school_code IN (${schools})`);
    await conn.run(`INSERT INTO ${held} BY NAME SELECT * FROM ${raw}`);
    await conn.run(`DROP TABLE ${raw}`);
    await conn.run(`ALTER TABLE ${held} RENAME TO ${raw}`);
    loads.push(loaded);
    merges.push({ file: part.file, schools: part.schools, replaced, rows: loaded.input.rows });
  }
  return { loads, merges };
}

/** The run's note on a school's own file. */
export const partNote = (m: PartMerge) => `${m.file}: 学校报送替换本校数据 — the rows of ${m.schools.join(', ')} replaced by this school's own file: `
  + `${m.replaced.toLocaleString('en')} row${m.replaced === 1 ? '' : 's'} before, ${m.rows.toLocaleString('en')} now`;
