/**
 * Invented schools over the synthetic counties. Secondary schools are everywhere (each county
 * has its 职业教育中心 when there are enough schools), colleges cluster in each province's core
 * counties, and big provinces have more of everything: the skew a national listing shows.
 */
import { rngFor } from '../mulberry32.ts';
import { LEVELS, type Level } from '../reference.ts';
import type { School } from '../schools.ts';
import { inventedWords } from '../school-names.ts';
import { apportion } from '../apportion.ts';
import { jitter, randInt } from '../random.ts';
import { countyPull, type County } from './counties.ts';
import { placeName } from '../../config/provinces.ts';

/** How strongly the urban core draws schools of a level (Zipf exponent over county rank). */
export const SCHOOL_PULL: Record<Level, number> = { secondary: 0.35, higher: 1.0, bachelor: 1.3 };

/** Share of private (民办) schools by level, roughly the national picture. */
const PRIVATE_SHARE: Record<Level, number> = { secondary: 0.22, higher: 0.35, bachelor: 0.5 };

interface Seat { county: County; level: Level; centre: boolean }

/** How many schools of a level each county gets; every county first gets a centre when there are enough. */
function seats(seed: number, counties: readonly County[], level: Level, count: number): Seat[] {
  const rng = rngFor(seed, 'scale-seats', level);
  const centres = level === 'secondary' && count >= counties.length;
  const rest = apportion(count - (centres ? counties.length : 0), counties.map((c) => countyPull(c, SCHOOL_PULL[level]) * jitter(rng, 0.3)));
  return counties.flatMap((county, i) => [
    ...(centres ? [{ county, level, centre: true }] : []),
    ...Array.from({ length: rest[i] }, () => ({ county, level, centre: false })),
  ]);
}

function schoolName(word: string, seat: Seat, isPrivate: boolean): string {
  const place = placeName(seat.county.province);
  if (seat.level === 'bachelor') return `${place}${word}${isPrivate ? '职业大学' : '职业技术大学'}`;
  if (seat.level === 'higher') return `${place}${word}${isPrivate ? '职业学院' : '职业技术学院'}`;
  if (seat.centre) return `${seat.county.district_name}${word}职业教育中心`;
  return `${place}${word}${isPrivate ? '职业学校' : '中等职业学校'}`;
}

/** Generates the schools, sorted by code; codes are 95 + province code + six invented digits. */
export function generateScaledSchools(seed: number, counties: readonly County[], counts: Record<Level, number>): School[] {
  const all = LEVELS.flatMap((level) => seats(seed, counties, level, counts[level]));
  const byProvince = new Map<string, Seat[]>();
  for (const seat of all) {
    const code = seat.county.province.code;
    byProvince.set(code, byProvince.get(code) ?? []).get(code)!.push(seat);
  }
  const schools: School[] = [];
  for (const [code, provinceSeats] of byProvince) {
    const rng = rngFor(seed, 'scale-schools', code);
    const words = inventedWords(rng, provinceSeats.length);
    const used = new Set<string>();
    provinceSeats.forEach((seat, i) => {
      const isPrivate = !seat.centre && rng() < PRIVATE_SHARE[seat.level];
      let schoolCode: string;
      do schoolCode = `95${code}${String(randInt(rng, 0, 999_999)).padStart(6, '0')}`;
      while (used.has(schoolCode));
      used.add(schoolCode);
      schools.push({
        school_code: schoolCode,
        school_name: schoolName(words[i], seat, isPrivate),
        level: seat.level,
        district_code: seat.county.district_code,
        ownership: isPrivate ? 'private' : 'public',
      });
    });
  }
  return schools.sort((a, b) => a.school_code.localeCompare(b.school_code));
}
