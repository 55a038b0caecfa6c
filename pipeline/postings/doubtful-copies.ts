/**
 * Two cases de-duplication by posting_id leaves silent, counted and said (the rows kept stay as
 * they are: this only reads):
 * - an id sent again as another posting: a copy whose employer and title both differ from the copy
 *   kept (two job boards merged into one feed can share ids). A correction changes one or the
 *   other, or the headcount, and is not said.
 * - the same job under two ids: postings of raw_postings sharing employer, title, district and day
 *   (one job posted on two boards, or twice on one), each counted.
 * A full build says them over every stored day. An appending run reads only what it touched, the
 * days added with the held copies they replaced and the groups their postings join, and says so:
 * a nightly must not read the year again.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable } from '../config/schema.ts';
import { POSTINGS_DELTA, RESENT_TABLE } from './raw-postings.ts';
import { DAY_COLUMN } from './write-days.ts';

/** The same name, whatever its padding or case. */
const plain = (x: string) => `lower(trim(${x}))`;

const KEY = 'employer, title, district_code, posted_on';

/** Count of the posting_ids of `pairs` (each copy beside the one kept), and the first of them. */
const renamedIds = (pairs: string) => `
  WITH pairs AS (
    SELECT posting_id, was_employer, was_title, employer, title FROM ${pairs}
    WHERE ${plain('was_employer')} <> ${plain('employer')} AND ${plain('was_title')} <> ${plain('title')})
  SELECT count(DISTINCT posting_id)::INTEGER AS n, arg_min(pairs, (posting_id, was_employer, was_title)) AS e FROM pairs`;

/**
 * Every stored copy of the posting_ids sent more than once beside the copy kept, ranked as
 * latestCopies ranks them, from the copies buildRawPostings found (raw-postings.ts): the kept
 * copies are not looked up in raw_postings (probing its 10 M rows cost twice the rest).
 */
const resentPairs = `(
  SELECT posting_id, employer AS was_employer, title AS was_title,
    first_value(employer) OVER kept AS employer, first_value(title) OVER kept AS title
  FROM ${RESENT_TABLE}
  WINDOW kept AS (PARTITION BY posting_id ORDER BY posted_on DESC, ${DAY_COLUMN} DESC))`;

/**
 * The copies an appending run compared beside the copy kept: the added days' own and the held
 * ones they replaced; kept: the added copies that won, or the held copy posted later (looked up
 * in raw_postings for those few ids only).
 */
const appendedPairs = (added: string) => {
  const delta = `delta_${POSTINGS_DELTA}`;
  const copies = `(SELECT posting_id, employer, title FROM ${added} UNION ALL SELECT posting_id, employer, title FROM replaced_${POSTINGS_DELTA})`;
  const kept = `(SELECT posting_id, employer, title FROM ${delta} UNION ALL
    SELECT posting_id, employer, title FROM ${rawTable('postings')}
    WHERE posting_id IN (SELECT posting_id FROM ${added} EXCEPT SELECT posting_id FROM ${delta}))`;
  return `(SELECT posting_id, c.employer AS was_employer, c.title AS was_title, k.employer, k.title FROM ${copies} c JOIN ${kept} k USING (posting_id))`;
};

/** Postings beyond the first of each (employer, title, district, day) among `rows` (of raw_postings), with the first such group. */
const repeatedJobs = (rows: string) => `
  WITH groups AS (
    SELECT employer, title, district_code, posted_on::VARCHAR AS posted_on, count(*) AS n, list(posting_id ORDER BY posting_id)[1:2] AS ids
    FROM ${rows} GROUP BY ALL HAVING count(*) > 1)
  SELECT coalesce(sum(n - 1), 0)::INTEGER AS n, arg_min(groups, ids) AS e FROM groups`;

/** raw_postings' postings sharing their group with another, found by a hash of the group first (few do). */
const sharedGroups = (table: string) => `(
  SELECT posting_id, ${KEY} FROM ${table}
  WHERE hash(${KEY}) IN (SELECT hash(${KEY}) FROM ${table} GROUP BY ALL HAVING count(*) > 1))`;

/** The postings of raw_postings in the groups the appended postings join. */
const touchedGroups = (table: string) => `(
  SELECT posting_id, ${KEY} FROM ${table}
  SEMI JOIN (SELECT DISTINCT ${KEY} FROM delta_${POSTINGS_DELTA}) d USING (${KEY}))`;

type Row = { n: number; e: Record<string, unknown> | null };
const one = async (conn: DuckDBConnection, sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS()[0] as unknown as Row;
/** A value of the example, cut short: an employer's name can run to thousands of characters, and a note is read on a screen. */
const EXAMPLE_CHARS = 40;
const text = (v: unknown) => {
  const t = String(v ?? '');
  return t.length > EXAMPLE_CHARS ? `${t.slice(0, EXAMPLE_CHARS)}…` : t;
};
const many = (n: number, one: string, more: string) => `${n.toLocaleString('en')} ${n === 1 ? one : more}`;

/**
 * The notes on the copies of raw_postings just built (`added` null), or appended from `added` (the
 * SQL of the rows of the days added, appendRawPostings' temporary tables beside).
 */
export async function doubtfulCopies(conn: DuckDBConnection, added: string | null): Promise<string[]> {
  const table = rawTable('postings');
  const appended = added !== null;
  const scope = appended ? ' in the days added' : '';
  const notes: string[] = [];
  const renamed = await one(conn, renamedIds(appended ? appendedPairs(added) : resentPairs));
  if (renamed.n > 0) {
    const e = renamed.e!;
    notes.push(`postings: 同一编号换了招聘单位和职位 — ${many(renamed.n, 'posting id', 'posting ids')}${scope} ${renamed.n === 1 ? 'was' : 'were'} `
      + `sent again with another employer and title (e.g. "${text(e.posting_id)}": ${text(e.was_employer)} ${text(e.was_title)} → ${text(e.employer)} ${text(e.title)}); `
      + 'the latest copy is kept as a correction: if these are different postings (two boards\' ids), give each board\'s ids a prefix of its own');
  }
  const repeated = await one(conn, repeatedJobs(appended ? touchedGroups(table) : sharedGroups(table)));
  if (repeated.n > 0) {
    const e = repeated.e!;
    const ids = (e.ids as unknown[]).map((id) => `"${text(id)}"`).join(', ');
    const where = appended ? ' (counted in the groups the days added join)' : '';
    notes.push(`postings: 疑似重复岗位 — ${many(repeated.n, 'posting repeats', 'postings repeat')} another's employer, title, district and day under another id${where} `
      + `(e.g. ${ids}: ${text(e.employer)} ${text(e.title)}, ${text(e.district_code)}, ${text(e.posted_on)}); each is counted: if a board's copies of one job, remove them from the feed`);
  }
  return notes;
}
