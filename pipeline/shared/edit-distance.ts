/**
 * String distances by character (code point), for "did you mean": DuckDB's own damerau_levenshtein
 * and jaro_winkler_similarity count bytes, so one Chinese character differing counts two or three
 * edits and a two-character name is "near" any other.
 */

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: the optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  const [s, t] = [[...a], [...b]];
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    [before, previous] = [previous, current];
  }
  return previous[t.length];
}

/** Jaro–Winkler similarity (0–1, prefix scale 0.1 over at most 4 characters): ties between equally near candidates. */
export function jaroWinkler(a: string, b: string): number {
  const [s, t] = [[...a], [...b]];
  if (s.length === 0 || t.length === 0) return s.length === t.length ? 1 : 0;
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const taken = new Array<boolean>(t.length).fill(false);
  const matched: string[] = [];
  const matchedAt: number[] = [];
  s.forEach((c, i) => {
    for (let j = Math.max(0, i - window); j <= Math.min(t.length - 1, i + window); j++) {
      if (!taken[j] && t[j] === c) {
        taken[j] = true;
        matched.push(c);
        matchedAt.push(j);
        break;
      }
    }
  });
  const m = matched.length;
  if (m === 0) return 0;
  const inT = matchedAt.toSorted((x, y) => x - y).map((j) => t[j]);
  const transpositions = matched.filter((c, k) => c !== inT[k]).length / 2;
  const jaro = (m / s.length + m / t.length + (m - transpositions) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < s.length && prefix < t.length && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
