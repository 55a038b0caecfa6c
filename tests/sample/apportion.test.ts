import { describe, expect, it } from 'vitest';
import { apportion, apportionCapped } from '../../pipeline/sample/apportion.ts';

describe('apportion', () => {
  it('splits by largest remainder, ties to the earlier weight', () => {
    // 10/3 = 3.33 each: floors 3+3+3, the one left goes to the first.
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // exact 3.5, 1.75, 1.75 → floors 3, 1, 1; two left go to the .75 remainders.
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
  });

  it('moves what a capped part cannot take to the others', () => {
    // Even split would be 5 + 5, but the first holds 3 at most.
    expect(apportionCapped(10, [1, 1], [3, 20])).toEqual([3, 7]);
    expect(() => apportionCapped(10, [1, 1], [3, 4])).toThrow(/cannot place 10/);
  });
});
