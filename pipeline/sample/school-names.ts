/**
 * Invented school names. They follow the naming habits of Chongqing vocational schools
 * (区县 + 职业教育中心, 重庆 + … + 职业技术学院) but the distinctive word is a made-up,
 * place-like pair of characters, so no name belongs to a real institution.
 */
import type { Rng } from './mulberry32.ts';
import type { District, Level } from './reference.ts';
import { shuffled } from './random.ts';

const FIRST = '澄霁岚棠沅芷筠蔚珩槿漪翎蕙栖溯晗曦泓淇砚';
const MIDDLE = '云松柏桐枫苇竹';
const LAST = '屿川岭坪溪洲湾原峰塘坝垭';

/** `count` distinct invented words: two characters first, three once the pairs run out. */
export function inventedWords(rng: Rng, count: number): string[] {
  const pairs = [...FIRST].flatMap((a) => [...LAST].map((b) => a + b));
  const triples = [...FIRST].flatMap((a) => [...MIDDLE].flatMap((m) => [...LAST].map((b) => a + m + b)));
  const words = [...shuffled(rng, pairs), ...shuffled(rng, triples)];
  if (count > words.length) throw new Error(`cannot invent ${count} distinct school names (at most ${words.length})`);
  return words.slice(0, count);
}

/** Name of a school from its level, ownership and district, using an invented word. */
export function schoolName(word: string, level: Level, isPrivate: boolean, district: District, districtCentre: boolean): string {
  if (level === 'bachelor') return `重庆${word}${isPrivate ? '职业大学' : '职业技术大学'}`;
  if (level === 'higher') return `重庆${word}${isPrivate ? '职业学院' : '职业技术学院'}`;
  if (districtCentre) return `${district.district_name}${word}职业教育中心`;
  return isPrivate ? `重庆${word}职业学校` : `重庆市${word}中等职业学校`;
}
