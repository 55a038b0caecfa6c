/**
 * Number and date formatting per UI language with Intl (zh-CN / en), so digit grouping, percent
 * signs and dates follow the reader's conventions. A null value ("not computable") shows as "—".
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
  /** An ISO timestamp as local date and time. */
  dateTime(iso: string): string;
}

const NONE = '—';
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = locale + JSON.stringify(options);
  if (!cache.has(id)) cache.set(id, new Intl.NumberFormat(locale, options));
  return cache.get(id)!;
}

export function formatFor(lang: Lang, timeZone?: string): Format {
  const locale = LOCALES[lang];
  const fmt = (options: Intl.NumberFormatOptions) => (n: number | null) => (n === null || !Number.isFinite(n) ? NONE : numberFormat(locale, options).format(n));
  const fixed = (digits: number, extra: Intl.NumberFormatOptions = {}) =>
    fmt({ minimumFractionDigits: digits, maximumFractionDigits: digits, ...extra });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return {
    int: fmt({ maximumFractionDigits: 0 }),
    dec: (n, digits = 2) => fixed(digits)(n),
    pct: (n, digits = 1) => fixed(digits, { style: 'percent' })(n),
    signedPct: (n, digits = 1) => fixed(digits, { signDisplay: 'exceptZero' })(n === null ? null : n * 100),
    signedInt: fmt({ maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
    dateTime: (iso) => dates.format(new Date(iso)),
  };
}
