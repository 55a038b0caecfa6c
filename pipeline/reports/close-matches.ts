/** Suggestions for a mistyped school or industry code: "did you mean …". */
import { editDistance } from '../shared/edit-distance.ts';

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
