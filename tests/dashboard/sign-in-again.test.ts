import { describe, expect, it } from 'vitest';
import { returnTo, sessionEnded, signInAgain } from '../../dashboard/src/lib/sign-in-again.ts';

describe('signing in again after a session ended', () => {
  it('sends the login page the view that was open, and takes back only a view of this dashboard', () => {
    const login = signInAgain('#/gaps?year=2025&district=500101');
    expect(login).toBe('login?expired=1&next=%23%2Fgaps%3Fyear%3D2025%26district%3D500101');
    const search = login.slice(login.indexOf('?'));
    expect(sessionEnded(search)).toBe(true);
    expect(returnTo(search, './')).toBe('./#/gaps?year=2025&district=500101');
    // nothing that leaves the page: another site, a path, a script
    for (const next of ['https://example.org/#/gaps', '//example.org', '/platform', 'javascript:alert(1)', '#/gaps#x']) {
      expect(returnTo(`?next=${encodeURIComponent(next)}`, './'), next).toBe('./');
    }
    expect(returnTo('', './#/?lang=en')).toBe('./#/?lang=en');
    expect(sessionEnded('')).toBe(false);
  });
});
