/** Counts in the plan's and its tracking's titles are grouped by thousands, as every other figure. */
import { describe, expect, it } from 'vitest';
import { outlookZh, planZh } from '../../dashboard/src/i18n/plan-zh.ts';
import { outlookEn, planEn } from '../../dashboard/src/i18n/plan-en.ts';
import { trackingZh } from '../../dashboard/src/i18n/tracking-zh.ts';
import { trackingEn } from '../../dashboard/src/i18n/tracking-en.ts';

describe('counts in the plan titles', () => {
  it('groups thousands in Chinese', () => {
    expect(planZh.changesTitle(3399, '1,000', '2,000')).toBe('方案调整 3,399 个专业点：扩招或新设 1,000 人，减招 2,000 人');
    expect(planZh.bindingTitle(3082)).toBe('3,082 个约束起作用（达到上限或下限）');
    expect(planZh.statusLine('最优', '0.1%', 8422, 1956)).toBe('最优；与最优界的相对差距 0.1%；8,422 个变量，1,956 个约束');
    expect(planZh.differ(1200)).toBe('1,200 个专业点的调整不同');
    expect(planZh.schoolTitle(1000)).toContain('1,000 个专业');
    expect(trackingZh.detailTitle(3300)).toBe('3,300 项方案调整的落实情况');
    expect(outlookZh.accuracyTitle(1000, 1200)).toContain('1,200 个产业中 1,000 个');
  });

  it('groups thousands in English', () => {
    expect(planEn.changesTitle(3399, '1,000', '2,000')).toContain('changes 3,399 programmes');
    expect(planEn.bindingTitle(3082)).toBe('3,082 constraints bind (at a bound)');
    expect(planEn.statusLine('Optimal', '0.1%', 8422, 1956)).toContain('8,422 variables, 1,956 constraints');
    expect(planEn.differ(1200)).toBe('1,200 programmes change differently');
    expect(trackingEn.detailTitle(3300)).toBe('How 3,300 proposed changes fared');
  });
});
