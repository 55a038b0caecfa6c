/**
 * Funding parameters in the URL (`#/funding?alpha=0.5&band_high=1.8`), so a proposal under
 * discussion can be shared as a link. Missing or non-numeric values fall back to the policy file.
 */
import type { FundingPolicy } from './types.ts';

export const FUNDING_KEYS = ['alpha', 'band_low', 'band_high', 'base', 'per_student_base', 'cost_factor_1', 'cost_factor_2', 'cost_factor_3'] as const;

export function fundingFromParams(params: Record<string, string>, policy: FundingPolicy): FundingPolicy {
  const out = { ...policy };
  for (const key of FUNDING_KEYS) {
    const value = params[key] === undefined || params[key] === '' ? Number.NaN : Number(params[key]);
    if (Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** Parameters equal to the policy are left out of the URL, so a reset link is the bare route. */
export function fundingToParams(values: FundingPolicy, policy: FundingPolicy): Record<string, string> {
  return Object.fromEntries(FUNDING_KEYS.map((k) => [k, values[k] === policy[k] ? '' : String(values[k])]));
}

export type FundingProblem = 'band' | 'alpha' | 'negative';

/**
 * What makes a set of parameters meaningless: a lower bound above the upper one, a negative α
 * (it would turn urgency into a cut), a negative base, cost factor or per-student amount.
 */
export function fundingProblems(values: FundingPolicy): FundingProblem[] {
  const problems: FundingProblem[] = [];
  if (values.band_low > values.band_high) problems.push('band');
  if (values.alpha < 0) problems.push('alpha');
  if ([values.base, values.per_student_base, values.cost_factor_1, values.cost_factor_2, values.cost_factor_3, values.band_low].some((v) => v < 0)) problems.push('negative');
  return problems;
}
