import { describe, expect, it } from 'vitest';
import { AddressThrottle } from '../../pipeline/platform/login.ts';

describe('the login throttle of one address', () => {
  it('allows its number of attempts in any sixty seconds, not per clock minute', () => {
    const throttle = new AddressThrottle(3);
    // Three attempts just before a minute turns and one just after: four within two seconds.
    const at = [59_000, 59_500, 59_900, 60_100].map((ms) => 10 * 60_000 + ms);
    expect(at.map((now) => throttle.take('10.0.0.1', now).ok)).toEqual([true, true, true, false]);
    // The wait runs until the first of the three is a minute old.
    expect(throttle.take('10.0.0.1', at[3]).retryAfterS).toBe(59);
    expect(throttle.take('10.0.0.1', at[0] + 60_000).ok).toBe(true);
  });

  it('counts each address apart', () => {
    const throttle = new AddressThrottle(1);
    expect(throttle.take('10.0.0.1', 0).ok).toBe(true);
    expect(throttle.take('10.0.0.2', 0).ok).toBe(true);
    expect(throttle.take('10.0.0.1', 1).ok).toBe(false);
  });
});
