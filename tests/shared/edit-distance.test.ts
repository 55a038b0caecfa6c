import { describe, expect, it } from 'vitest';
import { editDistance, jaroWinkler } from '../../pipeline/shared/edit-distance.ts';

describe('editDistance', () => {
  it('counts characters, not bytes, and a swap of neighbours as one edit', () => {
    expect(editDistance('开县', '忠县')).toBe(1);
    expect(editDistance('沙坪坝县', '沙坪坝区')).toBe(1);
    expect(editDistance('460690', '460609')).toBe(1);
    expect(editDistance('4606', '460609')).toBe(2);
    expect(editDistance('', '渝中区')).toBe(3);
    expect(editDistance('渝中区', '渝中区')).toBe(0);
  });
});

describe('jaroWinkler', () => {
  it('is 1 for equal strings, 0 for nothing in common, and higher for a shared prefix', () => {
    expect(jaroWinkler('460609', '460609')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    // the textbook pair: Jaro 0.944…, Winkler 0.961…
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('500160', '500106')).toBeGreaterThan(jaroWinkler('500160', '501600'));
  });
});
