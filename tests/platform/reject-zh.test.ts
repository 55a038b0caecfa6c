/** Reject reasons as people submitting files read them: the Chinese wording first, the loader's text after it. */
import { describe, expect, it } from 'vitest';
import { reasonZh } from '../../pipeline/shared/reason-zh.ts';
import { refusalZh } from '../../pipeline/platform/reject-zh.ts';
import { SCIENTIFIC_REASON } from '../../pipeline/load/field-reasons.ts';
import { LONG_LINE_REASON } from '../../pipeline/load/csv-shape.ts';

describe('reasons in Chinese', () => {
  it('words every form the loader writes for a whole line or a code that cannot be read', () => {
    expect(reasonZh(LONG_LINE_REASON)).toBe(`行过长（超过 1,048,576 字节） — ${LONG_LINE_REASON}`);
    expect(reasonZh(SCIENTIFIC_REASON)).toBe(`代码被写成科学计数法（Excel 显示长数字的方式），位数已丢失：请把该列设为文本后重新保存 — ${SCIENTIFIC_REASON}`);
  });

  it('carries the Chinese of a hint the loader appends in both languages into the Chinese wording', () => {
    const place = 'not a 6-digit code — 只写到省（直辖市），未写区县: names a province or the whole city, not a district';
    expect(reasonZh(place)).toBe(`不是 6 位数字代码：只写到省（直辖市），未写区县 — ${place}`);
    const total = 'unknown district_code 500000 — 省级（直辖市）行政区划代码，不是区县: the code of a province or of the whole city, not of a district (a total row?)';
    expect(reasonZh(total)).toBe(`代码表中没有此 district_code：500000：省级（直辖市）行政区划代码，不是区县 — ${total}`);
  });

  it('words the major code forms: a malformed code, a K major without its K (its hint once), a major of another level', () => {
    expect(reasonZh('not a 6-digit code (or 6 digits and K)')).toBe('不是 6 位数字专业代码（国控专业为 6 位数字加 K） — not a 6-digit code (or 6 digits and K)');
    const k = 'unknown major_code 520401 — 国控专业代码带 K: the catalogue code is 520401K 中医学';
    expect(reasonZh(k)).toBe(`代码表中没有此 major_code：520401：国控专业代码带 K，目录中为 520401K 中医学 — ${k}`);
    const level = 'major 610118 铁道工程技术 is 中职 (secondary) but school 5150000001 重庆某学院 is 高职专科 (higher)';
    expect(reasonZh(level)).toBe(`专业 610118 铁道工程技术 属中职，而学校 5150000001 重庆某学院 为高职专科：层次不符 — ${level}`);
    const status = 'must be one of active (招生/在招), suspended (停招), closed (撤销); other words: mapping.json "values"';
    expect(reasonZh(status)).toBe(`应为以下之一：active (招生/在招), suspended (停招), closed (撤销)；其他写法可由数据目录的 mapping.json（values）指明，或请管理员添加 — ${status}`);
  });

  it('tells a sender to rename a column in the file, not to edit the data folder\'s mapping file', () => {
    const message = 'demand.csv: 缺少必需列 — missing required column district_code (区县代码); 可能是 — perhaps "区县" → district_code (区县代码)? (name it in mapping.json "columns")';
    expect(refusalZh(message)).toBe('demand.csv: 缺少必需列 — missing required column district_code (区县代码); 可能是 — perhaps "区县" → district_code (区县代码)?'
      + '（请把该列的列名改为所列的中文名或字段名后重新上传 — rename the column as suggested and upload again）');
  });

  it('tells a sender to put the rows of two sheets on one, not to name a sheet in a folder it cannot reach', () => {
    const message = 'x.xlsx: 多个工作表 — sheets "中职" and "高职" both hold the table; one would be read and the other left out: '
      + 'put the rows on one sheet, or name the sheet to read in mapping.json "sheet"';
    expect(refusalZh(message)).toBe('x.xlsx: 多个工作表 — sheets "中职" and "高职" both hold the table; one would be read and the other left out: '
      + 'put the rows on one sheet（请把数据行放在同一个工作表后重新上传 — and upload it again）');
  });

  it('carries a suggestion and a back-reference over, and leaves an unknown form as written', () => {
    expect(reasonZh('not a 10-digit code — did you mean 4150012609 重庆电子工程职业学院?'))
      .toBe('不是 10 位数字代码，是否应为 4150012609 重庆电子工程职业学院？ — not a 10-digit code — did you mean 4150012609 重庆电子工程职业学院?');
    expect(reasonZh('duplicate key (first at line 7)')).toBe('重复的主键（首次出现在第 7 行） — duplicate key (first at line 7)');
    expect(reasonZh('something new')).toBe('something new');
  });

  it('words a reason whose value normalisation rewrote, saying what the value was read as', () => {
    expect(reasonZh('not a 10-digit code (read as 950003614)')).toBe('不是 10 位数字代码（读作 950003614） — not a 10-digit code (read as 950003614)');
    expect(reasonZh('not an integer (read as no value)')).toBe('不是整数（读作 空值） — not an integer (read as no value)');
    const status = 'must be one of active (招生), suspended (停招), closed (撤销) (read as paused (x))';
    expect(reasonZh(status)).toBe(`应为以下之一：active (招生), suspended (停招), closed (撤销)（读作 paused (x)） — ${status}`);
    const near = 'not a 10-digit code — did you mean 4150012609 重庆电子工程职业学院? (read as 415001260)';
    expect(reasonZh(near)).toBe(`不是 10 位数字代码，是否应为 4150012609 重庆电子工程职业学院？（读作 415001260） — ${near}`);
  });
});
