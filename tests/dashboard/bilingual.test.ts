import { describe, expect, it } from 'vitest';
import { halves, inLanguage } from '../../dashboard/src/lib/bilingual.ts';

describe('messages said in both languages', () => {
  it('splits at the dash between the halves, a table named before the Chinese half kept with it', () => {
    expect(halves('postings: 疑似重复岗位 — 413 postings repeat another — under another id')).toEqual(
      { zh: 'postings: 疑似重复岗位', en: '413 postings repeat another — under another id' });
    expect(halves('no halves here')).toBeNull();
  });

  it("says a message in the page's language, the English half capitalised; one not in two halves as it is", () => {
    const message = '用户名或密码错误 — wrong user name or password';
    expect(inLanguage(message, 'zh')).toBe('用户名或密码错误');
    expect(inLanguage(message, 'en')).toBe('Wrong user name or password');
    expect(inLanguage('HTTP 502', 'zh')).toBe('HTTP 502');
  });
});
