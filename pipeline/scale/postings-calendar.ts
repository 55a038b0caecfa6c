/**
 * How many postings each day of the year gets: fewer at weekends, a trough around the Spring
 * Festival and the spring (金三银四) and autumn (金九银十) hiring peaks.
 */
import { apportion } from '../sample/apportion.ts';

/** Relative volume by weekday, Sunday first. */
const WEEKDAY = [0.35, 1, 1.05, 1.05, 1, 0.95, 0.45];

/** Relative volume by month, January first. */
const MONTH = [0.9, 0.7, 1.35, 1.2, 1, 0.95, 0.9, 0.95, 1.15, 0.95, 1.05, 0.85];

export interface PostingDay {
  /** YYYY-MM-DD, also the file name. */
  date: string;
  postings: number;
}

/** Every day of `year` with its share of `total` postings (the counts add up to total exactly). */
export function postingCalendar(year: number, total: number): PostingDay[] {
  const dates: Date[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) dates.push(d);
  const counts = apportion(total, dates.map((d) => WEEKDAY[d.getUTCDay()] * MONTH[d.getUTCMonth()]));
  return dates.map((d, i) => ({ date: d.toISOString().slice(0, 10), postings: counts[i] }));
}
