/**
 * Invented schools spread over the real districts: every district has a secondary
 * 职业教育中心, the rest cluster where Chongqing's schools do (central city, then the new towns).
 */
import type { Rng } from './mulberry32.ts';
import { type District, type Level, LEVELS } from './reference.ts';
import { jitter, pickWeighted, randInt } from './random.ts';
import { inventedWords, schoolName } from './school-names.ts';

export interface School {
  school_code: string;
  school_name: string;
  level: Level;
  district_code: string;
  ownership: 'public' | 'private';
}

/** How strongly each kind of area attracts schools of a level: colleges concentrate in the centre. */
const AREA_PULL: Record<Level, { central: number; newTown: number; outer: number }> = {
  secondary: { central: 3, newTown: 2, outer: 1 },
  higher: { central: 6, newTown: 3, outer: 0.6 },
  bachelor: { central: 4, newTown: 2, outer: 0.3 },
};

const PRIVATE_SHARE: Record<Level, number> = { secondary: 0.2, higher: 0.3, bachelor: 0.5 };

/** Central city (中心城区), new towns (新城 / 主城新区) or the outer area groups. */
export function areaKind(district: District): 'central' | 'newTown' | 'outer' {
  if (district.area_group.includes('中心城区')) return 'central';
  return /新城|新区/.test(district.area_group) ? 'newTown' : 'outer';
}

/** Relative pull of each district for schools of a level (also reused to spread demand). */
export function districtPull(rng: Rng, districts: readonly District[], level: Level): Map<string, number> {
  return new Map(districts.map((d) => [d.district_code, AREA_PULL[level][areaKind(d)] * jitter(rng, 0.4)]));
}

/** An invented 10-digit 学校标识码; the leading 95 keeps it apart from the codes in use. */
const schoolCode = (rng: Rng): string => `95${String(randInt(rng, 0, 99_999_999)).padStart(8, '0')}`;

/** Generates the schools, sorted by code. `counts` says how many of each level. */
export function generateSchools(rng: Rng, districts: readonly District[], counts: Record<Level, number>): School[] {
  const total = LEVELS.reduce((n, level) => n + counts[level], 0);
  const words = inventedWords(rng, total);
  const codes = new Set<string>();
  const schools: School[] = [];
  for (const level of LEVELS) {
    const pull = districtPull(rng, districts, level);
    for (let i = 0; i < counts[level]; i++) {
      const centre = level === 'secondary' && i < districts.length;
      const district = centre ? districts[i] : pickWeighted(rng, districts, (d) => pull.get(d.district_code)!);
      const isPrivate = !centre && rng() < PRIVATE_SHARE[level];
      let code = schoolCode(rng);
      while (codes.has(code)) code = schoolCode(rng);
      codes.add(code);
      schools.push({
        school_code: code,
        school_name: schoolName(words[schools.length], level, isPrivate, district, centre),
        level,
        district_code: district.district_code,
        ownership: isPrivate ? 'private' : 'public',
      });
    }
  }
  return schools.sort((a, b) => a.school_code.localeCompare(b.school_code));
}
