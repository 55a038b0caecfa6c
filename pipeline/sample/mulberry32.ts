/**
 * Seeded pseudo-random numbers. The sample must be byte-identical for a given seed on any
 * machine, so it never touches Math.random: every draw comes from a mulberry32 stream.
 */

/** A stream of uniform draws in [0, 1). */
export type Rng = () => number;

/** mulberry32: a tiny 32-bit generator, good enough for synthetic data and fully reproducible. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent seed from a base seed and a path of keys (FNV-1a), so that e.g. one
 * programme point's draws do not shift when another point is added before it.
 */
export function deriveSeed(seed: number, ...keys: (string | number)[]): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of keys.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A stream for one named part of the sample. */
export const rngFor = (seed: number, ...keys: (string | number)[]): Rng => mulberry32(deriveSeed(seed, ...keys));
