/**
 * Sorts the catalogue into the pools schools draw their majors from. Majors serving a
 * designated industry are held back (only the designated schools offer them), and the rest are
 * split by whether they serve a key industry, so the match rate can be hit exactly.
 */
import type { Rng } from './mulberry32.ts';
import { type Level, LEVELS, type Major, type Reference, keyMatchedMajors } from './reference.ts';
import { skewed } from './random.ts';

export interface MajorPools {
  /** Key-matched majors of each level open to every school. */
  matched: Record<Level, Major[]>;
  /** Majors of each level serving no key industry. */
  unmatched: Record<Level, Major[]>;
  /** For each designated industry, the majors serving it (weight > 0). */
  designated: Map<string, Major[]>;
  keyMatched: Set<string>;
  /** How often schools choose each major: a few are everywhere, most are rare. */
  popularity: Map<string, number>;
}

const byLevel = (majors: Major[]): Record<Level, Major[]> =>
  Object.fromEntries(LEVELS.map((level) => [level, majors.filter((m) => m.level === level)])) as Record<Level, Major[]>;

/** Builds the pools; `designatedIndustries` are the industries served by a fixed set of schools. */
export function buildMajorPools(rng: Rng, reference: Reference, designatedIndustries: readonly string[]): MajorPools {
  const keyMatched = keyMatchedMajors(reference);
  const designated = new Map<string, Major[]>();
  for (const industry of designatedIndustries) {
    const codes = new Set(
      reference.crosswalk.filter((r) => r.industry_code === industry && r.weight > 0).map((r) => r.major_code),
    );
    designated.set(industry, reference.majors.filter((m) => codes.has(m.major_code)));
  }
  const held = new Set([...designated.values()].flat().map((m) => m.major_code));
  const open = reference.majors.filter((m) => !held.has(m.major_code));
  return {
    matched: byLevel(open.filter((m) => keyMatched.has(m.major_code))),
    unmatched: byLevel(open.filter((m) => !keyMatched.has(m.major_code))),
    designated,
    keyMatched,
    popularity: new Map(reference.majors.map((m) => [m.major_code, skewed(rng, 0.9)])),
  };
}
