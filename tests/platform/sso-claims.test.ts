/** Single sign-on settings and the mapping of an identity provider's claims to a role and schools. */
import { describe, expect, it } from 'vitest';
import { mapClaims, ssoSettings } from '../../pipeline/platform/sso-claims.ts';

const ENV = {
  CHANJIAO_OIDC_ISSUER: 'https://id.example.gov.cn/realms/edu', CHANJIAO_OIDC_CLIENT_ID: 'chanjiao', CHANJIAO_OIDC_CLIENT_SECRET: 's',
  CHANJIAO_OIDC_REDIRECT_URL: 'https://chanjiao.example.gov.cn/auth/callback', CHANJIAO_OIDC_ROLE_CLAIM: 'groups',
  CHANJIAO_OIDC_ROLES: 'jyj-admin=admin,jyj=analyst,school=school,rsj=provider', CHANJIAO_OIDC_SCHOOLS: '5001001,5001002',
};
const settings = ssoSettings(ENV)!;

describe('single sign-on settings', () => {
  it('is off without an issuer and refuses an incomplete or unsafe setup', () => {
    expect(ssoSettings({})).toBeNull();
    expect(() => ssoSettings({ ...ENV, CHANJIAO_OIDC_CLIENT_SECRET: '' })).toThrow(/CHANJIAO_OIDC_CLIENT_SECRET/);
    expect(() => ssoSettings({ ...ENV, CHANJIAO_OIDC_ROLES: 'jyj=boss' })).toThrow(/value=role/);
    expect(() => ssoSettings({ ...ENV, CHANJIAO_OIDC_ISSUER: 'http://id.example.gov.cn' })).toThrow(/https/);
    expect(() => ssoSettings({ ...ENV, CHANJIAO_OIDC_REDIRECT_URL: 'https://chanjiao.example.gov.cn/cb' })).toThrow(/\/auth\/callback/);
    expect(ssoSettings({ ...ENV, CHANJIAO_OIDC_ISSUER: 'http://127.0.0.1:9000' })!.issuer.href).toBe('http://127.0.0.1:9000/');
  });
});

describe('claims → account', () => {
  const base = { sub: 'u-1', preferred_username: 'zhang.san', name: '张三' };
  it('maps a role value and the school codes', () => {
    expect(mapClaims(settings, { ...base, groups: ['staff', 'school'], school_codes: '5001002' })).toEqual({
      ok: true, account: { subject: 'u-1', username: 'zhang.san', display_name: '张三', role: 'school', schools: ['5001002'], inputs: [] },
    });
    expect(mapClaims(settings, { ...base, groups: 'rsj', inputs: ['demand'] })).toMatchObject({ ok: true, account: { role: 'provider', inputs: ['demand'] } });
  });
  it('refuses an unmapped role, several roles, a school outside the allowed list, an unknown input', () => {
    expect(mapClaims(settings, { ...base, groups: ['student'] })).toMatchObject({ ok: false, reason: 'role', message: expect.stringContaining('“student”（声明 groups）未获授权') });
    expect(mapClaims(settings, { ...base })).toMatchObject({ ok: false, reason: 'role' });
    expect(mapClaims(settings, { ...base, groups: ['jyj', 'school'], school_codes: ['5001001'] })).toMatchObject({ ok: false, reason: 'role', message: expect.stringContaining('多个角色') });
    expect(mapClaims(settings, { ...base, groups: 'school', school_codes: ['5001001', '5009999'] })).toMatchObject({ ok: false, reason: 'school', message: expect.stringContaining('“5009999”') });
    expect(mapClaims(settings, { ...base, groups: 'school' })).toMatchObject({ ok: false, reason: 'school' });
    expect(mapClaims(settings, { ...base, groups: 'rsj', inputs: ['../etc'] })).toMatchObject({ ok: false, reason: 'input' });
    expect(mapClaims(settings, { ...base, preferred_username: '../x', groups: 'jyj' })).toMatchObject({ ok: false, reason: 'username' });
  });
});
