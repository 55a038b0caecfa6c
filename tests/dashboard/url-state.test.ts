import { describe, expect, it } from 'vitest';
import { filtersFromParams, formatHash, parseHash, resolveParams } from '../../dashboard/src/lib/url-state.ts';
import { VIEW_PARAMS } from '../../dashboard/src/lib/link-params.ts';

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

  it('checks the parameters of single views like the filters: a stale value is replaced by what is shown, and said so', () => {
    const rules = [
      VIEW_PARAMS.trend(['ai', 'auto']),
      VIEW_PARAMS.candidates(['auto', 'ai']),
      VIEW_PARAMS.major(['460101', '510201']),
      VIEW_PARAMS.recommended([2022, 2024, 2023]),
      VIEW_PARAMS.planYear([2025]),
      VIEW_PARAMS.school(['5001001', '5001002']),
    ];
    const good = { trend: 'ai', candidates: 'ai', major: '510201', recommended: '2023', planYear: '2025', school: '5001002' };
    expect(resolveParams(good, rules)).toEqual({ values: good, fixes: [] });
    // Absent: what each view shows by default, with nothing to correct.
    expect(resolveParams({}, rules)).toEqual({
      values: { trend: '', candidates: 'auto', major: '', recommended: '2024', planYear: '2025', school: '' }, fixes: [],
    });
    const stale = { trend: 'xyz', candidates: 'food', major: '999999', recommended: '1990', planYear: 'abc', school: '9999999' };
    expect(resolveParams(stale, rules)).toEqual({
      values: { trend: '', candidates: 'auto', major: '', recommended: '2024', planYear: '2025', school: '' },
      fixes: [
        { key: 'trend', given: 'xyz', shown: '' }, { key: 'candidates', given: 'food', shown: 'auto' }, { key: 'major', given: '999999', shown: '' },
        { key: 'recommended', given: '1990', shown: '2024' }, { key: 'planYear', given: 'abc', shown: '2025' }, { key: 'school', given: '9999999', shown: '' },
      ],
    });
    // While the view's data loads, the link's value is taken as it is.
    const loading = [VIEW_PARAMS.candidates(null), VIEW_PARAMS.major(null), VIEW_PARAMS.recommended(null), VIEW_PARAMS.planYear(null), VIEW_PARAMS.school(null)];
    expect(resolveParams(stale, loading).fixes).toEqual([]);
  });
});
