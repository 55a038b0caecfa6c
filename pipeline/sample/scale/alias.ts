/**
 * Walker's alias method: after O(n) set-up, each draw from a discrete distribution costs two
 * uniform numbers and no search, which keeps ten million weighted draws (a year of national
 * postings over ~120,000 county × industry × level cells) cheap.
 */
import type { Rng } from '../mulberry32.ts';

/** A sampler returning an index in 0..weights.length-1 with probability proportional to its weight. */
export function aliasSampler(weights: readonly number[]): (rng: Rng) => number {
  const n = weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error('alias sampler needs a positive total weight');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] -= 1 - scaled[s];
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (rng) => {
    const i = Math.floor(rng() * n);
    return rng() < prob[i] ? i : alias[i];
  };
}
