/**
 * A year of daily job-postings files (postings/YYYY-MM-DD.csv) at province or national size,
 * written as a stream: each row picks a county × industry × level cell in proportion to the
 * last year's openings of demand.csv (so postings and the aggregated figures tell one story),
 * then a title, employer, platform category, headcount and education in the shares of the city
 * sample's postings profile. A share of rows re-send a posting of an earlier day unchanged (same
 * posting_id), as feeds do. Ten million rows take
 * well under a minute: no per-row seeding, hashing or object allocation.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rngFor, type Rng } from '../mulberry32.ts';
import type { Level } from '../reference.ts';
import { readSchema } from '../../config/schema.ts';
import { aliasSampler } from './alias.ts';
import { postingCalendar } from './postings-calendar.ts';
import { postingWords, type PostingWords } from './postings-words.ts';
import { placeName } from '../../config/provinces.ts';
import { POSTING_PROFILE } from '../posting-profile.ts';
import { titleOf } from '../posting-vocabulary.ts';
import type { County } from './counties.ts';

export interface PostingCell { county: County; industry: string; level: Level; openings: number }

export interface PostingsOptions {
  seed: number;
  /** Postings go to <outDir>/postings/. */
  outDir: string;
  year: number;
  total: number;
  /** Where and what the postings ask for: the last year's demand cells with their openings. */
  cells: readonly PostingCell[];
}

export interface PostingsWritten { files: number; rows: number; reposts: number }

/** Earlier rows kept for re-sending: enough to spread reposts over many days. */
const REPOST_POOL = 50_000;
const FLUSH_ROWS = 8_192;
const P = POSTING_PROFILE;

const pick = (rng: Rng, items: readonly string[]) => items[Math.floor(rng() * items.length)];
/** Skewed towards the first items: a few employers post most of the jobs. */
const pickSkewed = (rng: Rng, items: readonly string[]) => items[Math.floor(rng() * rng() * items.length)];
const drawHeadcount = aliasSampler(P.headcounts.map(([, weight]) => weight));

/** The row text after posting_id and posted_on, for a cell, in the shares of the city sample's profile. */
function rowText(rng: Rng, words: PostingWords, cell: PostingCell, place: string): string {
  const own = words.industry.get(cell.industry) ?? { titles: words.titleLists.generic, unknownTitles: [] };
  const title = titleOf([rng(), rng(), rng()], own, P, words.titleLists);
  const employer = pickSkewed(rng, words.employers(place, rng() < P.genericEmployerShare ? '' : cell.industry));
  const h = rng() / P.hintShare;
  const hints = words.industry.get(cell.industry)?.hints;
  const hint = h >= 1 ? '' : !hints || h < P.genericHintShare ? pick(rng, words.genericHints) : pick(rng, hints);
  const education = rng() < P.otherEducationShare ? 'other' : cell.level;
  return `${cell.county.district_code},${employer},${title},${hint},${P.headcounts[drawHeadcount(rng)][0]},${education}`;
}

/** Writes one CSV per day of the year; returns how many files and rows, and how many rows were re-sent. */
export function writeScaledPostings(options: PostingsOptions): PostingsWritten {
  const dir = join(options.outDir, 'postings');
  mkdirSync(dir, { recursive: true });
  const header = readSchema('postings').fields.map((f) => f.name).join(',');
  const words = postingWords();
  const places = options.cells.map((c) => placeName(c.county.province));
  const draw = aliasSampler(options.cells.map((c) => c.openings));
  const pool: string[] = [];
  const result: PostingsWritten = { files: 0, rows: 0, reposts: 0 };
  for (const day of postingCalendar(options.year, options.total)) {
    const rng = rngFor(options.seed, 'scale-postings', day.date);
    const prefix = `P${day.date.replaceAll('-', '')}`;
    const fd = openSync(join(dir, `${day.date}.csv`), 'w');
    const fresh: string[] = [];
    let batch: string[] = [header];
    for (let seq = 0; seq < day.postings; seq++) {
      let line: string;
      if (pool.length && rng() < P.resendShare) {
        line = pool[Math.floor(rng() * pool.length)];
        result.reposts++;
      } else {
        const c = draw(rng);
        line = `${prefix}${String(seq).padStart(7, '0')},${day.date},${rowText(rng, words, options.cells[c], places[c])}`;
        if (fresh.length < REPOST_POOL) fresh.push(line);
      }
      batch.push(line);
      if (batch.length >= FLUSH_ROWS) {
        writeSync(fd, batch.join('\n') + '\n');
        batch = [];
      }
    }
    if (batch.length) writeSync(fd, batch.join('\n') + '\n');
    closeSync(fd);
    // Later days re-send from a pool refreshed with this day's postings.
    for (const line of fresh) pool.length < REPOST_POOL ? pool.push(line) : (pool[Math.floor(rng() * REPOST_POOL)] = line);
    result.files++;
    result.rows += day.postings;
  }
  return result;
}
