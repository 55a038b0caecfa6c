/**
 * One term per figure: a figure shown in several views (a card, a table header, a chart axis, a
 * tooltip, a download's header) is named by the same words in each, in both languages. The table
 * below lists, per figure, every i18n key that names it; a unit in brackets may follow the term.
 */
import { describe, expect, it } from 'vitest';
import { zh, type Messages } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { definitionName } from '../../pipeline/shared/definitions.ts';

const FIGURES: Record<string, string[]> = {
  programmePoints: ['overview.programmePoints', 'schools.columns.points', 'coverage.columns.points', 'coverage.pointsAxis', 'concentration.columns.points',
    'lag.columns.points', 'lag.pointsAxis', 'drill.columns.points'],
  schoolCount: ['overview.schools', 'coverage.columns.schools', 'drill.columns.schools'],
  advice: ['schools.columns.label', 'schools.columns.action', 'candidates.columns.action', 'loop.columns.action'],
  recommendationCount: ['loop.recommendations', 'loop.columns.recommendations'],
  industriesServed: ['concentration.columns.industries', 'schools.columns.industries'],
  mainIndustry: ['schools.columns.industry'],
  shortageIndustry: ['candidates.columns.industry'],
  postingIndustries: ['postings.columns.industries'],
  students: ['schools.columns.students', 'schools.studentsAxis', 'candidates.columns.students', 'funding.columns.students'],
  gap: ['gaps.columns.gap', 'trend.columns.gap', 'districts.columns.gap', 'candidates.columns.gap'],
  fillRatio: ['gaps.columns.fill', 'trend.columns.fill', 'candidates.columns.fill'],
  signal: ['gaps.columns.signal', 'trend.columns.signal'],
  rank: ['schools.columns.rank', 'candidates.columns.rank', 'loop.columns.rank'],
  suggestedMajors: ['schools.columns.suggested', 'candidates.columns.suggested', 'loop.columns.suggested'],
  score: ['schools.columns.score', 'candidates.columns.score'],
  reason: ['schools.columns.reason', 'candidates.columns.reason'],
  // Openings of the demand statistics, recorded or (in the outlook) forecast: one figure wherever it is charted.
  demand: ['gaps.demand', 'drill.columns.demand', 'trend.columns.demand', 'districts.columns.demand', 'lag.demandAxis', 'lag.columns.demand',
    'outlook.fanAxis', 'outlook.columns.openings', 'postings.demand', 'postings.columns.demand'],
  // The same statistics' openings as the numerator of the demand ratio, beside the seekers.
  openings: ['gaps.columns.openings'],
  supply: ['gaps.supply', 'trend.columns.supply', 'districts.columns.supply'],
  // One year's graduates (reported, or students ÷ duration): the overview card, a drill-down's majors and schools, a school's programmes.
  graduates: ['overview.graduates', 'drill.columns.graduates', 'schools.columns.graduates'],
  // Headcount the daily postings ask for: a different source from the demand statistics, never added to demand.
  postingOpenings: ['postings.openings', 'postings.columns.openings'],
  vocationalPostingOpenings: ['postings.vocational', 'postings.columns.vocational', 'postings.vocationalSeries'],
};

/** Figures counted from the daily postings feed, and those from the demand statistics they are shown beside. */
const FROM_POSTINGS = ['postingOpenings', 'vocationalPostingOpenings'];
const FROM_DEMAND_STATISTICS = ['demand', 'openings'];
/** The word that says a figure comes from job postings. */
const POSTINGS_WORD = { zh: '招聘', en: /posting/i };

function at(messages: Messages, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`${key} is not a string`);
  return value;
}

/** The term without the unit in brackets after it: 专业点数（个） → 专业点数, Gap (people) → Gap. */
const term = (words: string) => words.replace(/\s*[（(][^（）()]*[）)]$/, '');

describe.each([['zh', zh], ['en', en]] as const)('the figures named in %s', (lang, messages) => {
  it('name each figure by one term wherever it is shown', () => {
    for (const [figure, keys] of Object.entries(FIGURES)) {
      const terms = Object.fromEntries(keys.map((key) => [key, term(at(messages, key))]));
      expect(new Set(Object.values(terms)).size, `${figure}: ${JSON.stringify(terms)}`).toBe(1);
    }
  });

  it('never name two figures by the same term', () => {
    const named = new Map<string, string>();
    for (const [figure, keys] of Object.entries(FIGURES)) {
      // every key, not the first only: one wording of a figure may be another figure's name
      for (const words of new Set(keys.map((key) => term(at(messages, key))))) {
        expect(named.get(words), `${figure} and ${named.get(words)} are both “${words}”`).toBeUndefined();
        named.set(words, figure);
      }
    }
  });

  it('say which figures come from job postings, so their openings are not read as demand', () => {
    const word = POSTINGS_WORD[lang];
    const says = (key: string) => (typeof word === 'string' ? at(messages, key).includes(word) : word.test(at(messages, key)));
    for (const key of FROM_POSTINGS.flatMap((figure) => FIGURES[figure])) expect(says(key), `${key}: ${at(messages, key)}`).toBe(true);
    for (const key of FROM_DEMAND_STATISTICS.flatMap((figure) => FIGURES[figure])) expect(says(key), `${key}: ${at(messages, key)}`).toBe(false);
  });
});

describe('the ⓘ definitions beside the figures', () => {
  it('name the demand outlook by the demand term the outlook view charts', () => {
    expect(definitionName('outlook', 'zh')).toBe(`${term(at(zh, 'outlook.fanAxis'))}预测`);
    expect(definitionName('outlook', 'en')).toBe(`${term(at(en, 'outlook.fanAxis'))} outlook`);
  });
});
