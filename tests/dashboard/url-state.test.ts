import { describe, expect, it } from 'vitest';
import { filtersFromParams, formatHash, parseHash, resolveParams } from '../../dashboard/src/lib/url-state.ts';

describe('url state', () => {
  it('round-trips a view with its filters', () => {
    const hash = '#/gaps?year=2025&level=higher&district=500112';
    const state = parseHash(hash);
    expect(state).toEqual({ route: 'gaps', params: { year: '2025', level: 'higher', district: '500112' } });
    expect(formatHash(state)).toBe(hash);
    expect(filtersFromParams(state.params)).toEqual({ year: 2025, level: 'higher', district: '500112', ownership: '' });
  });

  it('falls back to the overview and drops invalid filter values', () => {
    const state = parseHash('#/nowhere?level=phd&year=20x5&district=1&ownership=private');
    expect(state.route).toBe('overview');
    expect(filtersFromParams(state.params)).toEqual({ year: null, level: '', district: '', ownership: 'private' });
  });

  it('treats an empty hash as the overview with no parameters', () => {
    expect(parseHash('')).toEqual({ route: 'overview', params: {} });
    expect(formatHash({ route: 'data', params: { lang: '' } })).toBe('#/data');
  });

  it('says which unknown route a hash named, and nothing for a known or empty one', () => {
    expect(parseHash('#/nosuchview?year=2025')).toEqual({ route: 'overview', params: { year: '2025' }, unknownRoute: 'nosuchview' });
    expect(parseHash('#/gaps').unknownRoute).toBeUndefined();
    expect(parseHash('#/').unknownRoute).toBeUndefined();
  });

  it('replaces a parameter naming nothing the data has by the fallback, and says so', () => {
    const rules = [
      { key: 'year', valid: ['2025', '2024'], fallback: '2025' },
      { key: 'district', valid: ['500101', '500112'], fallback: '' },
      { key: 'alpha', valid: (v: string) => Number.isFinite(Number(v)), fallback: '' },
      { key: 'industry', valid: null, fallback: 'ai' },
    ];
    expect(resolveParams({ year: '2024', district: '500112', alpha: '0.5' }, rules)).toEqual({
      values: { year: '2024', district: '500112', alpha: '0.5', industry: 'ai' }, fixes: [],
    });
    expect(resolveParams({ year: '1999', district: '999999', alpha: 'abc', industry: 'xyz' }, rules)).toEqual({
      values: { year: '2025', district: '', alpha: '', industry: 'xyz' },
      fixes: [{ key: 'year', given: '1999', shown: '2025' }, { key: 'district', given: '999999', shown: '' }, { key: 'alpha', given: 'abc', shown: '' }],
    });
    // Absent is not wrong: the fallback is shown without a fix.
    expect(resolveParams({}, rules).fixes).toEqual([]);
  });
});
