/**
 * The sample's postings feed (synthetic): its words classify as intended under the shipped rules,
 * and its daily files, once re-sent postings count once, carry exactly the last year's openings
 * of demand.csv in every district and level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readModels } from '../../pipeline/model-files.ts';
import { columnDefinitions, readSchema } from '../../pipeline/schema.ts';
import { readTable } from '../../pipeline/sample/reference.ts';
import { CITY } from '../../pipeline/sample/sizes.ts';
import type { DemandRow } from '../../pipeline/sample/demand.ts';
import type { PostingRow } from '../../pipeline/sample/postings.ts';
import {
  GENERIC_EMPLOYER_NOUNS, GENERIC_HINTS, GENERIC_TITLES, INDUSTRY_WORDS, TRADE_NAMES,
} from '../../pipeline/sample/posting-vocabulary.ts';
import { REFERENCE } from './fixture.ts';

const SAMPLE = fileURLToPath(new URL('../../data/sample/', import.meta.url));

describe('sample vocabulary under the shipped rules', () => {
  let conn: DuckDBConnection;
  /** Classifies postings given as [title, employer, hint] with the posting models' own SQL. */
  async function classify(postings: [string, string, string | null][]): Promise<(string | null)[]> {
    await conn.run('DELETE FROM raw_postings');
    const appender = await conn.createAppender('raw_postings');
    postings.forEach(([title, employer, hint], i) => {
      appender.appendVarchar(`P${i}`);
      appender.appendDate({ days: 20_000 } as never);
      appender.appendVarchar('500103');
      appender.appendVarchar(employer);
      appender.appendVarchar(title);
      if (hint === null) appender.appendNull();
      else appender.appendVarchar(hint);
      appender.appendInteger(1);
      appender.appendVarchar('secondary');
      appender.endRow();
    });
    appender.closeSync();
    for (const model of readModels().filter((m) => m.name.startsWith('int_posting'))) {
      await conn.run(`CREATE OR REPLACE TABLE ${model.name} AS ${model.sql}`);
    }
    const rows = (await conn.runAndReadAll('SELECT industry_code FROM int_posting_classified ORDER BY CAST(posting_id[2:] AS INTEGER)')).getRows();
    return rows.map((r) => r[0] as string | null);
  }

  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE raw_postings (${columnDefinitions(readSchema('postings'))})`);
    await conn.run(`CREATE TABLE raw_posting_rules AS SELECT * FROM read_csv('${join(REFERENCE, 'posting_rules.csv')}', all_varchar = true)`);
    await conn.run('ALTER TABLE raw_posting_rules ALTER priority TYPE INTEGER');
  });

  const neutral = `重庆${TRADE_NAMES[0]}${GENERIC_EMPLOYER_NOUNS[0]}有限公司`;

  it('classifies every known title of an industry to that industry, whatever the employer says', async () => {
    const cases = Object.entries(INDUSTRY_WORDS).flatMap(([industry, words]) => words.titles.map((title) => ({ industry, title })));
    expect(await classify(cases.map((c) => [c.title, neutral, null]))).toEqual(cases.map((c) => c.industry));
  });

  it('leaves generic and unknown titles unclassified unless the employer or the hint names the industry', async () => {
    const titles = [...GENERIC_TITLES, ...Object.values(INDUSTRY_WORDS).flatMap((w) => w.unknownTitles)];
    expect(await classify(titles.map((t) => [t, neutral, GENERIC_HINTS[0]]))).toEqual(titles.map(() => null));
    const employers = Object.entries(INDUSTRY_WORDS).flatMap(([industry, w]) => w.employerNouns.map((noun) => ({ industry, noun })));
    expect(await classify(employers.map((e) => [GENERIC_TITLES[0], `重庆${TRADE_NAMES[1]}${e.noun}有限公司`, null])))
      .toEqual(employers.map((e) => e.industry));
    const hints = Object.entries(INDUSTRY_WORDS).flatMap(([industry, w]) => w.hints.map((hint) => ({ industry, hint })));
    expect(await classify(hints.map((h) => [GENERIC_TITLES[0], neutral, h.hint]))).toEqual(hints.map((h) => h.industry));
  });
});

describe('committed sample postings', () => {
  const dir = join(SAMPLE, 'postings');
  const files = readdirSync(dir).sort();
  const rows = files.flatMap((file) =>
    (parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[])
      .map((r): Record<string, string> => ({ ...r, file })));

  it('holds one file per day of the last year, each posting dated its file day', () => {
    expect(files.length).toBe(365);
    expect(files[0]).toBe(`${CITY.years.last}-01-01.csv`);
    expect(rows.every((r) => `${r.posted_on}.csv` === r.file)).toBe(true);
  });

  it('re-sends some postings on later days, unchanged but for the date', () => {
    const seen = new Map<string, Record<string, string>>();
    let resent = 0;
    for (const { posted_on: _, file: __, ...posting } of rows) {
      const first = seen.get(posting.posting_id);
      if (first) {
        resent++;
        expect(posting).toEqual(first);
      } else seen.set(posting.posting_id, posting);
    }
    expect(resent).toBeGreaterThan(0);
  });

  it('carries exactly the last year\'s openings per district and level, each posting once', () => {
    const latest = new Map<string, Record<string, string>>();
    for (const r of rows) latest.set(r.posting_id, r); // files in date order: the later copy wins
    const posted = new Map<string, number>();
    for (const p of latest.values()) {
      const key = `${p.district_code}|${p.education}`;
      if (p.education !== 'other') posted.set(key, (posted.get(key) ?? 0) + Number(p.headcount));
    }
    const openings = new Map<string, number>();
    for (const d of readTable<DemandRow>(SAMPLE, 'demand').filter((d) => d.year === CITY.years.last && d.openings > 0)) {
      const key = `${d.district_code}|${d.level}`;
      openings.set(key, (openings.get(key) ?? 0) + d.openings);
    }
    expect(Object.fromEntries([...posted].sort())).toEqual(Object.fromEntries([...openings].sort()));
    expect([...latest.values()].some((p: Partial<PostingRow>) => p.education === 'other')).toBe(true);
  });
});
