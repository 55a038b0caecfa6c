/**
 * raw_posting_words: every distinct title, employer and industry hint of raw_postings once, as the
 * classification reads it (words.ts): its cleaned text and its words. Titles and employers repeat
 * over thousands of postings, so each value is segmented once, not each posting; a run that
 * appends days segments only the values it has not seen, and leaves them in
 * delta_raw_posting_words for the incremental models (with replaced_raw_posting_words empty: a
 * value segmented once is never replaced). The words go to DuckDB through a JSON file
 * in the run's scratch folder, DuckDB's fastest way in for a list column.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../load/sql.ts';
import { rawTable } from '../config/schema.ts';
import { POSTINGS_DELTA } from './raw-postings.ts';
import { createSegmenter, type WordField } from './words.ts';

export const WORDS_TABLE = 'raw_posting_words';

/** Creates raw_posting_words empty (a warehouse without postings still has one for the models). */
export const createWordsTable = (conn: DuckDBConnection) =>
  conn.run(`CREATE OR REPLACE TABLE ${WORDS_TABLE} (field VARCHAR, value VARCHAR, clean VARCHAR, words VARCHAR[])`);

async function column(conn: DuckDBConnection, sql: string): Promise<string[]> {
  return (await conn.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
}

/**
 * The segmenter's user dictionary, the rules' keywords and the employer table's names, with the
 * occupation words as minor words (words.ts), and the noise words.
 */
async function vocabulary(conn: DuckDBConnection) {
  return {
    words: await column(conn, `SELECT keyword FROM ${rawTable('posting_rules')} UNION SELECT employer FROM ${rawTable('posting_employers')}`),
    minorWords: await column(conn, `SELECT word FROM ${rawTable('posting_occupations')}`),
    noise: await column(conn, `SELECT word FROM ${rawTable('posting_noise')}`),
  };
}

/** Distinct field values of a postings table, minus those already in raw_posting_words when `known`. */
const valuesOf = (postings: string, known: boolean) => `
  SELECT DISTINCT * FROM (
    SELECT 'title' AS field, title AS value FROM ${postings}
    UNION ALL SELECT 'employer', employer FROM ${postings}
    UNION ALL SELECT 'industry_hint', industry_hint FROM ${postings} WHERE industry_hint IS NOT NULL) AS v
  ${known ? `WHERE NOT EXISTS (SELECT 1 FROM ${WORDS_TABLE} AS w WHERE w.field = v.field AND w.value = v.value)` : ''}`;

/**
 * Segments the field values raw_postings (or, when `append`, delta_raw_postings) brings that are not
 * segmented yet. Returns how many values were segmented.
 */
export async function segmentPostings(conn: DuckDBConnection, options: { tmpDir: string; append: boolean }): Promise<number> {
  if (!options.append) await createWordsTable(conn);
  const values = (await conn.runAndReadAll(valuesOf(options.append ? `delta_${POSTINGS_DELTA}` : rawTable('postings'), options.append)))
    .getRows() as [WordField, string][];
  const segmenter = createSegmenter(await vocabulary(conn));
  const file = join(options.tmpDir, 'posting-words.json');
  writeFileSync(file, values.map(([field, value]) => JSON.stringify({ field, value, ...segmenter.segment(field, value) })).join('\n'));
  const read = `SELECT field, value, clean, words FROM read_json(${sqlString(file)}, format = 'newline_delimited',
    columns = {field: 'VARCHAR', value: 'VARCHAR', clean: 'VARCHAR', words: 'VARCHAR[]'})`;
  if (options.append) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE delta_${WORDS_TABLE} AS ${values.length ? read : `SELECT * FROM ${WORDS_TABLE} LIMIT 0`};
      CREATE OR REPLACE TEMP TABLE replaced_${WORDS_TABLE} AS FROM ${WORDS_TABLE} LIMIT 0`);
    await conn.run(`INSERT INTO ${WORDS_TABLE} SELECT * FROM delta_${WORDS_TABLE}`);
  } else if (values.length) {
    await conn.run(`INSERT INTO ${WORDS_TABLE} ${read}`);
  }
  return values.length;
}
