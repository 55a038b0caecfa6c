/**
 * One term per figure: a figure shown in several views (a card, a table header, a chart axis, a
 * tooltip, a download's header) is named by the same words in each, in both languages. The table
 * below lists, per figure, every i18n key that names it; a unit in brackets may follow the term.
 */
import { describe, expect, it } from 'vitest';
import { zh, type Messages } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

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
};

function at(messages: Messages, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`${key} is not a string`);
  return value;
}

/** The term without the unit in brackets after it: 专业点数（个） → 专业点数, Gap (people) → Gap. */
const term = (words: string) => words.replace(/\s*[（(][^（）()]*[）)]$/, '');

describe.each([['zh', zh], ['en', en]] as const)('the figures named in %s', (_, messages) => {
  it('name each figure by one term wherever it is shown', () => {
    for (const [figure, keys] of Object.entries(FIGURES)) {
      const terms = Object.fromEntries(keys.map((key) => [key, term(at(messages, key))]));
      expect(new Set(Object.values(terms)).size, `${figure}: ${JSON.stringify(terms)}`).toBe(1);
    }
  });

  it('never name two figures by the same term', () => {
    const named = new Map<string, string>();
    for (const [figure, keys] of Object.entries(FIGURES)) {
      const words = term(at(messages, keys[0]));
      expect(named.get(words), `${figure} and ${named.get(words)} are both “${words}”`).toBeUndefined();
      named.set(words, figure);
    }
  });
});
