import { describe, expect, it } from 'vitest';
import { filtersFromParams, formatHash, parseHash } from '../../dashboard/src/lib/url-state.ts';

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
});
