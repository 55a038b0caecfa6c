/**
 * The loader words its reject reasons for the terminal, in English. People submitting files on
 * the platform read Chinese: each known reason form is given its Chinese wording first, with the
 * loader's own text after it (a form not known here is shown as the loader wrote it).
 */
const FORMS: [RegExp, (...m: string[]) => string][] = [
  [/^missing required value$/, () => '缺少必填值'],
  [/^not an integer$/, () => '不是整数'],
  [/^not a number$/, () => '不是数字'],
  [/^not a boolean \(true\/false\)$/, () => '不是“是/否”值'],
  [/^not a date \(YYYY-MM-DD\)$/, () => '不是日期（年-月-日）'],
  [/^not a (\d+)-digit code$/, (n) => `不是 ${n} 位数字代码`],
  [/^not a lowercase code \(a-z, 0-9, _\)$/, () => '不是小写英文代码（a-z、0-9、_）'],
  [/^does not match (.+)$/, (p) => `格式不符（${p}）`],
  [/^must be ≥ (.+)$/, (n) => `应不小于 ${n}`],
  [/^must be ≤ (.+)$/, (n) => `应不大于 ${n}`],
  [/^must be one of (.+)$/, (list) => `应为以下之一：${list}`],
  [/^unknown (\w+) (.+?)(?: for (\w+) (.+))?$/, (field, value, scope, scoped) => `代码表中没有此 ${field}：${value}${scope ? `（${scope} ${scoped}）` : ''}`],
  [/^duplicate key$/, () => '重复的主键'],
  [/^expected (\d+) fields, found (\d+)$/, (want, got) => `应有 ${want} 列，实际 ${got} 列`],
  [/^quote not closed, or text after a closing quote$/, () => '引号未闭合，或闭合引号后还有文字'],
  [/^line longer than the maximum of ([\d,]+) bytes$/, (n) => `行过长（超过 ${n} 字节）`],
  [/^a code in scientific notation/, () => '代码被写成科学计数法（Excel 显示长数字的方式），位数已丢失：请把该列设为文本后重新保存'],
];

/** `不是整数 — not an integer`; suggestions and back-references carried over. */
export function reasonZh(reason: string): string {
  const suggestion = / — did you mean (.+)\?$/.exec(reason);
  const first = / \(first at line (\d+)\)/.exec(reason);
  const core = reason.replace(/ — did you mean .+\?$/, '').replace(/ \(first at line \d+\)/, '');
  const form = FORMS.find(([pattern]) => pattern.test(core));
  if (!form) return reason;
  const zh = form[1](...core.match(form[0])!.slice(1)) + (first ? `（首次出现在第 ${first[1]} 行）` : '') + (suggestion ? `，是否应为 ${suggestion[1]}？` : '');
  return `${zh} — ${reason}`;
}
