/**
 * How header texts are compared: bureau spreadsheets write the same heading with full-width
 * letters, spaces, a line break inside the cell or a unit in brackets (招生计划数（人）).
 */

/** NFKC (full-width letters and brackets to ASCII), every space and line break removed, lower case. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\ufeff]/gu, '').toLowerCase();
}

/** A unit of tens to hundreds of millions (万人, 千人, 万元, 亿): a figure in it is not a count of ones. */
const SCALED = /^[十百千万亿]+(人次|人|个|名|元)?$/u;

/** Units of ones a heading may end with in brackets (人, 个, %, 年 of 学制（年）…): the figure is the field's. */
const PLAIN_UNIT = /^(人|人次|个|名|所|元|年|岁|%|‰)$/u;

/**
 * The key without a trailing unit of ones in brackets: 招生计划数(人) → 招生计划数, 就业率(%) → 就业率.
 * Anything else in the brackets stays, so the heading is no field's: a unit of thousands (万人,
 * scaledUnit) or a note such as 专业代码(2015版) or 在校生数(2023学年), whose column is not the
 * field of today.
 */
export function withoutUnit(key: string): string {
  return key.replace(/\(([^()]*)\)$/u, (unit, inside: string) => (PLAIN_UNIT.test(inside) ? '' : unit));
}

/** The scaled unit a heading's trailing brackets give and the heading without it (岗位需求数（万人） → 万人, 岗位需求数), or null. */
export function scaledUnit(text: string): { unit: string; heading: string } | null {
  const m = /^(.*)\(([^()]*)\)$/u.exec(text.normalize('NFKC').trim());
  const unit = m?.[2].trim();
  return m && unit !== undefined && SCALED.test(unit) ? { unit, heading: m[1] } : null;
}

/**
 * The unit a title row states for the whole table (单位：千人, 计量单位: 万人) when it is a scaled one,
 * or null; 填报单位：重庆市万州区教委 names who filled the form in, no unit.
 */
export function statedScale(text: string): string | null {
  for (const m of text.normalize('NFKC').matchAll(/单位\s*:\s*([^\s,;)]+)/gu)) if (SCALED.test(m[1])) return m[1];
  return null;
}
