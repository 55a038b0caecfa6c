/**
 * Synthetic counties: each covered province gets as many counties as it really has, with
 * invented codes and names that say they are synthetic. Codes keep the real province prefix and
 * use the block PP8NNN, which no real county code uses, so they never pass for real ones.
 */
import type { District } from '../reference.ts';
import { PROVINCES, placeName, type Province } from '../../config/provinces.ts';

export interface County extends District {
  province: Province;
  /** 1 for the province's core urban county, rising outwards: schools and jobs concentrate at low ranks. */
  rank: number;
}

/** The counties of the given provinces, in code order; area_group is the province name. */
export function syntheticCounties(provinceCodes: readonly string[]): County[] {
  return PROVINCES.filter((p) => provinceCodes.includes(p.code)).flatMap((province) =>
    Array.from({ length: province.counties }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return {
        district_code: `${province.code}8${n}`,
        district_name: `${placeName(province)}合成区县${n}`,
        area_group: province.name,
        province,
        rank: i + 1,
      };
    }),
  );
}

/**
 * Relative pull of a county: province population shared out along a Zipf curve by rank.
 * `exponent` sets how strongly the urban core dominates (colleges and jobs more than
 * secondary schools, which every county has).
 */
export function countyPull(county: County, exponent: number): number {
  const harmonic = harmonicSum(county.province.counties, exponent);
  return (county.province.population * county.rank ** -exponent) / harmonic;
}

const harmonics = new Map<string, number>();
function harmonicSum(n: number, exponent: number): number {
  const key = `${n}|${exponent}`;
  if (!harmonics.has(key)) {
    let sum = 0;
    for (let r = 1; r <= n; r++) sum += r ** -exponent;
    harmonics.set(key, sum);
  }
  return harmonics.get(key)!;
}
