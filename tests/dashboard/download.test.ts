import { describe, expect, it } from 'vitest';
import { downloadName } from '../../dashboard/src/lib/download.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

const words = (m: typeof zh) => ({ year: m.wording.fileYear, synthetic: m.wording.fileSynthetic });

describe('download names', () => {
  it('name what is in the file: whose, what, which year, which filters, and the sample', () => {
    expect(downloadName({ subject: '重庆某职业学院', title: zh.wording.files['school-labels'], years: [2025], synthetic: true }, 'csv', words(zh)))
      .toBe('重庆某职业学院_专业建议_2025年_示例数据.csv');
    expect(downloadName({ title: zh.wording.files.gap, years: [2025], filters: [zh.levels.higher, '渝北区'], synthetic: true }, 'png', words(zh)))
      .toBe(`产业缺口_2025年_${zh.levels.higher}_渝北区_示例数据.png`);
    expect(downloadName({ title: zh.wording.files['gap-trend'], years: [2025, 2019, 2022], synthetic: false }, 'csv', words(zh)))
      .toBe('历年缺口_2019–2025年.csv');
  });

  it('uses English words in English', () => {
    expect(downloadName({ title: en.wording.files.gap, years: [2025], filters: [en.ownerships.private], synthetic: true }, 'svg', words(en)))
      .toBe('Industry gap_2025_Private_synthetic.svg');
  });

  it('never holds a slug of the chart', () => {
    for (const [id, title] of Object.entries(zh.wording.files)) {
      const name = downloadName({ title, synthetic: true }, 'csv', words(zh));
      expect(name, id).not.toMatch(/[A-Za-z-]{3,}_/);
    }
  });

  it('removes the characters a file system refuses and keeps each part short', () => {
    const name = downloadName({ subject: 'A/B\\C:D*E?F"G<H>I|J\u0001学校. ', title: '专业点', years: [], synthetic: false }, 'csv', words(zh));
    expect(name).toBe('ABCDEFGHIJ学校_专业点.csv');
    expect(downloadName({ subject: '长'.repeat(200), title: '专业点', synthetic: false }, 'xlsx', words(zh)).length).toBeLessThan(60);
    expect(downloadName({ title: '///', synthetic: false }, 'csv', words(zh))).toBe('download.csv');
  });
});
