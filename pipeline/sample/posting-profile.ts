/**
 * The shape of the synthetic postings feed: how often a posting says little about its industry,
 * how big postings are, how often a site re-sends one, and how the year's hiring rises and falls.
 * Shares are of postings; the openings they carry come from demand.csv (see postings.ts).
 */
export const POSTING_PROFILE = {
  /** Titles that say nothing about the industry (普工, 储备干部, 导购 …). */
  genericTitleShare: 0.12,
  /** Cross-cutting titles (大数据开发工程师, 仓管员 …) that take the employer's industry. */
  crossCuttingTitleShare: 0.05,
  /** Industry titles the rule set does not know yet. */
  unknownTitleShare: 0.03,
  /** Titles wrapped in campaign text (急招…（包吃住）, …+五险一金). */
  campaignShare: 0.15,
  /** Employers whose name says nothing about the industry (实业, 人力资源服务 …). */
  genericEmployerShare: 0.45,
  /** Employers for which the platform reports a category at all. */
  hintShare: 0.55,
  /** Of those, categories that say nothing (其他 …). */
  genericHintShare: 0.15,
  /** Postings re-sent on a later day with the same posting_id. */
  resendShare: 0.04,
  /** Days between the first and the re-sent copy. */
  resendGap: [3, 30] as [number, number],
  /** Extra postings asking for no vocational level (education 'other'), outside the aggregated demand. */
  otherEducationShare: 0.06,
  /** Employers per industry and district. */
  employersPerCell: [2, 6] as [number, number],
  /** Headcount of a posting and its weight: most postings ask for one or two people. */
  headcounts: [
    [1, 35], [2, 25], [3, 15], [5, 10], [8, 7], [10, 5], [20, 3],
  ] as [number, number][],
};

/** Hiring by month (January = 0): the post-festival surge (金三银四) and the autumn one (金九银十). */
const MONTH_FACTOR = [0.8, 0.75, 1.35, 1.2, 1, 0.95, 0.9, 0.9, 1.2, 1.05, 0.95, 0.8];
const WEEKDAY_FACTOR = [0.3, 1, 1, 1, 1, 1, 0.45]; // Sunday = 0
/** Public holidays of 2025 when sites post little: Spring Festival and National Day weeks. */
const QUIET_DAYS = [['2025-01-28', '2025-02-04'], ['2025-10-01', '2025-10-08']];

/** Relative number of postings on a day. */
export function dayWeight(date: Date): number {
  const iso = date.toISOString().slice(0, 10);
  const quiet = QUIET_DAYS.some(([from, to]) => iso >= from && iso <= to);
  return MONTH_FACTOR[date.getUTCMonth()] * WEEKDAY_FACTOR[date.getUTCDay()] * (quiet ? 0.2 : 1);
}
