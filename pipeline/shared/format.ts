/**
 * Number and date formatting per language with Intl (zh-CN / en), so digit grouping, percent
 * signs and dates follow the reader's conventions. A null value ("not computable") shows as "—".
 * Shared by the dashboard and the reports, so a figure reads the same on screen and in a file:
 * people as integers, fill ratios and shares as percentages, money in 万元 / 亿元.
 */
export type Lang = 'zh' | 'en';
export const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export interface Format {
  int(n: number | null): string;
  dec(n: number | null, digits?: number): string;
  /** A fraction as a percentage: 0.891 → "89.1%". */
  pct(n: number | null, digits?: number): string;
  /** A signed change of a fraction, in percentage points: 0.012 → "+1.2". */
  signedPct(n: number | null, digits?: number): string;
  signedInt(n: number | null): string;
  /** Yuan in 万元 / 亿元 (CN¥ thousands / millions / billions in English): 1.2e8 → "1.2亿元". */
  money(n: number | null): string;
  /**
   * Yuan in the one unit `largest` (an axis' largest value) reads best in: 0.9亿元 and 1.2亿元 on one
   * axis, not 9,000万元 and 1.2亿元; up to one decimal, or exactly `digits` (8,213.0万元 beside 8,082.6万元).
   */
  moneyIn(largest: number, digits?: number): (n: number | null) => string;
  /** The unit moneyIn(largest) writes, for an axis label: 亿元, 万元, 元 (CN¥M, CN¥K … in English). */
  moneyUnit(largest: number): string;
  /** An ISO timestamp as local date and time. */
  dateTime(iso: string): string;
}

const NONE = '—';

/** Units of money by size, largest first. */
const ZH_MONEY: [number, string][] = [[1e8, '亿元'], [1e4, '万元']];
const EN_MONEY: [number, string][] = [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/** Formatters are built once per (language, style): constructing Intl objects is the slow part. */
export function formatFor(lang: Lang, timeZone?: string): Format {
  const locale = LOCALES[lang];
  const made = new Map<string, (n: number | null) => string>();
  const fmt = (key: string, options: () => Intl.NumberFormatOptions) => {
    let format = made.get(key);
    if (!format) {
      const intl = new Intl.NumberFormat(locale, options());
      format = (n) => (n === null || !Number.isFinite(n) ? NONE : intl.format(n));
      made.set(key, format);
    }
    return format;
  };
  // A value that rounds to zero from below prints "0", not "-0" (a gap of -0.4 people is no gap).
  const fixed = (digits: number, extra: Intl.NumberFormatOptions = {}) => (): Intl.NumberFormatOptions =>
    ({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative', ...extra });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  /** The divisor and unit name money of this size is written in (moneyIn, moneyUnit). */
  const moneyScale = (largest: number): [number, string] =>
    (lang === 'zh' ? ZH_MONEY : EN_MONEY).find(([u]) => Math.abs(largest) >= u) ?? (lang === 'zh' ? [1, '元'] : [1, '']);
  return {
    int: fmt('int', () => ({ maximumFractionDigits: 0, signDisplay: 'negative' })),
    dec: (n, digits = 2) => fmt(`dec${digits}`, fixed(digits))(n),
    pct: (n, digits = 1) => fmt(`pct${digits}`, fixed(digits, { style: 'percent' }))(n),
    signedPct: (n, digits = 1) => fmt(`signedPct${digits}`, fixed(digits, { signDisplay: 'exceptZero' }))(n === null ? null : n * 100),
    signedInt: fmt('signedInt', () => ({ maximumFractionDigits: 0, signDisplay: 'exceptZero' })),
    money: lang === 'zh'
      // grouped as every other figure: 8,213万元 (compact notation leaves 4 digits ungrouped)
      ? (n) => { const text = fmt('money', () => ({ notation: 'compact', maximumFractionDigits: 1, useGrouping: true }))(n); return n === null || !Number.isFinite(n) ? text : `${text}元`; }
      : fmt('money', () => ({ style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 1 })),
    moneyIn: (largest, digits) => {
      const [unit, name] = moneyScale(largest);
      const number = digits === undefined ? fmt('moneyIn', () => ({ maximumFractionDigits: 1, signDisplay: 'negative' })) : fmt(`moneyIn${digits}`, fixed(digits));
      return (n) => (n === null || !Number.isFinite(n) ? NONE : lang === 'zh' ? `${number(n / unit)}${name}` : `CN¥${number(n / unit)}${name}`);
    },
    moneyUnit: (largest) => (lang === 'zh' ? moneyScale(largest)[1] : `CN¥${moneyScale(largest)[1]}`),
    dateTime: (iso) => dates.format(new Date(iso)),
  };
}
