import type { DuckDBConnection } from '@duckdb/node-api';
import type { UploadSource } from '../config/accepted-inputs.ts';
import { readSchema, type TableName } from '../config/schema.ts';
import { checkAccounting } from './accounting.ts';
import { checkLevels, convertedNote, PROGRAMME_TABLES, recordSources, resolveCatalogue, type CatalogueOptions } from './catalogue-versions.ts';
import { asLoadError } from './errors.ts';
import { fileRejects } from './rejects/from-file.ts';
import { checkForeignKeys, keepRejectedKeys } from './foreign-keys.ts';
import { insertValidRows } from './insert-rows.ts';
import type { TableMapping } from './mapping.ts';
import { normalisedIn, normalisedNote, normaliseRows, originalsOf } from './normalise.ts';
import { codesFromNames, formerDistricts, formerDistrictsNote, readByNameNote } from './codes-from-names.ts';
import { prepareInput } from './prepare-input.ts';
import { withSetAside } from './set-aside.ts';
import { checkPrimaryKey } from './primary-key.ts';
import { readCsv } from './read-csv.ts';
import { assertUnchanged } from './stable-file.ts';
import type { Reject } from './rejects/reject.ts';
import { checkRejectShare } from './rejects/share.ts';
import { suggestCodes } from './suggest.ts';
import { dropTempTables } from './temp-tables.ts';
import { checkFields } from './check-fields.ts';
import { checkListing, keepListingLines } from './listing.ts';
import { checkProposals } from './proposal-checks.ts';
import { checkMajorNames } from './major-names.ts';
import { takeReplaced } from './school-parts.ts';

/** What the run report records about one input file. */
export interface InputReport {
  table: string;
  /** Path as given, relative to the working directory. */
  file: string;
  /** Of the original bytes. */
  sha256: string;
  /** Rows loaded into raw_<table>. */
  rows: number;
  /** Rows rejected (a row failing several checks counts once). */
  rejected: number;
  /** A school's own file: the schools whose rows of the table it replaced (school-parts.ts). */
  schools?: string[];
  /** Rows of this file that schools' own files replace, left out before any check (school-parts.ts). */
  replaced?: number;
  /** An input of many files (the postings feed): those delivered on the platform, with where each came from. */
  uploads?: { file: string; upload: UploadSource }[];
}

/** One table's outcome: its report line and its rejects (already with original line numbers). */
export interface TableLoad {
  input: InputReport;
  rejects: Reject[];
  /** Rows left out as schools' own files replace them, by key (`replaced`, school-parts.ts). */
  taken?: Map<string, number>;
}

/**
 * Loads one input file into raw_<table>: prepare a UTF-8 CSV, find and match the header, bulk-read
 * with DuckDB, normalise the values and read district and school names as their codes, and former
 * districts as those of today (all counted), check fields, read programme codes in the catalogue of their year and check their
 * level (catalogue-versions.ts), foreign keys (against raw_ tables loaded before) and the primary
 * key in SQL, then keep the valid rows. Throws LoadError on anything that makes the table unusable.
 */
export async function loadTable(
  conn: DuckDBConnection,
  source: { table: string; file: string },
  options: { tmpDir: string; rejectShareMax: number; warn(msg: string): void; mapping?: TableMapping; catalogue?: CatalogueOptions },
  replaced: ReadonlySet<string> = new Set(),
): Promise<TableLoad> {
  const { table, file } = source;
  const schema = readSchema(table);
  const name = `load_${table}`;
  const { csvPath, sha256, header, shape, stamp, setAside } = await prepareInput(file, schema, options);

  // Lines ending in CR LF named as such: left to DuckDB, a line break typed in a cell of the first rows (a bare LF) misleads it.
  const crlf = (shape?.lineEnds.crlf ?? null) !== null;
  const scan = await readCsv(conn, csvPath, schema, header, name, { totals: true, padded: true, crlf }).catch((error) => {
    throw asLoadError(file, error);
  });
  assertUnchanged(file, stamp);
  const rows = scan.rows;
  const empty = scan.files[0].empty;
  if (empty > 0) options.warn(`${file}: 空行已跳过 — ${empty.toLocaleString('en')} row${empty > 1 ? 's' : ''} without any value (only separators, ,,,) skipped`);
  const normalised = await normaliseRows(conn, schema, rows, { values: options.mapping?.values, totals: true });
  normalisedNote(file, normalisedIn(normalised, scan.files[0].path)).forEach(options.warn);
  readByNameNote(file, await codesFromNames(conn, schema, rows)).forEach(options.warn);
  formerDistrictsNote(file, await formerDistricts(conn, schema, rows)).forEach(options.warn);
  const taken = await takeReplaced(conn, rows, table, replaced);
  const rejects = await checkFields(conn, schema, rows, name);
  const programmes = PROGRAMME_TABLES.includes(table) && options.catalogue;
  if (programmes) convertedNote(file, await resolveCatalogue(conn, rows, rejects, programmes)).forEach(options.warn);
  await checkForeignKeys(conn, schema, rows, rejects);
  await suggestCodes(conn, schema, rows, rejects);
  if (programmes) await checkLevels(conn, rows, rejects);
  if (table === 'programme_listing') await checkListing(conn, rows, rejects);
  if (table === 'plan_proposals') await checkProposals(conn, rows, rejects);
  if (header.positions.has('major_name') && PROGRAMME_TABLES.includes(table)) await checkMajorNames(conn, rows, rejects, options.warn, file);
  await checkPrimaryKey(conn, schema, rows, rejects);

  const counts = (
    await conn.runAndReadAll(`
      WITH malformed AS (SELECT count(DISTINCT line)::INTEGER AS n FROM ${scan.errors})
      SELECT (SELECT count(*) FROM ${rows})::INTEGER + n AS rows,
             (SELECT count(DISTINCT row_id) FROM ${rejects})::INTEGER + n AS rejected, n AS malformed
      FROM malformed`)
  ).getRowObjectsJS()[0] as { rows: number; rejected: number; malformed: number };
  checkAccounting(file, shape, header.line, scan.parsed + counts.malformed + setAside.length);
  const read: Reject[] = counts.rejected === 0 ? [] : await fileRejects(conn, { table, file, csvPath, schema, scan, rejects, name, originals: originalsOf(rows) }, options.warn);
  const found = withSetAside(read, table, file, setAside);
  const total = { rows: counts.rows + setAside.length, rejected: counts.rejected + setAside.length };
  checkRejectShare(file, total, found, options.rejectShareMax);
  if (read.length > 0) await keepRejectedKeys(conn, schema, { file, rows, rejects, lines: `${name}_lines`, headerLine: scan.headerLine });
  const loaded = await insertValidRows(conn, schema, rows, rejects);
  if (programmes) await recordSources(conn, rows, table, rejects);
  await keepListingLines(conn, { table, file, csvPath, scan, name, rows, rejects });
  await dropTempTables(conn, `${name}_`);
  const left = [...taken.values()].reduce((n, k) => n + k, 0);
  return { input: { table, file, sha256, rows: loaded, rejected: total.rejected, ...(left > 0 ? { replaced: left } : {}) }, rejects: found, ...(left > 0 ? { taken } : {}) };
}
