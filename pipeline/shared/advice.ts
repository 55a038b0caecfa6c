/**
 * The reasons given with each piece of advice, written from the figures the marts hold: the marts
 * carry codes and numbers, and the dashboard and the reports word them here, in both languages, so
 * a school page and its downloaded report give the same reason in the same words.
 */
import type { Lang } from './format.ts';
import { VOCABULARY } from './vocabulary.ts';

/** The policy values a reason names (from the manifest's policy, or the refresh's connection). */
export interface AdviceThresholds {
  shortage_below: number;
  oversupply_above: number;
  review_employment_below: number;
}

/** One row of mart_school_report: a programme's label and the figures behind it. */
export interface SchoolAdviceFacts {
  label: keyof typeof VOCABULARY.zh.labels;
  industry_code: string | null;
  industry_name: string | null;
  industry_name_en: string | null;
  industry_signal: string | null;
  industry_fill_ratio: number | null;
  industry_gap: number | null;
  candidate_rank: number | null;
  employment_rate: number | null;
  division_name: string;
  category_name: string;
  same_category: boolean | null;
}

/** One row of mart_recommendation: a candidate school for a shortage industry. */
export interface CandidacyFacts {
  action: 'expand' | 'open';
  industry_name: string;
  industry_name_en: string;
  fill_ratio: number | null;
  gap: number;
  demand_ratio: number | null;
  suggested_majors: string;
  mapped_students: number;
  adjacent_majors: string;
  adjacent_students: number;
  district_name: string;
  level: keyof typeof VOCABULARY.zh.levels;
  district_openings: number;
  area_group: string;
  area_openings: number;
  students: number;
}

/** Half away from zero, as the figures are rounded everywhere they are printed. */
const round = (x: number, digits = 0) => {
  const p = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * p)) / p;
};
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const people = (x: number) => grouped(round(x));
const percent = (ratio: number | null) => (ratio === null ? '' : `${round(ratio * 100, 1).toFixed(1)}%`);
const threshold = (ratio: number) => `${round(ratio * 100).toFixed(0)}%`;

function schoolAdviceZh(r: SchoolAdviceFacts, t: AdviceThresholds): string {
  const fill = percent(r.industry_fill_ratio);
  const employment = r.employment_rate === null ? '' : `就业率${percent(r.employment_rate)}。`;
  const lowEmployment = r.employment_rate !== null && r.employment_rate < t.review_employment_below;
  const employmentBelow = (tail: string) => `就业率${percent(r.employment_rate!)}，低于${(t.review_employment_below * 100).toFixed(1)}%${tail}`;
  switch (r.label) {
    case 'expand':
      return `${r.industry_name}供需比${fill}，低于${threshold(t.shortage_below)}（供给不足），缺口${people(r.industry_gap!)}人。`
        + (r.candidate_rank === null ? '' : `本校列该产业候选院校第${r.candidate_rank}位。`) + employment + '建议扩大招生。';
    case 'review':
      return (r.industry_signal === 'oversupply' ? `${r.industry_name}供需比${fill}，高于${threshold(t.oversupply_above)}（供给过剩）。` : '')
        + (lowEmployment ? employmentBelow('。') : employment) + '建议论证调减招生或调整培养方向。';
    case 'keep':
      return (r.industry_code === null ? '未对应所列产业，无供需比可依。'
        : r.industry_fill_ratio === null ? `${r.industry_name}当年无岗位需求数据。`
          : `${r.industry_name}供需比${fill}，处于${threshold(t.shortage_below)}–${threshold(t.oversupply_above)}之间（基本平衡）。`)
        + (lowEmployment ? employmentBelow('，宜关注就业质量。') : employment) + '建议保持现有规模。';
    case 'open':
      return `${r.industry_name}供需比${fill}、缺口${people(r.industry_gap!)}人（供给不足）；本校已开设${r.division_name}的专业`
        + `${r.same_category ? `，且已有${r.category_name}专业` : ''}。建议论证开设。`
        + (r.candidate_rank === null ? '' : `本校列${r.industry_name}候选院校第${r.candidate_rank}位。`);
  }
}

function schoolAdviceEn(r: SchoolAdviceFacts, t: AdviceThresholds): string {
  const fill = percent(r.industry_fill_ratio);
  const employment = r.employment_rate === null ? '' : `Employment rate ${percent(r.employment_rate)}. `;
  const lowEmployment = r.employment_rate !== null && r.employment_rate < t.review_employment_below;
  const employmentBelow = (tail: string) =>
    `Employment rate ${percent(r.employment_rate!)} is below ${(t.review_employment_below * 100).toFixed(1)}%${tail}`;
  switch (r.label) {
    case 'expand':
      return `${r.industry_name_en} is filled at ${fill}, below ${threshold(t.shortage_below)} (shortage), a gap of ${people(r.industry_gap!)} graduates. `
        + (r.candidate_rank === null ? '' : `The school is candidate no. ${r.candidate_rank} for it. `) + employment + 'Expand intake.';
    case 'review':
      return (r.industry_signal === 'oversupply' ? `${r.industry_name_en} is filled at ${fill}, above ${threshold(t.oversupply_above)} (oversupply). ` : '')
        + (lowEmployment ? employmentBelow('. ') : employment) + 'Review: reduce intake or reorient the programme.';
    case 'keep':
      return (r.industry_code === null ? 'Serves none of the listed industries. '
        : r.industry_fill_ratio === null ? `No demand recorded for ${r.industry_name_en} this year. `
          : `${r.industry_name_en} is filled at ${fill}, within ${threshold(t.shortage_below)}–${threshold(t.oversupply_above)} (balanced). `)
        + (lowEmployment ? employmentBelow(': watch job placement. ') : employment) + 'Keep.';
    case 'open':
      return `${r.industry_name_en} is filled at ${fill}, a gap of ${people(r.industry_gap!)} graduates (shortage); the school already offers majors of `
        + `${r.division_name}${r.same_category ? `, including ${r.category_name}` : ''}. Consider opening it.`
        + (r.candidate_rank === null ? '' : ` Ranked ${r.candidate_rank} among candidate schools for ${r.industry_name_en}.`);
  }
}

/** Why a programme of a school is labelled as it is (mart_school_report), in the given language. */
export function schoolAdviceReason(r: SchoolAdviceFacts, t: AdviceThresholds, lang: Lang): string {
  return lang === 'en' ? schoolAdviceEn(r, t) : schoolAdviceZh(r, t);
}

/** Why a school is a candidate for a shortage industry (mart_recommendation), in the given language. */
export function candidacyReason(r: CandidacyFacts, lang: Lang): string {
  const fill = percent(r.fill_ratio);
  if (lang === 'en') {
    return `${r.industry_name_en} is filled at ${fill}, a gap of ${people(r.gap)} graduates`
      + `${r.demand_ratio === null ? '' : `, demand ratio ${r.demand_ratio.toFixed(2)}`}. `
      + (r.action === 'expand' ? `The school already offers ${r.suggested_majors} (${grouped(r.mapped_students)} students): expand intake. `
        : `The school offers ${r.adjacent_majors} in the same category (${grouped(r.adjacent_students)} students): open ${r.suggested_majors}. `)
      + `${grouped(r.district_openings)} openings at its level in its district, ${grouped(r.area_openings)} in its area group; `
      + `${grouped(r.students)} students in all.`;
  }
  return `${r.industry_name}供需比${fill}，缺口${people(r.gap)}人${r.demand_ratio === null ? '' : `，求人倍率${r.demand_ratio.toFixed(2)}`}。`
    + (r.action === 'expand' ? `该校已开设对口专业${r.suggested_majors}（在校生${grouped(r.mapped_students)}人），建议扩大招生。`
      : `该校已开设同一专业类的${r.adjacent_majors}（在校生${grouped(r.adjacent_students)}人），建议依托开设${r.suggested_majors}。`)
    + `${r.district_name}${VOCABULARY.zh.levels[r.level]}层次岗位需求${grouped(r.district_openings)}个，`
    + `所在片区（${r.area_group}）${grouped(r.area_openings)}个；全校在校生${grouped(r.students)}人。`;
}
