/**
 * What the parameters of one view may hold, from the data that view has loaded: each a ParamRule
 * for checkParams, so a stale link's value is replaced by what is shown, the URL corrected and the
 * reader told, as for the filters. `null` while the data loads (the value is taken unchecked).
 * The views add the label and the words for a value.
 */
import type { ParamRule } from './url-state.ts';

/** One of `years`, else the latest of them. */
function latestYear(key: string, years: readonly number[] | null): ParamRule {
  return { key, valid: years?.map(String) ?? null, fallback: years?.length ? String(Math.max(...years)) : '' };
}

export const VIEW_PARAMS = {
  /** An industry picked for the trend charts; none picked shows the largest gaps. */
  trend: (industries: readonly string[]): ParamRule => ({ key: 'trend', valid: industries, fallback: '' }),
  /** A shortage industry of the year whose candidates are listed; else the first (largest gap). */
  candidates: (shortages: readonly string[] | null): ParamRule => ({ key: 'candidates', valid: shortages, fallback: shortages?.[0] ?? '' }),
  /** A major supplying the drilled industry; none picked shows all of them. */
  major: (majors: readonly string[] | null): ParamRule => ({ key: 'major', valid: majors, fallback: '' }),
  /** A year of recommendations checked against the next year's programmes; else the latest of them. */
  recommended: (checked: readonly number[] | null): ParamRule => latestYear('recommended', checked),
  /** A year of a tracked plan; else the latest. */
  planYear: (tracked: readonly number[] | null): ParamRule => latestYear('planYear', tracked),
  /** A school's page; an unknown school shows the school list. */
  school: (schools: readonly string[] | null): ParamRule => ({ key: 'school', valid: schools, fallback: '' }),
} satisfies Record<string, (...args: never[]) => ParamRule>;
