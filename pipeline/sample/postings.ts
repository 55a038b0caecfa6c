/**
 * The synthetic postings feed: one year of daily files consistent with demand.csv. Each demand cell
 * (district × industry × level) of that year is cut into postings whose headcounts add up to its
 * openings exactly, spread over the year's days; a few postings ask for no vocational level
 * (education 'other', beyond the aggregated demand) and a few are re-sent on a later day with the
 * same posting_id. So, after de-duplication, vocational postings carry exactly the year's openings.
 */
import { rngFor, type Rng } from './mulberry32.ts';
import { randInt } from './random.ts';
import type { DemandRow } from './demand.ts';
import { postingCalendar } from './posting-calendar.ts';
import { employersOf, type Employer } from './posting-employers.ts';
import { POSTING_PROFILE } from './posting-profile.ts';
import { INDUSTRY_WORDS, titleOf, type IndustryWords } from './posting-vocabulary.ts';

export interface PostingRow {
  posting_id: string;
  posted_on: string;
  district_code: string;
  employer: string;
  title: string;
  industry_hint: string | null;
  headcount: number;
  education: 'secondary' | 'higher' | 'bachelor' | 'other';
}

type Draft = Omit<PostingRow, 'posting_id' | 'posted_on'> & { day: number; resendDay: number | null };

const HEADCOUNT_TOTAL = POSTING_PROFILE.headcounts.reduce((n, [, w]) => n + w, 0);

function drawHeadcount(rng: Rng): number {
  let u = rng() * HEADCOUNT_TOTAL;
  for (const [headcount, weight] of POSTING_PROFILE.headcounts) if ((u -= weight) < 0) return headcount;
  return POSTING_PROFILE.headcounts[0][0];
}


/** One posting of a demand cell; always the same number of draws, so cells do not shift each other. */
function draft(rng: Rng, cell: DemandRow, employers: Employer[], words: IndustryWords, education: PostingRow['education'],
  headcount: number, draw: (rng: Rng) => number, days: number): Draft {
  const day = draw(rng);
  const title = titleOf([rng(), rng(), rng()], words, POSTING_PROFILE);
  const employer = employers[Math.floor(rng() * employers.length)];
  const resent = rng() < POSTING_PROFILE.resendShare;
  const resendDay = day + randInt(rng, ...POSTING_PROFILE.resendGap);
  return {
    day, district_code: cell.district_code, ...employer, title, headcount, education,
    resendDay: resent && resendDay < days ? resendDay : null,
  };
}

function drafts(seed: number, demand: readonly DemandRow[], year: number): { days: string[]; drafts: Draft[] } {
  const { days, draw } = postingCalendar(year);
  const out: Draft[] = [];
  for (const cell of demand) {
    const words = INDUSTRY_WORDS[cell.industry_code];
    if (!words || cell.openings <= 0) continue;
    const rng = rngFor(seed, 'postings', cell.district_code, cell.industry_code, cell.level);
    const employers = employersOf(seed, cell.industry_code, cell.district_code, words);
    for (let left = cell.openings; left > 0;) {
      const headcount = Math.min(left, drawHeadcount(rng));
      left -= headcount;
      out.push(draft(rng, cell, employers, words, cell.level, headcount, draw, days.length));
      if (rng() < POSTING_PROFILE.otherEducationShare) {
        out.push(draft(rng, cell, employers, words, 'other', drawHeadcount(rng), draw, days.length));
      }
    }
  }
  return { days, drafts: out };
}

/**
 * The year's postings per day (ISO date → rows sorted by posting_id), from that year's demand rows.
 * Ids are CQ + posting date + a 5-digit number within the day, in generation order.
 */
export function postingDays(seed: number, demand: readonly DemandRow[], year: number): Map<string, PostingRow[]> {
  const { days, drafts: all } = drafts(seed, demand, year);
  const byDay = new Map<string, PostingRow[]>(days.map((day) => [day, []]));
  const counters = days.map(() => 0);
  for (const { day, resendDay, ...fields } of all) {
    const posting_id = `CQ${days[day].replaceAll('-', '')}${String(++counters[day]).padStart(5, '0')}`;
    byDay.get(days[day])!.push({ posting_id, posted_on: days[day], ...fields });
    if (resendDay !== null) byDay.get(days[resendDay])!.push({ posting_id, posted_on: days[resendDay], ...fields });
  }
  for (const rows of byDay.values()) rows.sort((a, b) => (a.posting_id < b.posting_id ? -1 : a.posting_id > b.posting_id ? 1 : 0));
  return byDay;
}
