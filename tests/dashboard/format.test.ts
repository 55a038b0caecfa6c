import { describe, expect, it } from 'vitest';
import { formatFor } from '../../pipeline/shared/format.ts';

describe('formatFor', () => {
  const zh = formatFor('zh', 'Asia/Shanghai');
  const en = formatFor('en', 'UTC');

  it('groups digits and formats fractions as percentages', () => {
    expect(zh.int(301234.6)).toBe('301,235');
    expect(en.pct(0.8912)).toBe('89.1%');
    expect(en.dec(1.456)).toBe('1.46');
    expect(en.signedInt(-1234)).toBe('-1,234');
    expect(en.signedInt(0)).toBe('0');
    // a change of 0.012 (fraction) is +1.2 percentage points
    expect(en.signedPct(0.012)).toBe('+1.2');
  });

  it('prints a value that rounds to zero from below as 0, never -0', () => {
    expect(zh.int(-0.4)).toBe('0');
    expect(zh.int(-0)).toBe('0');
    expect(zh.int(-1234.4)).toBe('-1,234');
    expect(en.dec(-0.001)).toBe('0.00');
    expect(en.pct(-0.0001)).toBe('0.0%');
    expect(en.pct(-0.25)).toBe('-25.0%');
  });

  it('writes money in 万元 and 亿元, its digits grouped as every other figure', () => {
    expect(zh.money(82_130_000)).toBe('8,213万元');
    expect(zh.money(-55_000_000)).toBe('-5,500万元');
    expect(zh.money(1.2e9)).toBe('12亿元');
  });

  it('shows "not computable" as a dash', () => {
    expect(zh.pct(null)).toBe('—');
    expect(en.dec(Number.NaN)).toBe('—');
  });

  it('formats refresh times for the reader', () => {
    // 01:00 UTC is 09:00 in Chongqing
    expect(zh.dateTime('2025-11-29T01:00:00Z')).toBe('2025年11月29日 09:00');
    expect(en.dateTime('2025-11-29T01:00:00Z')).toBe('Nov 29, 2025, 1:00 AM');
  });
});

describe('moneyIn: money on an axis, one unit for every tick, the one its largest value reads best in', () => {
  it('writes every tick of an axis in the unit of its largest value', () => {
    const zh = formatFor('zh');
    // money() alone switches unit at 1亿: an axis of 0 to 1.2亿 would read 9,000万元 then 1亿元.
    expect([9e7, 1e8].map((n) => zh.money(n))).toEqual(['9,000万元', '1亿元']);
    expect([0, 5e7, 9e7, 1.2e8].map(zh.moneyIn(1.2e8))).toEqual(['0亿元', '0.5亿元', '0.9亿元', '1.2亿元']);
    expect([-2e6, 0, 8.5e6].map(zh.moneyIn(8.5e6))).toEqual(['-200万元', '0万元', '850万元']);
    expect([0, 900].map(zh.moneyIn(900))).toEqual(['0元', '900元']);
    const en = formatFor('en');
    expect([5e8, 1.2e9].map(en.moneyIn(1.2e9))).toEqual(['CN¥0.5B', 'CN¥1.2B']);
    // With fixed digits every value shows them: 8,213.0万元 beside 8,082.6万元.
    expect([8.213e7, 8.0826e7, -2e6].map(zh.moneyIn(8.213e7, 1))).toEqual(['8,213.0万元', '8,082.6万元', '-200.0万元']);
    expect([5e8].map(en.moneyIn(1.2e9, 1))).toEqual(['CN¥0.5B']);
    expect(zh.moneyIn(1e8)(null)).toBe('—');
  });
});
