import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_TABLES, type InputName, type TableName } from '../config/schema.ts';
import { LoadError } from './errors.ts';
import { assertRegularFile } from './stable-file.ts';
import type { Mapping } from './mapping.ts';
import type { LEGACY_TABLES } from './catalogue-versions.ts';

/**
 * `<table>.csv` or `<table>.xlsx` in a folder, the extension in any case (programmes.XLSX);
 * undefined when neither; both is ambiguous and aborts. Without either, an old `<table>.xls` is the
 * table's file, for the reader to refuse naming it (prepare-csv.ts): never passed over as absent.
 */
function findIn(dir: string, table: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir);
  const named = (ext: string) => names.filter((n) => n.startsWith(`${table}.`) && n.slice(table.length + 1).toLowerCase() === ext).map((n) => join(dir, n));
  const found = [...named('csv'), ...named('xlsx')];
  if (found.length > 1) throw new LoadError(`${found.join(' / ')}: 文件重复 — both present, keep only one`);
  const file = found[0] ?? named('xls')[0];
  if (file !== undefined) assertRegularFile(file);
  return file;
}

/** The file mapping.json names for a table; it must exist. */
function namedFile(table: string, dataDir: string, named: string): string {
  if (existsSync(join(dataDir, named))) {
    assertRegularFile(join(dataDir, named));
    return join(dataDir, named);
  }
  throw new LoadError(`${join(dataDir, named)}: 缺少必需文件 — missing file named for ${table} in mapping.json`);
}

/** An optional table's file (the one mapping.json names, else data folder first, then the reference folder), or undefined when none. */
export function locateOptional(table: string, dataDir: string, referenceDir: string, named?: string): string | undefined {
  return named !== undefined ? namedFile(table, dataDir, named) : findIn(dataDir, table) ?? findIn(referenceDir, table);
}

/**
 * The legacy catalogue's files as the loader reads them (catalogue-versions.ts): legacy_majors, the
 * data folder's else data/reference's (`from` says which), and major_successors, read only with
 * it — a 对照表 alone has no catalogue to read its old codes in, and is `unread`.
 */
export type LegacyFiles = Partial<Record<(typeof LEGACY_TABLES)[number], string>> & { from?: 'reference' | 'own'; unread?: string };

export function locateLegacy(dataDir: string, referenceDir: string, tables: Mapping['tables']): LegacyFiles {
  const own = locateOptional('legacy_majors', dataDir, dataDir, tables.legacy_majors?.file);
  const majors = own ?? findIn(referenceDir, 'legacy_majors');
  const successors = locateOptional('major_successors', dataDir, referenceDir, tables.major_successors?.file);
  if (majors === undefined) return { unread: successors };
  return { legacy_majors: majors, major_successors: successors, from: own === undefined ? 'reference' : 'own' };
}

/** Files that stand in for a data folder's own, by input: accepted uploads (accepted-inputs.ts). */
export type InputOverrides = Partial<Record<InputName, string>>;

/**
 * The file a table is loaded from: an override (an accepted upload), else the file mapping.json
 * names, else the data folder's own copy, else (for reference tables such as the major catalogue,
 * shared by all data folders) the reference folder's.
 */
export function locateInput(table: TableName, dataDir: string, referenceDir: string,
  choice: { overrides?: InputOverrides; named?: string } = {}): string {
  const override = choice.overrides?.[table];
  if (override !== undefined) return override;
  if (choice.named !== undefined) return namedFile(table, dataDir, choice.named);
  const file = findIn(dataDir, table) ?? (REFERENCE_TABLES.includes(table) ? findIn(referenceDir, table) : undefined);
  if (file) return file;
  const where = REFERENCE_TABLES.includes(table) ? `${dataDir} or ${referenceDir}` : dataDir;
  throw new LoadError(`${join(dataDir, `${table}.csv`)}: 缺少必需文件 — missing required file (${table}.csv or ${table}.xlsx in ${where})`);
}

/** Where a folder's programme rows come from: programmes.csv, or the 备案 listing with its optional figures file. */
export type ProgrammeSource = { programmes: string } | { listing: string; figures?: string };

/**
 * An accepted upload of programmes when there is one, or of a 备案 listing (with the accepted figures,
 * else the folder's); else the folder's programmes.csv (the file mapping.json names, or its own), else
 * its 备案结果 export (programme_listing) and figures (programme_figures, optional). A folder with both a
 * programmes file and a listing is ambiguous and aborts, since either could be the one meant.
 */
export function locateProgrammes(dataDir: string, tables: Mapping['tables'], overrides: InputOverrides = {}): ProgrammeSource {
  const named = { programmes: tables.programmes?.file, listing: tables.programme_listing?.file, figures: tables.programme_figures?.file };
  // An accepted upload is the bureau's latest word: it stands in for whatever the folder holds.
  if (overrides.programmes !== undefined) return { programmes: overrides.programmes };
  const figures = () => overrides.programme_figures ?? locateOptional('programme_figures', dataDir, dataDir, named.figures);
  if (overrides.programme_listing !== undefined) return { listing: overrides.programme_listing, figures: figures() };
  const listing = locateOptional('programme_listing', dataDir, dataDir, named.listing);
  const own = named.programmes !== undefined ? namedFile('programmes', dataDir, named.programmes) : findIn(dataDir, 'programmes');
  if (listing === undefined) {
    if (overrides.programme_figures !== undefined) {
      throw new LoadError(`${overrides.programme_figures}: 没有对应的备案名单 — figures (programme_figures) belong to a 备案 listing (programme_listing), `
        + `and the programmes come from ${own ?? join(dataDir, 'programmes.csv')}: submit the listing with them`);
    }
    return { programmes: locateInput('programmes', dataDir, dataDir, { named: named.programmes }) };
  }
  if (own !== undefined) throw new LoadError(`${own} / ${listing}: 文件重复 — both a programmes file and a 备案 listing (programme_listing): keep only one`);
  return { listing, figures: figures() };
}
