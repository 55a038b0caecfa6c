/**
 * The labelled set of real postings (tests/fixtures/postings/labelled_postings.csv, sources and
 * labelling rule in its README) classified by the shipped tables and the posting models, as a
 * refresh classifies them, and the measures of how well: unclassified share, precision on the
 * clear-cut labels, precision and recall per industry.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadTable } from '../../pipeline/load/load-table.ts';
import { readModels } from '../../pipeline/transform/model-files.ts';
import { loadClassificationTables } from '../../pipeline/postings/classification-tables.ts';
import { segmentPostings } from '../../pipeline/postings/posting-words.ts';
import { readPolicy, setPolicyVariables } from '../../pipeline/transform/run-models.ts';
import { columnDefinitions, readSchema } from '../../pipeline/config/schema.ts';
import { REFERENCE, scratch } from './fixture.ts';

export const LABELLED = fileURLToPath(new URL('../fixtures/postings/labelled_postings.csv', import.meta.url));

/** The label for a posting outside the key industries; `unknown` when the labeller could not tell. */
export const OUTSIDE = 'other';

export interface LabelledPosting {
  id: string;
  part: 'development' | 'held_out';
  site: string;
  title: string;
  employer: string;
  site_industry: string;
  industry: string;
  clear_cut: 'yes' | 'no';
  source: string;
}

export type Classified = LabelledPosting & Classification;

export const readLabelled = (): LabelledPosting[] => parse(readFileSync(LABELLED), { columns: true, bom: true });

const sql = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A posting's texts, as the classification reads them. */
export interface PostingText { id: string; title: string; employer: string; hint: string | null }

export interface Classification {
  /** Industry given: a code, OUTSIDE, or null when unclassified. */
  predicted: string | null;
  rule_id: string | null;
  confidence: string | null;
  occupation: string | null;
}

/** Classifies postings with the shipped classification tables and the posting models, as a refresh does. */
export async function classifyPostings(postings: readonly PostingText[]): Promise<Map<string, Classification>> {
  const conn: DuckDBConnection = await (await DuckDBInstance.create(':memory:')).connect();
  const options = { tmpDir: scratch('classify-'), rejectShareMax: 0, warn: (message: string) => { throw new Error(message); } };
  for (const table of ['industries', 'industry_segments'] as const) {
    await loadTable(conn, { table, file: `${REFERENCE}${table}.csv` }, options);
  }
  await loadClassificationTables(conn, { dataDir: REFERENCE, referenceDir: REFERENCE }, options);
  await conn.run(`CREATE TABLE raw_postings (${columnDefinitions(readSchema('postings'))})`);
  await conn.run(`INSERT INTO raw_postings (posting_id, posted_on, district_code, employer, title, industry_hint, headcount, education)
    VALUES ${postings.map((p) => `(${sql(p.id)}, DATE '2025-01-01', '500103', ${sql(p.employer)}, ${sql(p.title)},
      ${p.hint ? sql(p.hint) : 'NULL'}, 1, 'secondary')`).join(', ')}`);
  await segmentPostings(conn, { tmpDir: options.tmpDir, append: false });
  await setPolicyVariables(conn, readPolicy());
  for (const model of readModels().filter((m) => m.name.startsWith('int_posting'))) {
    await conn.run(`CREATE OR REPLACE TABLE ${model.name} AS ${model.sql}`);
  }
  const rows = (await conn.runAndReadAll(`SELECT posting_id, rule_id, confidence, occupation,
      CASE WHEN outside THEN '${OUTSIDE}' ELSE industry_code END AS predicted FROM int_posting_classified`)).getRowObjectsJS();
  conn.closeSync();
  return new Map(rows.map((r) => [r.posting_id as string, {
    predicted: r.predicted as string | null, rule_id: r.rule_id as string | null,
    confidence: r.confidence as string | null, occupation: r.occupation as string | null,
  }]));
}

/** Classifies the labelled postings. */
export async function classifyLabelled(postings: LabelledPosting[]): Promise<Classified[]> {
  const classified = await classifyPostings(postings.map((p) => ({ id: p.id, title: p.title, employer: p.employer, hint: p.site_industry || null })));
  return postings.map((p) => ({ ...p, ...classified.get(p.id)! }));
}

export interface IndustryMeasure {
  industry: string;
  /** Clear-cut postings labelled with the industry. */
  labelled: number;
  /** Clear-cut postings classified to it. */
  classified: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface Measures {
  postings: number;
  unclassified: number;
  /** Unclassified ÷ postings. */
  unclassifiedShare: number;
  /** Postings the labeller could place (not `unknown`), and the share of those left unclassified. */
  known: number;
  unclassifiedShareKnown: number;
  /** Clear-cut postings classified, and the share of them classified to their label. */
  clearClassified: number;
  clearCorrect: number;
  precision: number;
  industries: IndustryMeasure[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function measure(rows: Classified[]): Measures {
  const unclassified = rows.filter((r) => r.predicted === null).length;
  const known = rows.filter((r) => r.industry !== 'unknown');
  const clear = rows.filter((r) => r.clear_cut === 'yes' && r.predicted !== null);
  const correct = clear.filter((r) => r.predicted === r.industry).length;
  const clearRows = rows.filter((r) => r.clear_cut === 'yes');
  const codes = [...new Set(clearRows.map((r) => r.industry))].sort();
  return {
    postings: rows.length,
    unclassified,
    unclassifiedShare: unclassified / rows.length,
    known: known.length,
    unclassifiedShareKnown: known.filter((r) => r.predicted === null).length / known.length,
    clearClassified: clear.length,
    clearCorrect: correct,
    precision: correct / clear.length,
    industries: codes.map((industry) => {
      const labelled = clearRows.filter((r) => r.industry === industry).length;
      const classified = clearRows.filter((r) => r.predicted === industry).length;
      const right = clearRows.filter((r) => r.predicted === industry && r.industry === industry).length;
      return { industry, labelled, classified, correct: right, precision: ratio(right, classified), recall: ratio(right, labelled) };
    }),
  };
}

const percent = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

/** The measures as the table docs/metrics.md shows: one line per industry, then the totals. */
export function measureTable(parts: { name: string; measures: Measures }[]): string {
  const codes = [...new Set(parts.flatMap((p) => p.measures.industries.map((i) => i.industry)))].sort();
  const header = `| industry | ${parts.map((p) => `${p.name}: labelled / classified / correct | precision | recall`).join(' | ')} |`;
  const rule = `|---|${parts.map(() => '---|---|---').join('|')}|`;
  const lines = codes.map((code) => `| ${code === OUTSIDE ? '(outside the key industries)' : code} | ${parts.map((p) => {
    const i = p.measures.industries.find((x) => x.industry === code);
    return i ? `${i.labelled} / ${i.classified} / ${i.correct} | ${percent(i.precision)} | ${percent(i.recall)}` : '0 / 0 / 0 | — | —';
  }).join(' | ')} |`);
  const totals = [
    `| **unclassified** (all postings) | ${parts.map((p) => `${p.measures.unclassified} of ${p.measures.postings} | ${percent(p.measures.unclassifiedShare)} |`).join(' | ')} |`,
    `| **precision** (clear-cut labels) | ${parts.map((p) => `${p.measures.clearCorrect} of ${p.measures.clearClassified} | ${percent(p.measures.precision)} |`).join(' | ')} |`,
  ];
  return [header, rule, ...lines, ...totals].join('\n');
}
