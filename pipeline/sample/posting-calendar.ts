/** The days of a postings year and a seeded draw of a day weighted by how much sites post on it. */
import type { Rng } from './mulberry32.ts';
import { dayWeight } from './posting-profile.ts';

export interface Calendar {
  /** ISO dates of the year, in order. */
  days: string[];
  /** Index of a day drawn in proportion to its weight (one draw). */
  draw(rng: Rng): number;
}

export function postingCalendar(year: number): Calendar {
  const days: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
    cumulative.push((total += dayWeight(d)));
  }
  const draw = (rng: Rng) => {
    const target = rng() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  return { days, draw };
}
