import type { HeaderMatcher } from './map-header.ts';
import type { TopRecord } from './read-header.ts';

/** Lines searched for the header: title rows, a date line and a blank line or two sit above it. */
export const HEADER_SEARCH_LINES = 12;

export interface HeaderRow {
  texts: string[];
  /** 1-based line the header ends on; the data starts on the next line. */
  line: number;
  /** Whether the header was found below the first line or joined from two lines (reported to the user). */
  moved: boolean;
}

/**
 * A header wrapped over two rows, joined column by column: "招生" over "计划数" reads 招生计划数;
 * a group heading merged over several columns (only its first cell filled) is carried to the
 * right; where the joined text names no field, the lower or the upper text alone is tried.
 */
function joinRows(upper: string[], lower: string[], matcher: HeaderMatcher): string[] {
  let carried = '';
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => {
    const top = (upper[i] ?? '').trim() || (lower[i] ?? '').trim() ? (upper[i] ?? '').trim() || carried : '';
    if ((upper[i] ?? '').trim()) carried = upper[i].trim();
    const bottom = (lower[i] ?? '').trim();
    const candidates = [top + bottom, bottom, top].filter((t) => t !== '');
    return candidates.find((t) => matcher.fieldOf(t)) ?? candidates[0] ?? '';
  });
}

/**
 * The header row: the first record (or pair of records, for a two-line header) whose texts name
 * every required field, so title rows and merged title cells above it are skipped. When none
 * does, the record naming the most fields (the first on a tie), whose verdict (missing columns,
 * with suggestions) is the one to show.
 */
export function detectHeader(records: TopRecord[], matcher: HeaderMatcher): HeaderRow | undefined {
  const fits = (texts: string[]) => matcher.match(texts).missing.length === 0;
  for (const [i, record] of records.entries()) {
    if (fits(record.fields)) return { texts: record.fields, line: record.line, moved: i > 0 };
    const next = records[i + 1];
    if (next && !fits(next.fields)) {
      const joined = joinRows(record.fields, next.fields, matcher);
      if (fits(joined)) return { texts: joined, line: next.line, moved: true };
    }
  }
  const named = records.map((r) => matcher.match(r.fields).positions.size);
  const best = named.indexOf(Math.max(...named));
  return records[best] && { texts: records[best].fields, line: records[best].line, moved: best > 0 };
}
