/**
 * Invented employers of the postings feed: a few per industry and district, each with a name
 * (重庆 + trade name + noun + 有限公司) and the category the platform shows for it, if any. Half
 * the names say nothing about the industry, as holding companies and staffing agencies do.
 */
import { rngFor } from './mulberry32.ts';
import { randInt } from './random.ts';
import { POSTING_PROFILE } from './posting-profile.ts';
import { GENERIC_EMPLOYER_NOUNS, GENERIC_HINTS, TRADE_NAMES, type IndustryWords } from './posting-vocabulary.ts';

export interface Employer {
  employer: string;
  industry_hint: string | null;
}

const pick = <T>(items: readonly T[], u: number): T => items[Math.floor(u * items.length)];

export function employersOf(seed: number, industry: string, district: string, words: IndustryWords): Employer[] {
  const rng = rngFor(seed, 'posting-employers', industry, district);
  const { employersPerCell, genericEmployerShare, hintShare, genericHintShare } = POSTING_PROFILE;
  return Array.from({ length: randInt(rng, ...employersPerCell) }, () => {
    const [trade, nounKind, noun, hinted, hintKind, hint] = [rng(), rng(), rng(), rng(), rng(), rng()];
    const nouns = nounKind < genericEmployerShare ? GENERIC_EMPLOYER_NOUNS : words.employerNouns;
    const hints = hintKind < genericHintShare ? GENERIC_HINTS : words.hints;
    return {
      employer: `重庆${pick(TRADE_NAMES, trade)}${pick(nouns, noun)}有限公司`,
      industry_hint: hinted < hintShare ? pick(hints, hint) : null,
    };
  });
}
