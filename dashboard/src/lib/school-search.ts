/**
 * School search: a case-insensitive substring of the name or the 10-digit code, so "渝北" or
 * "41500" both find schools without any pinyin index.
 */
import type { SchoolRow } from './types.ts';

export function searchSchools(schools: readonly SchoolRow[], query: string): SchoolRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return schools.slice();
  return schools.filter((s) => s.school_name.toLowerCase().includes(q) || s.school_code.includes(q));
}
