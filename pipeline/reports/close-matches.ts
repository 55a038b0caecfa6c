/** Suggestions for a mistyped school or industry code: "did you mean …". */

/** Edit distance (insertions, deletions, substitutions), for codes off by a digit or two. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Up to `n` entries whose name contains the query or whose code is within a third of its length
 * in edits (at least 2), closest first.
 */
export function closeMatches<T extends { code: string; name: string }>(query: string, entries: T[], n = 5): T[] {
  const limit = Math.max(2, Math.floor(query.length / 3));
  return entries
    .map((entry) => ({ entry, score: query && entry.name.includes(query) ? 0 : editDistance(query, entry.code) }))
    .filter((m) => m.score <= limit)
    .sort((a, b) => a.score - b.score || a.entry.code.localeCompare(b.entry.code))
    .slice(0, n)
    .map((m) => m.entry);
}
