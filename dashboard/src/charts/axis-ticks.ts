/** Thinning an axis's ticks on a narrow chart, so that no two tick labels overlap. */
import { textWidth } from '../lib/text-width.ts';

/**
 * Every k-th tick, k the smallest step at which the widest label fits between neighbours, counted
 * from `keep` (a tick that must stay: zero, or the latest year).
 */
export function spacedTicks(ticks: readonly number[], at: (value: number) => number, label: (value: number) => string,
  keep: number = ticks[0], fontSize = 11): number[] {
  if (ticks.length < 2) return [...ticks];
  const spacing = Math.abs(at(ticks[1]) - at(ticks[0]));
  const widest = Math.max(...ticks.map((t) => textWidth(label(t), fontSize)));
  const step = Math.max(1, Math.ceil((widest + 8) / Math.max(1, spacing)));
  const from = Math.max(0, ticks.indexOf(keep));
  return ticks.filter((_, i) => Math.abs(i - from) % step === 0);
}
