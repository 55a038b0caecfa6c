/** Integer splits that add up exactly, so cells always sum to the figure they were cut from. */

/** Splits an integer total over weights by largest remainder (ties go to the earlier weight). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

/**
 * Like apportion, but no part exceeds its cap; what a capped part cannot take goes to the
 * others. Throws when the caps together cannot hold the total.
 */
export function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  if (caps.reduce((a, b) => a + b, 0) < total) throw new Error(`cannot place ${total} within capacities ${caps.join('+')}`);
  const parts = apportion(total, weights).map((p, i) => Math.min(p, caps[i]));
  let left = total - parts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const open = parts.flatMap((p, i) => (p < caps[i] ? [i] : []));
    const extra = apportion(left, open.map((i) => weights[i] || 1));
    open.forEach((i, j) => {
      const add = Math.min(extra[j], caps[i] - parts[i]);
      parts[i] += add;
      left -= add;
    });
  }
  return parts;
}
