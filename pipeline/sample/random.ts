/** Draw helpers on top of a seeded stream; each one uses a fixed number of draws where it can. */
import type { Rng } from './mulberry32.ts';

/** Integer in [low, high], both included. */
export const randInt = (rng: Rng, low: number, high: number): number => low + Math.floor(rng() * (high - low + 1));

/** A factor around 1, e.g. spread 0.2 gives 0.8..1.2: the noise on every synthetic figure. */
export const jitter = (rng: Rng, spread: number): number => 1 + (rng() * 2 - 1) * spread;

/** Log-normal-ish factor (median 1): sizes of schools and programmes are skewed, not uniform. */
export function skewed(rng: Rng, sigma: number): number {
  const normal = rng() + rng() + rng() + rng() - 2; // Irwin–Hall, variance 1/3
  return Math.exp(normal * sigma * Math.sqrt(3));
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draws k distinct items with probability proportional to weight (Efraimidis–Spirakis keys),
 * in one pass: how a school picks its majors from a catalogue with popular and rare entries.
 */
export function sampleWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number, k: number): T[] {
  return items
    .map((item) => ({ item, key: Math.log(rng()) / weight(item) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map((entry) => entry.item);
}

/** One item with probability proportional to weight. */
export const pickWeighted = <T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T =>
  sampleWeighted(rng, items, weight, 1)[0];
