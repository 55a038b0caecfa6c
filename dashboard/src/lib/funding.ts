/**
 * The funding coefficient, recomputed in the browser so analysts can vary the policy live. Same
 * formula as docs/metrics.md and mart_funding:
 *   coefficient = clip(base × cost_factor(cost_tier) × (1 + α × urgency), band_low, band_high)
 *   budget_impact = students × per_student_base × (coefficient − 1)
 * and the part of it resting on estimated students, the same with estimated_students.
 */
import type { FundingPolicy, FundingRow } from './types.ts';
import type { Format } from '../../../pipeline/shared/format.ts';

export function costFactor(policy: FundingPolicy, tier: number): number {
  const factor = policy[`cost_factor_${tier}` as keyof FundingPolicy];
  if (factor === undefined) throw new Error(`no cost factor for cost tier ${tier}`);
  return factor;
}

export function coefficient(policy: FundingPolicy, costTier: number, urgency: number): number {
  const raw = policy.base * costFactor(policy, costTier) * (1 + policy.alpha * urgency);
  return Math.min(policy.band_high, Math.max(policy.band_low, raw));
}

/** mart_funding rows with coefficient, cost factor and budget impact recomputed under `policy`. */
export function recomputeFunding(rows: readonly FundingRow[], policy: FundingPolicy): FundingRow[] {
  return rows.map((row) => {
    const c = coefficient(policy, row.cost_tier, row.urgency);
    return {
      ...row, cost_factor: costFactor(policy, row.cost_tier), coefficient: c,
      budget_impact: row.students * policy.per_student_base * (c - 1),
      budget_impact_estimated: row.estimated_students * policy.per_student_base * (c - 1),
    };
  });
}

/**
 * An axis of money written in one unit, that of its largest value (Format.moneyIn), and the name of
 * that unit for the axis label: the label then names the unit every tick is in, 亿元 or 万元, not both.
 */
export function moneyAxis(f: Format, largest: number): { tick: (n: number | null) => string; unit: string } {
  return { tick: f.moneyIn(largest), unit: f.moneyUnit(largest) };
}
