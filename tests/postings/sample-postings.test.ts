/**
 * The sample's postings feed (synthetic): its words classify as intended under the shipped rules,
 * and its daily files, once re-sent postings count once, carry exactly the last year's openings
 * of demand.csv in every district and level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../pipeline/sample/reference.ts';
import { CITY } from '../../pipeline/sample/sizes.ts';
import type { DemandRow } from '../../pipeline/sample/demand.ts';
import type { PostingRow } from '../../pipeline/sample/postings.ts';
import {
  CAMPAIGN_FORMS, CROSS_CUTTING_TITLES, GENERIC_EMPLOYER_NOUNS, GENERIC_HINTS, GENERIC_TITLES, INDUSTRY_WORDS, TRADE_NAMES,
} from '../../pipeline/sample/posting-vocabulary.ts';
import { cleanup } from './fixture.ts';
import { classifyPostings } from './labelled.ts';

afterAll(cleanup);

const SAMPLE = fileURLToPath(new URL('../../data/sample/', import.meta.url));

describe('sample vocabulary under the shipped rules', () => {
  /** Classifies postings given as [title, employer, hint] as a refresh does. */
  async function classify(postings: [string, string, string | null][]): Promise<(string | null)[]> {
    const classified = await classifyPostings(postings.map(([title, employer, hint], i) => ({ id: `P${i}`, title, employer, hint })));
    return postings.map((_, i) => classified.get(`P${i}`)!.predicted);
  }

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

  it('places cross-cutting titles in the employer\'s industry when the employer names one', async () => {
    const cases = Object.entries(INDUSTRY_WORDS).flatMap(([industry, w]) =>
      CROSS_CUTTING_TITLES.map((title) => ({ industry, title, employer: `重庆${TRADE_NAMES[2]}${w.employerNouns[0]}有限公司` })));
    expect(await classify(cases.map((c) => [c.title, c.employer, null]))).toEqual(cases.map((c) => c.industry));
  });

  it('classifies a title in campaign text as it classifies the title alone', async () => {
    const titles = Object.values(INDUSTRY_WORDS).flatMap((w) => w.titles);
    const forms = ['{}', ...CAMPAIGN_FORMS];
    const classified = await classify(forms.flatMap((form) => titles.map((t): [string, string, null] => [form.replace('{}', t), neutral, null])));
    const bare = classified.slice(0, titles.length);
    forms.forEach((_, i) => expect(classified.slice(i * titles.length, (i + 1) * titles.length)).toEqual(bare));
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
