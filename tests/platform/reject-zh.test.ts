/** Reject reasons as people submitting files read them: the Chinese wording first, the loader's text after it. */
import { describe, expect, it } from 'vitest';
import { reasonZh } from '../../pipeline/platform/reject-zh.ts';
import { SCIENTIFIC_REASON } from '../../pipeline/load/field-reasons.ts';
import { LONG_LINE_REASON } from '../../pipeline/load/csv-shape.ts';

describe('reasons in Chinese', () => {
  it('words every form the loader writes for a whole line or a code that cannot be read', () => {
    expect(reasonZh(LONG_LINE_REASON)).toBe(`行过长（超过 1,048,576 字节） — ${LONG_LINE_REASON}`);
    expect(reasonZh(SCIENTIFIC_REASON)).toBe(`代码被写成科学计数法（Excel 显示长数字的方式），位数已丢失：请把该列设为文本后重新保存 — ${SCIENTIFIC_REASON}`);
  });

  it('carries a suggestion and a back-reference over, and leaves an unknown form as written', () => {
    expect(reasonZh('not a 10-digit code — did you mean 4150012609 重庆电子工程职业学院?'))
      .toBe('不是 10 位数字代码，是否应为 4150012609 重庆电子工程职业学院？ — not a 10-digit code — did you mean 4150012609 重庆电子工程职业学院?');
    expect(reasonZh('duplicate key (first at line 7)')).toBe('重复的主键（首次出现在第 7 行） — duplicate key (first at line 7)');
    expect(reasonZh('something new')).toBe('something new');
  });
});
