/**
 * How many postings each day of the year gets, with the city sample's day weights
 * (pipeline/sample/posting-profile.ts: quiet weekends and holidays, spring and autumn hiring peaks),
 * as exact counts so that a scaled sample has exactly the postings its size asks for.
 */
import { apportion } from '../apportion.ts';
import { dayWeight } from '../posting-profile.ts';

export interface PostingDay {
  /** YYYY-MM-DD, also the file name. */
  date: string;
  postings: number;
}

/** Every day of `year` with its share of `total` postings (the counts add up to total exactly). */
export function postingCalendar(year: number, total: number): PostingDay[] {
  const dates: Date[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) dates.push(d);
  const counts = apportion(total, dates.map(dayWeight));
  return dates.map((d, i) => ({ date: d.toISOString().slice(0, 10), postings: counts[i] }));
}
