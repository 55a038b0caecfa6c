import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, rngFor } from '../../pipeline/sample/mulberry32.ts';

const draws = (rng: () => number, n: number) => Array.from({ length: n }, rng);

describe('mulberry32', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    expect(draws(mulberry32(42), 5)).toEqual(draws(mulberry32(42), 5));
    expect(draws(mulberry32(42), 5)).not.toEqual(draws(mulberry32(43), 5));
  });

  it('draws in [0, 1) and spreads over the interval', () => {
    const xs = draws(mulberry32(7), 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Mean of a uniform draw is 0.5; 10,000 draws land within ±0.02 of it.
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.02);
  });

  it('derives distinct, stable seeds for distinct key paths', () => {
    expect(deriveSeed(1, 'point', 'a')).toBe(deriveSeed(1, 'point', 'a'));
    expect(deriveSeed(1, 'point', 'a')).not.toBe(deriveSeed(1, 'point', 'b'));
    // Keys are separated, so ('ab', 'c') and ('a', 'bc') are different paths.
    expect(deriveSeed(1, 'ab', 'c')).not.toBe(deriveSeed(1, 'a', 'bc'));
    expect(rngFor(1, 'x')()).toBe(mulberry32(deriveSeed(1, 'x'))());
  });
});
