import type { HeaderMatcher } from './map-header.ts';
import type { TopRecord } from './read-header.ts';

/** Lines searched for the header: title rows, a date line and a blank line or two sit above it. */
export const HEADER_SEARCH_LINES = 12;

/** Lines looked through past HEADER_SEARCH_LINES when no header was found there, only to say where it is. */
export const HEADER_LOOK_FURTHER = 200;

export interface HeaderRow {
  texts: string[];
  /** 1-based line the header ends on; the data starts on the next line. */
  line: number;
  /** Its 1-based record number, blank lines counted (TopRecord.record): what DuckDB skips to reach it. */
  record: number;
  /** Whether the header was found below the first line or joined from two lines (reported to the user). */
  moved: boolean;
  /** The title rows above it, skipped: their 1-based line and non-empty texts. */
  above: { line: number; texts: string[] }[];
}

/** A sub-heading naming the total of a group heading's columns: 在校生数 over 合计 | 其中女生. */
const TOTAL_WORD = /^(合计|总计|小计|总数|合计数|共计)$/u;

/**
 * A header wrapped over two rows, joined column by column: "招生" over "计划数" reads 招生计划数;
 * a group heading merged over several columns (only its first cell filled) is carried to the
 * right; where the joined text names no field, the lower or the upper text alone is tried. A group
 * heading split into parts (在校生数 over 男 | 女) names its field only through a total column
 * (合计): one part alone is never read as the whole.
 */
function joinRows(upper: string[], lower: string[], matcher: HeaderMatcher): string[] {
  const width = Math.max(upper.length, lower.length);
  const up = (i: number) => (upper[i] ?? '').trim();
  const low = (i: number) => (lower[i] ?? '').trim();
  // the heading over each column: its own, or the one merged over it from the left
  const heading: string[] = [];
  const split = new Set<string>();
  for (let i = 0; i < width; i++) {
    const carried = !up(i) && low(i) && i > 0 && heading[i - 1] ? heading[i - 1] : '';
    heading.push(up(i) || carried);
    if (carried) split.add(carried);
  }
  return heading.map((top, i) => {
    const bottom = low(i);
    const whole = top && (!split.has(top) || TOTAL_WORD.test(bottom)) ? [top] : [];
    const candidates = [top + bottom, bottom, ...whole].filter((t) => t !== '');
    return candidates.find((t) => matcher.fieldOf(t)) ?? candidates[0] ?? '';
  });
}

/**
 * Whether the record under a complete header is the second line of it: sub-headings under a
 * group heading merged over several columns (在校生数 over 男 | 女), text only, filled nowhere but
 * in such groups — a data row fills the named columns and holds numbers.
 */
function subHeadings(header: string[], next: string[]): boolean {
  const named = (i: number) => (header[i] ?? '').trim() !== '';
  const inGroup = (i: number): boolean => !named(i) ? i > 0 && (named(i - 1) || inGroup(i - 1)) : !named(i + 1) && i + 1 < next.length;
  const cells = next.map((c, i) => ({ text: c.trim(), i })).filter((c) => c.text !== '');
  return cells.some((c) => !named(c.i))
    && cells.every((c) => inGroup(c.i) && !/^[\d.,%+\-\s]+$/u.test(c.text.normalize('NFKC')));
}

/**
 * The header row: the first record (or pair of records, for a two-line header) whose texts name
 * every required field, so title rows and merged title cells above it are skipped. When none
 * does, the record naming the most fields (the first on a tie), whose verdict (missing columns,
 * with suggestions) is the one to show.
 */
export function detectHeader(records: TopRecord[], matcher: HeaderMatcher): HeaderRow | undefined {
  const fits = (texts: string[]) => matcher.match(texts).missing.length === 0;
  const above = (i: number) => records.slice(0, i)
    .map((r) => ({ line: r.line, texts: r.fields.map((t) => t.trim()).filter((t) => t !== '') })).filter((r) => r.texts.length > 0);
  for (const [i, record] of records.entries()) {
    const next = records[i + 1];
    if (fits(record.fields)) {
      return next && subHeadings(record.fields, next.fields)
        ? { texts: joinRows(record.fields, next.fields, matcher), line: next.line, record: next.record, moved: true, above: above(i) }
        : { texts: record.fields, line: record.line, record: record.record, moved: i > 0, above: above(i) };
    }
    if (next && !fits(next.fields)) {
      const joined = joinRows(record.fields, next.fields, matcher);
      if (fits(joined)) return { texts: joined, line: next.line, record: next.record, moved: true, above: above(i) };
    }
  }
  const named = records.map((r) => matcher.match(r.fields).positions.size);
  const best = named.indexOf(Math.max(...named));
  return records[best] && { texts: records[best].fields, line: records[best].line, record: records[best].record, moved: best > 0, above: above(best) };
}

/**
 * Where the header is when it is below the lines searched (notes or 填表说明 above it): the first
 * record after them that names every required field, with the record before it joined as a
 * two-line header would be; undefined when none does.
 */
export function headerBelow(records: TopRecord[], matcher: HeaderMatcher, searched: number): HeaderRow | undefined {
  const below = records.filter((r) => r.line > searched);
  const found = detectHeader(below, matcher);
  return found && matcher.match(found.texts).missing.length === 0 ? found : undefined;
}
