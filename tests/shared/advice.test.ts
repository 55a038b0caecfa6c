/**
 * The reasons beside each piece of advice, worded from the figures: each label's sentence, the
 * figures rounded as printed (ratios to 0.1 %, halves away from zero; people whole, grouped), and
 * the parts that appear only when their figure is there.
 */
import { describe, expect, it } from 'vitest';
import { candidacyReason, schoolAdviceReason, type CandidacyFacts, type SchoolAdviceFacts } from '../../pipeline/shared/advice.ts';

const thresholds = { shortage_below: 0.8, oversupply_above: 1.2, review_employment_below: 0.85 };
const row = (facts: Partial<SchoolAdviceFacts>): SchoolAdviceFacts => ({
  label: 'keep', industry_code: 'uav', industry_name: '低空经济', industry_name_en: 'Low-altitude economy', industry_signal: 'balanced',
  industry_fill_ratio: 1, industry_gap: 0, candidate_rank: null, employment_rate: null, division_name: '装备制造大类',
  category_name: '航空装备类', same_category: null, ...facts,
});

describe('a programme\'s reason', () => {
  it('words an expansion with the threshold it is below, the gap in whole people and the candidate rank', () => {
    const r = row({ label: 'expand', industry_signal: 'shortage', industry_fill_ratio: 0.06251, industry_gap: 12345.5, candidate_rank: 2, employment_rate: 0.9505 });
    expect(schoolAdviceReason(r, thresholds, 'zh')).toBe('低空经济供需比6.3%，低于80%（供给不足），缺口12,346人。本校列该产业候选院校第2位。就业率95.1%。建议扩大招生。');
    expect(schoolAdviceReason(r, thresholds, 'en')).toBe('Low-altitude economy is filled at 6.3%, below 80% (shortage), a gap of 12,346 graduates. '
      + 'The school is candidate no. 2 for it. Employment rate 95.1%. Expand intake.');
  });

  it('names a low employment rate against its threshold, and leaves out what has no figure', () => {
    const low = row({ label: 'review', industry_signal: 'shortage', industry_fill_ratio: 0.5, employment_rate: 0.8 });
    expect(schoolAdviceReason(low, thresholds, 'zh')).toBe('就业率80.0%，低于85.0%。建议论证调减招生或调整培养方向。');
    const over = row({ label: 'review', industry_signal: 'oversupply', industry_fill_ratio: 3 });
    expect(schoolAdviceReason(over, thresholds, 'en')).toBe('Low-altitude economy is filled at 300.0%, above 120% (oversupply). Review: reduce intake or reorient the programme.');
    const balanced = row({ industry_fill_ratio: 1.18, employment_rate: 0.8 });
    expect(schoolAdviceReason(balanced, thresholds, 'zh')).toBe('低空经济供需比118.0%，处于80%–120%之间（基本平衡）。就业率80.0%，低于85.0%，宜关注就业质量。建议保持现有规模。');
    expect(schoolAdviceReason(row({ industry_code: null }), thresholds, 'zh')).toBe('未对应所列产业，无供需比可依。建议保持现有规模。');
    expect(schoolAdviceReason(row({ industry_fill_ratio: null }), thresholds, 'en')).toBe('No demand recorded for Low-altitude economy this year. Keep.');
  });

  it('says whether a major to open shares a 专业类 the school already teaches', () => {
    const open = row({ label: 'open', industry_signal: 'shortage', industry_fill_ratio: 0.0625, industry_gap: 150, same_category: true, candidate_rank: 1 });
    expect(schoolAdviceReason(open, thresholds, 'zh')).toBe('低空经济供需比6.3%、缺口150人（供给不足）；本校已开设装备制造大类的专业，且已有航空装备类专业。建议论证开设。本校列低空经济候选院校第1位。');
    expect(schoolAdviceReason({ ...open, same_category: false, candidate_rank: null }, thresholds, 'en'))
      .toBe('Low-altitude economy is filled at 6.3%, a gap of 150 graduates (shortage); the school already offers majors of 装备制造大类. Consider opening it.');
  });
});

describe('a candidacy\'s reason', () => {
  const candidacy: CandidacyFacts = {
    action: 'expand', industry_name: '低空经济', industry_name_en: 'Low-altitude economy', fill_ratio: 0.0625, gap: 150,
    demand_ratio: 160 / 70, suggested_majors: '无人机应用技术', mapped_students: 1234, adjacent_majors: '航空发动机装配调试技术',
    adjacent_students: 40, district_name: '渝中区', level: 'higher', district_openings: 100, area_group: '主城都市区中心城区',
    area_openings: 1400, students: 15000,
  };

  it('words an expansion with the demand ratio, the school\'s level and the demand near it', () => {
    expect(candidacyReason(candidacy, 'zh')).toBe('低空经济供需比6.3%，缺口150人，求人倍率2.29。该校已开设对口专业无人机应用技术（在校生1,234人），'
      + '建议扩大招生。渝中区高职专科层次岗位需求100个，所在片区（主城都市区中心城区）1,400个；全校在校生15,000人。');
  });

  it('words an opening through the majors of the same 专业类, without a demand ratio when there is none', () => {
    expect(candidacyReason({ ...candidacy, action: 'open', demand_ratio: null }, 'en')).toBe('Low-altitude economy is filled at 6.3%, a gap of 150 graduates. '
      + 'The school offers 航空发动机装配调试技术 in the same category (40 students): open 无人机应用技术. '
      + '100 openings at its level in its district, 1,400 in its area group; 15,000 students in all.');
  });
});
