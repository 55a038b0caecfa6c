/**
 * The loader words its reject reasons in English, for matching and logs. People read Chinese: the
 * terminal, rejects.csv and the platform give each known reason form its Chinese wording first,
 * with the loader's own text after it (a form not known here is shown as the loader wrote it).
 */
const FORMS: [RegExp, (...m: string[]) => string][] = [
  [/^missing required value$/, () => '缺少必填值'],
  [/^not an integer$/, () => '不是整数'],
  [/^not a number$/, () => '不是数字'],
  [/^not a boolean \(true\/false\)$/, () => '不是“是/否”值'],
  [/^not a date \(YYYY-MM-DD\)$/, () => '不是日期（年-月-日）'],
  [/^not a (\d+)-digit code$/, (n) => `不是 ${n} 位数字代码`],
  [/^not a (\d+)-digit code \(or \d+ digits and K\)$/, (n) => `不是 ${n} 位数字专业代码（国控专业为 ${n} 位数字加 K）`],
  [/^major (\S+) (.+) is (\S+) \(\w+\) but school (\S+) (.+) is (\S+) \(\w+\)$/,
    (code, name, level, school, schoolName, schoolLevel) => `专业 ${code} ${name} 属${level}，而学校 ${school} ${schoolName} 为${schoolLevel}：层次不符`],
  [/^not a lowercase code \(a-z, 0-9, _\)$/, () => '不是小写英文代码（a-z、0-9、_）'],
  [/^does not match (.+)$/, (p) => `格式不符（${p}）`],
  [/^must be ≥ (.+)$/, (n) => `应不小于 ${n}`],
  [/^must be ≤ (.+)$/, (n) => `应不大于 ${n}`],
  [/^must be one of (.+?)(; other words: mapping\.json "values")?$/, (list, other) => `应为以下之一：${list}${other ? '；其他写法可由数据目录的 mapping.json（values）指明，或请管理员添加' : ''}`],
  [/^unknown (\w+) (.+?)(?: for (\w+) (.+))?$/, (field, value, scope, scoped) => `代码表中没有此 ${field}：${value}${scope ? `（${scope} ${scoped}）` : ''}`],
  [/^not listed: (\w+) (.+?) for year (\d+) for school_code (\S+)$/, (field, value, year, school) =>
    `备案清单中没有此专业点：${year} 年 ${school} 的 ${field} ${value}（清单中该行若因其他原因被拒绝，请先改正那一行）`],
  [/^duplicate key$/, () => '重复的主键'],
  [/^expected (\d+) fields, found (\d+)$/, (want, got) => `应有 ${want} 列，实际 ${got} 列`],
  [/^quote not closed, or text after a closing quote$/, () => '引号未闭合，或闭合引号后还有文字'],
  [/^line longer than the maximum of ([\d,]+) bytes$/, (n) => `行过长（超过 ${n} 字节）`],
  [/^a code in scientific notation/, () => '代码被写成科学计数法（Excel 显示长数字的方式），位数已丢失：请把该列设为文本后重新保存'],
];

/** A K major typed without its K: the loader's hint after the reason. */
const K_HINT = / — 国控专业代码带 K: the catalogue code is (\S+) (.+)$/;

/** Any other hint the loader appends in both languages, ` — 中文: English` (suggest.ts): its Chinese goes with the reason's. */
const HINT = / — ([^—:]*\p{Script=Han}[^—:]*): [^—]+$/u;

/** The value as read where normalisation rewrote the file's text: the loader appends it last (rejects/collect.ts). */
const READ_AS = ' (read as ';

/** `不是整数 — not an integer`; suggestions, the loader's hints, back-references and the value as read carried over. */
export function reasonZh(reason: string): string {
  const at = reason.endsWith(')') ? reason.lastIndexOf(READ_AS) : -1;
  const readAs = at < 0 ? undefined : reason.slice(at + READ_AS.length, -1);
  const rest = at < 0 ? reason : reason.slice(0, at);
  const first = / \(first at line (\d+)\)/.exec(rest);
  const plain = rest.replace(/ \(first at line \d+\)/, '');
  const suggestion = / — did you mean (.+)\?$/.exec(plain);
  const k = K_HINT.exec(plain);
  const hint = k ? null : HINT.exec(plain);
  const core = plain.replace(/ — did you mean .+\?$/, '').replace(K_HINT, '').replace(HINT, '');
  const form = FORMS.find(([pattern]) => pattern.test(core));
  if (!form) return reason;
  const zh = form[1](...core.match(form[0])!.slice(1)) + (first ? `（首次出现在第 ${first[1]} 行）` : '')
    + (k ? `：国控专业代码带 K，目录中为 ${k[1]} ${k[2]}` : '') + (hint ? `：${hint[1]}` : '') + (suggestion ? `，是否应为 ${suggestion[1]}？` : '')
    + (readAs === undefined ? '' : `（读作 ${readAs === 'no value' ? '空值' : readAs}）`);
  return `${zh} — ${reason}`;
}
