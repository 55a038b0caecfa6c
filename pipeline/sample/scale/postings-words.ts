/**
 * Ready-made CSV cells for the scaled postings: titles, employer names and platform categories
 * per industry (the vocabulary of the city sample, pipeline/sample/posting-vocabulary.ts), with
 * employer names placed in each province. Built once, so writing a row only picks cells.
 */
import { dataCell } from '../../shared/csv.ts';
import {
  CROSS_CUTTING_TITLES, GENERIC_EMPLOYER_NOUNS, GENERIC_HINTS, GENERIC_TITLES, INDUSTRY_WORDS, TRADE_NAMES,
} from '../posting-vocabulary.ts';

export interface IndustryCells {
  /** Titles the classification rules know; unknownTitles are ones they do not know yet. */
  titles: string[];
  unknownTitles: string[];
  hints: string[];
}

export interface PostingWords {
  industry: Map<string, IndustryCells>;
  /** Generic and cross-cutting titles, as titleOf takes them (campaign text adds no CSV quoting). */
  titleLists: { generic: string[]; crossCutting: string[] };
  genericHints: string[];
  /** Employer names of one province for an industry ('' = employers saying nothing about their industry). */
  employers(place: string, industry: string): string[];
}

const cells = (texts: readonly string[]) => texts.map(dataCell);

export function postingWords(): PostingWords {
  const industry = new Map(
    Object.entries(INDUSTRY_WORDS).map(([code, w]) => [code, { titles: cells(w.titles), unknownTitles: cells(w.unknownTitles), hints: cells(w.hints) }]),
  );
  const cache = new Map<string, string[]>();
  return {
    industry,
    titleLists: { generic: cells(GENERIC_TITLES), crossCutting: cells(CROSS_CUTTING_TITLES) },
    genericHints: cells(GENERIC_HINTS),
    employers(place, code) {
      const key = `${place}|${code}`;
      if (!cache.has(key)) {
        const nouns = code === '' ? GENERIC_EMPLOYER_NOUNS : INDUSTRY_WORDS[code]?.employerNouns ?? GENERIC_EMPLOYER_NOUNS;
        cache.set(key, cells(TRADE_NAMES.flatMap((trade) => nouns.map((noun) => `${place}${trade}${noun}有限公司`))));
      }
      return cache.get(key)!;
    },
  };
}
