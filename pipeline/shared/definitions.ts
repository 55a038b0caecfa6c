/**
 * What every figure means (口径), in both languages: its definition, formula and the threshold it is
 * read against. The one source of the dashboard's ⓘ popovers, its 口径说明 page and the "Figures on
 * screen" section of docs/metrics.md (`npm run docs`), so the three cannot say different things.
 * Thresholds are printed from the policy in force (pipeline/config/policy.json, or a snapshot's copy of it).
 */
import type { Lang } from './format.ts';

/** The policy blocks as pipeline/config/policy.json holds them (`signal.shortage_below` = policy.signal.shortage_below). */
export type PolicyValues = Record<string, object>;

export interface DefinitionText {
  name: string;
  definition: string;
  formula: string;
  /** The threshold or reference the figure is read against, with its value; '' when none. */
  threshold: string;
}

/** The input tables of a data folder a figure rests on (for the sources it cites). */
export type InputTable = 'programmes' | 'schools' | 'majors' | 'crosswalk' | 'demand' | 'industries' | 'industry_segments' | 'districts' | 'postings'
  | 'posting_rules' | 'posting_employers' | 'posting_occupations' | 'plan_proposals';

export interface Definition {
  id: string;
  inputs: readonly InputTable[];
  /** Policy keys the threshold prints, `block.key`. */
  policy: readonly string[];
  zh: (p: PolicyReader) => DefinitionText;
  en: (p: PolicyReader) => DefinitionText;
}

/** Policy values as a threshold prints them: fractions as percentages, the rest as numbers. */
export interface PolicyReader {
  pct(key: string): string;
  num(key: string): string;
}

export function policyReader(policy: PolicyValues): PolicyReader {
  const value = (key: string): number => {
    const [block, name] = key.split('.');
    const v = (policy[block] as Record<string, unknown> | undefined)?.[name];
    if (typeof v !== 'number') throw new Error(`policy has no number ${key}`);
    return v;
  };
  // Percentages without trailing zeros: 0.8 → 80%, 0.155 → 15.5%.
  return { pct: (key) => `${+(value(key) * 100).toFixed(2)}%`, num: (key) => String(value(key)) };
}

const BALANCE: readonly InputTable[] = ['programmes', 'majors', 'crosswalk', 'demand'];
const POINTS: readonly InputTable[] = ['programmes', 'schools', 'majors'];

export const DEFINITIONS: readonly Definition[] = [
  {
    id: 'programme_points', inputs: POINTS, policy: [],
    zh: () => ({ name: '专业点数', definition: '一所学校在一年中开设的一个专业为一个专业点；只计状态为“在办”的专业点，停招、撤销的不计。', formula: 'P = 在办专业点的个数', threshold: '' }),
    en: () => ({ name: 'Programme points', definition: 'One school offering one major in one year is one programme point; only active points count, suspended or closed ones do not.', formula: 'P = number of active points', threshold: '' }),
  },
  {
    id: 'schools', inputs: POINTS, policy: [],
    zh: () => ({ name: '学校数', definition: '当年至少有一个在办专业点的学校。', formula: '有在办专业点的学校个数', threshold: '' }),
    en: () => ({ name: 'Schools', definition: 'Schools with at least one active programme point that year.', formula: 'count of schools with an active point', threshold: '' }),
  },
  {
    id: 'match_rate', inputs: ['programmes', 'majors', 'crosswalk', 'industries'], policy: [],
    zh: () => ({ name: '重点产业匹配度', definition: '对接重点产业的专业点占全部专业点的比例。专业在专业—产业对照表中对任一重点产业的权重大于 0 即为对接。', formula: 'M = 对接重点产业的专业点 ÷ 全部专业点', threshold: '' }),
    en: () => ({ name: 'Key-industry match rate', definition: 'Share of programme points whose major serves a key industry: a weight above 0 for any key industry in the major–industry crosswalk.', formula: 'M = key-matched points ÷ all points', threshold: '' }),
  },
  {
    id: 'graduates', inputs: ['programmes', 'majors'], policy: [],
    zh: () => ({ name: '年毕业生', definition: '在办专业点填报的毕业生数；未填报的按在校生 ÷ 学制年限估算（每年毕业一届），估算部分单独注明。', formula: 'Σ 毕业生（未填报时 = 在校生 ÷ 学制年限）', threshold: '' }),
    en: () => ({ name: 'Graduates a year', definition: 'Graduates reported for active points; where none are reported, students ÷ programme length in years (one cohort leaves each year), the estimated part stated separately.', formula: 'Σ graduates (students ÷ duration where not reported)', threshold: '' }),
  },
  {
    id: 'digital_share', inputs: ['programmes', 'majors'], policy: ['digital.band_low', 'digital.band_high'],
    zh: (p) => ({ name: '数字技能专业在校生占比', definition: '就读于数字技能类专业（专业目录中标为数字技能的专业）的在校生占全部在校生的比例。', formula: '数字技能专业在校生 ÷ 全部在校生', threshold: `参考区间 ${p.pct('digital.band_low')}–${p.pct('digital.band_high')}（先进省份水平）` }),
    en: (p) => ({ name: 'Digital-skills share of students', definition: 'Share of students enrolled in majors flagged as digital-skills majors in the catalogue.', formula: 'students of digital majors ÷ all students', threshold: `reference band ${p.pct('digital.band_low')}–${p.pct('digital.band_high')} (leading provinces)` }),
  },
  {
    id: 'supply', inputs: ['programmes', 'majors', 'crosswalk'], policy: ['supply.retention'],
    zh: (p) => ({ name: '供给（毕业生）', definition: '各专业点的毕业生按专业—产业对照权重分摊到产业后的人数，乘以本地留存率；一名毕业生在所服务的产业间分摊，不重复计算。', formula: `S = Σ 毕业生 × 专业对产业的权重 × 留存率`, threshold: `留存率 ${p.num('supply.retention')}` }),
    en: (p) => ({ name: 'Supply (graduates)', definition: 'Graduates of each point shared across the industries its major serves by the crosswalk weights, times the share assumed to stay and work locally; a graduate is never counted twice.', formula: 'S = Σ graduates × weight(major → industry) × retention', threshold: `retention ${p.num('supply.retention')}` }),
  },
  {
    id: 'supply_estimated', inputs: ['programmes', 'majors', 'crosswalk'], policy: ['supply.retention'],
    zh: (p) => ({ name: '供给中的估算部分', definition: '供给中来自估算毕业生的人数：专业点未报告毕业生时按在校生 ÷ 学制估算（备案名单中未报数据的专业点，其在校生也是估算的）。数值越大，该产业的供给越依赖估算。', formula: 'Σ 估算毕业生 × 专业对产业的权重 × 留存率', threshold: `留存率 ${p.num('supply.retention')}` }),
    en: (p) => ({ name: 'Estimated part of supply', definition: 'The graduates behind supply that are estimated: students ÷ programme length where a point reports no graduates (for points of the 备案 listing without figures, the students are estimated too). The larger it is, the more the industry\'s supply rests on estimates.', formula: 'Σ estimated graduates × weight(major → industry) × retention', threshold: `retention ${p.num('supply.retention')}` }),
  },
  {
    id: 'demand', inputs: ['demand'], policy: [],
    zh: () => ({ name: '需求（岗位）', definition: '需求统计中该产业的岗位需求数，所有区县、所有层次合计；需求不分举办性质。', formula: 'D = Σ 岗位需求数', threshold: '' }),
    en: () => ({ name: 'Demand (openings)', definition: 'Openings of the demand statistics for the industry, all districts and levels asked for; demand has no ownership.', formula: 'D = Σ openings', threshold: '' }),
  },
  {
    id: 'gap', inputs: BALANCE, policy: [],
    zh: () => ({ name: '缺口', definition: '需求多于供给的人数；正值表示毕业生不足，负值表示毕业生多于岗位。供给含小数（按权重分摊、按学制估算），各数分别取整显示，所列缺口可能与所列两数之差相差 1。', formula: '缺口 = D − S', threshold: '' }),
    en: () => ({ name: 'Gap', definition: 'How many more openings than graduates; positive means graduates are missing, negative means more graduates than openings. Supply has fractions (shared by weight, estimated by duration); each figure is rounded on its own, so a gap shown may differ by 1 from the difference of the two figures shown.', formula: 'gap = D − S', threshold: '' }),
  },
  {
    id: 'fill_ratio', inputs: BALANCE, policy: ['signal.shortage_below', 'signal.oversupply_above'],
    zh: (p) => ({ name: '供需比', definition: '毕业生供给能填补岗位需求的比例；没有需求时不计算（显示“—”）。筛选后按合计重新计算，不取平均。', formula: 'F = S ÷ D', threshold: `低于 ${p.pct('signal.shortage_below')} 为供给不足，高于 ${p.pct('signal.oversupply_above')} 为供给过剩` }),
    en: (p) => ({ name: 'Fill ratio', definition: 'Share of openings the graduates can fill; not computable without demand (shown as “—”). Filtered figures are recomputed from the sums, never averaged.', formula: 'F = S ÷ D', threshold: `below ${p.pct('signal.shortage_below')}: shortage; above ${p.pct('signal.oversupply_above')}: oversupply` }),
  },
  {
    id: 'signal', inputs: BALANCE, policy: ['signal.shortage_below', 'signal.oversupply_above'],
    zh: (p) => ({ name: '供需信号', definition: '按供需比给产业的判断：供给不足、基本平衡、供给过剩；没有需求数据时为“无需求数据”。', formula: 'F < 不足线：供给不足；F > 过剩线：供给过剩；其余：基本平衡', threshold: `不足线 ${p.pct('signal.shortage_below')}，过剩线 ${p.pct('signal.oversupply_above')}` }),
    en: (p) => ({ name: 'Signal', definition: "The industry's reading from its fill ratio: shortage, balanced or oversupply; “no demand data” without demand.", formula: 'F < shortage line: shortage; F > oversupply line: oversupply; else balanced', threshold: `shortage line ${p.pct('signal.shortage_below')}, oversupply line ${p.pct('signal.oversupply_above')}` }),
  },
  {
    id: 'demand_ratio', inputs: ['demand'], policy: ['signal.tight_above', 'signal.min_openings'],
    zh: (p) => ({ name: '求人倍率', definition: '岗位数与求职人数之比；岗位数过少时不显示数值（“记录过少”），求职人数为 0 时不计算。', formula: 'R = 岗位数 ÷ 求职人数', threshold: `高于 ${p.num('signal.tight_above')} 为紧缺；岗位数少于 ${p.num('signal.min_openings')} 不显示` }),
    en: (p) => ({ name: 'Demand ratio', definition: 'Openings per job seeker; suppressed (“too few records”) when openings are few, not computable without seekers.', formula: 'R = openings ÷ seekers', threshold: `above ${p.num('signal.tight_above')}: tight; fewer than ${p.num('signal.min_openings')} openings: not shown` }),
  },
  {
    id: 'openings', inputs: ['demand'], policy: [],
    zh: () => ({ name: '岗位数', definition: '需求统计中用人单位提供的岗位数（岗位需求数）。', formula: 'Σ 岗位需求数', threshold: '' }),
    en: () => ({ name: 'Openings', definition: 'Openings offered by employers in the demand statistics.', formula: 'Σ openings', threshold: '' }),
  },
  {
    id: 'seekers', inputs: ['demand'], policy: [],
    zh: () => ({ name: '求职人数', definition: '需求统计中登记求职的人数。', formula: 'Σ 求职人数', threshold: '' }),
    en: () => ({ name: 'Seekers', definition: 'Job seekers registered in the demand statistics.', formula: 'Σ seekers', threshold: '' }),
  },
  {
    id: 'industry_coverage', inputs: ['programmes', 'majors', 'crosswalk'], policy: ['coverage.mapped_min_weight'],
    zh: (p) => ({ name: '产业的学校数、专业点数', definition: '开设对接该产业专业的学校和专业点。专业对产业的权重高于最小权重才算对接（供给则按全部权重分摊）。', formula: '对接该产业的学校个数、专业点个数', threshold: `权重须大于 ${p.num('coverage.mapped_min_weight')}` }),
    en: (p) => ({ name: 'Schools and points of an industry', definition: "Schools and points whose major serves the industry: weight above the minimum (supply still uses every weight).", formula: 'count of schools, points mapped to the industry', threshold: `weight above ${p.num('coverage.mapped_min_weight')}` }),
  },
  {
    id: 'chain_coverage', inputs: ['programmes', 'majors', 'crosswalk', 'industry_segments'], policy: ['coverage.mapped_min_weight'],
    zh: (p) => ({ name: '产业链覆盖率', definition: '产业链环节中至少有一个专业点对接的环节所占比例；按全市统计。', formula: '已覆盖环节数 ÷ 环节总数', threshold: `专业对环节的权重须大于 ${p.num('coverage.mapped_min_weight')} 才算覆盖` }),
    en: (p) => ({ name: 'Chain coverage', definition: "Share of the industry's chain segments served by at least one programme point; city-wide.", formula: 'segments covered ÷ segments', threshold: `a segment counts as covered by a weight above ${p.num('coverage.mapped_min_weight')}` }),
  },
  {
    id: 'top_n_share', inputs: POINTS, policy: ['concentration.top_n'],
    zh: (p) => ({ name: `前 N 个专业占比`, definition: '开设最多的 N 个专业的专业点占全部专业点的比例；越高说明专业设置越集中。', formula: 'Σ 前 N 个专业的专业点 ÷ 全部专业点', threshold: `N = ${p.num('concentration.top_n')}` }),
    en: (p) => ({ name: 'Top-N share', definition: 'Share of all points held by the N most offered majors; higher means more concentrated.', formula: 'Σ points of the top N majors ÷ all points', threshold: `N = ${p.num('concentration.top_n')}` }),
  },
  {
    id: 'hhi', inputs: POINTS, policy: [],
    zh: () => ({ name: '专业集中度 HHI', definition: '赫芬达尔—赫希曼指数：各专业专业点占比（百分数）的平方和，0–10000，10000 表示只有一个专业。', formula: 'HHI = Σ (占比 × 100)²', threshold: '' }),
    en: () => ({ name: 'HHI', definition: "Herfindahl–Hirschman index of the majors' shares of points, 0–10000; 10000 means one major only.", formula: 'HHI = Σ (share × 100)²', threshold: '' }),
  },
  {
    id: 'duplicated', inputs: POINTS, policy: ['concentration.duplicated_above_schools'],
    zh: (p) => ({ name: '重复设置专业', definition: '开设学校数超过重复线的专业。', formula: '开设学校数 > 重复线的专业个数', threshold: `重复线 ${p.num('concentration.duplicated_above_schools')} 所` }),
    en: (p) => ({ name: 'Duplicated majors', definition: 'Majors offered by more schools than the duplication line.', formula: 'count of majors with schools > line', threshold: `line ${p.num('concentration.duplicated_above_schools')} schools` }),
  },
  {
    id: 'overlap_share', inputs: POINTS, policy: ['concentration.overlap_cap'],
    zh: (p) => ({ name: '专业重叠率', definition: '一所学校的专业中，同区县另有学校也开设的专业所占比例。', formula: '重叠专业数 ÷ 本校专业数', threshold: `中职学校上限 ${p.pct('concentration.overlap_cap')}` }),
    en: (p) => ({ name: 'Overlap share', definition: "Share of a school's majors also offered by another school of the same district.", formula: 'overlapping majors ÷ majors', threshold: `cap for secondary schools ${p.pct('concentration.overlap_cap')}` }),
  },
  {
    id: 'lag', inputs: ['programmes', 'majors', 'crosswalk', 'demand'], policy: ['lag.min_years', 'lag.weak_below', 'lag.max_shift'],
    zh: (p) => ({ name: '响应滞后', definition: '专业点数量的逐年变化跟随岗位需求逐年变化的年数：取相关系数最高的滞后年数 k；按全市估计。', formula: 'k = argmax r(ΔD_t, ΔP_{t+k})，k = 0…最大滞后', threshold: `r ≥ ${p.num('lag.weak_below')} 为响应明确；可用年数少于 ${p.num('lag.min_years')} 为数据不足；最大滞后 ${p.num('lag.max_shift')} 年` }),
    en: (p) => ({ name: 'Response lag', definition: 'Years by which yearly changes in programme points follow yearly changes in demand: the shift k with the highest correlation; estimated city-wide.', formula: 'k = argmax r(ΔD_t, ΔP_{t+k}), k = 0…max shift', threshold: `r ≥ ${p.num('lag.weak_below')}: clear; fewer than ${p.num('lag.min_years')} years: insufficient data; max shift ${p.num('lag.max_shift')} years` }),
  },
  {
    id: 'urgency', inputs: ['programmes', 'crosswalk', 'demand', 'industries'], policy: ['urgency.w_shortage', 'urgency.w_tightness', 'urgency.w_tier', 'urgency.w_growth'],
    zh: (p) => ({ name: '产业急需度', definition: '四项 0–1 得分的加权平均：短缺（1 − 供需比）、紧缺（求人倍率 ÷ 上限）、产业层级、需求增长。', formula: 'U = Σ 权重 × 得分 ÷ Σ 权重', threshold: `权重：短缺 ${p.num('urgency.w_shortage')}、紧缺 ${p.num('urgency.w_tightness')}、层级 ${p.num('urgency.w_tier')}、增长 ${p.num('urgency.w_growth')}` }),
    en: (p) => ({ name: 'Urgency', definition: 'Weighted mean of four 0–1 scores: shortage (1 − fill ratio), tightness (demand ratio ÷ cap), tier and demand growth.', formula: 'U = Σ weight × score ÷ Σ weights', threshold: `weights: shortage ${p.num('urgency.w_shortage')}, tightness ${p.num('urgency.w_tightness')}, tier ${p.num('urgency.w_tier')}, growth ${p.num('urgency.w_growth')}` }),
  },
  {
    id: 'funding_coefficient', inputs: ['programmes', 'majors', 'crosswalk', 'demand'], policy: ['funding.alpha', 'funding.band_low', 'funding.band_high'],
    zh: (p) => ({ name: '拨款系数', definition: '专业的生均拨款系数：成本系数乘以急需度带来的上浮，截断在上下限之间；急需度为专业所服务产业的加权急需度。', formula: 'c = 截断(基准 × 成本系数 × (1 + α × 急需度), 下限, 上限)', threshold: `α = ${p.num('funding.alpha')}，下限 ${p.num('funding.band_low')}，上限 ${p.num('funding.band_high')}` }),
    en: (p) => ({ name: 'Funding coefficient', definition: "A major's per-student funding coefficient: its cost factor raised by urgency, clipped to the band; urgency is the weighted urgency of the industries it serves.", formula: 'c = clip(base × cost factor × (1 + α × urgency), low, high)', threshold: `α = ${p.num('funding.alpha')}, band ${p.num('funding.band_low')}–${p.num('funding.band_high')}` }),
  },
  {
    id: 'budget_impact', inputs: ['programmes', 'majors', 'crosswalk', 'demand'], policy: ['funding.per_student_base'],
    zh: (p) => ({ name: '预算影响', definition: '按拨款系数计算的每年拨款变化；系数低于 1 时为负（减少）。', formula: '在校生 × 生均拨款基数 × (c − 1)', threshold: `生均拨款基数 ${p.num('funding.per_student_base')} 元/年` }),
    en: (p) => ({ name: 'Budget impact', definition: 'Change in yearly funding from the coefficient; negative (a cut) below 1.', formula: 'students × per-student base × (c − 1)', threshold: `per-student base CNY ${p.num('funding.per_student_base')} a year` }),
  },
  {
    id: 'candidate_score', inputs: ['programmes', 'schools', 'crosswalk', 'demand'], policy: ['recommend.min_weight', 'recommend.max_candidates'],
    zh: (p) => ({ name: '候选院校得分', definition: '短缺产业的候选院校排序依据：相近专业（已开设对接专业为 1，仅同专业类较低）、就近需求、办学规模三项得分的加权平均。', formula: '得分 = Σ 权重 × (相近, 就近, 规模) ÷ Σ 权重', threshold: `对接专业权重至少 ${p.num('recommend.min_weight')}；每个产业列前 ${p.num('recommend.max_candidates')} 所` }),
    en: (p) => ({ name: 'Candidate score', definition: "How a shortage industry's candidate schools are ranked: weighted mean of adjacency (1 when the school already offers an anchor major, lower for the same 专业类), nearby demand and size.", formula: 'score = Σ weight × (adjacency, proximity, size) ÷ Σ weights', threshold: `anchor majors weigh at least ${p.num('recommend.min_weight')}; top ${p.num('recommend.max_candidates')} per industry` }),
  },
  {
    id: 'programme_advice', inputs: ['programmes', 'crosswalk', 'demand'], policy: ['signal.shortage_below', 'signal.oversupply_above', 'recommend.review_employment_below'],
    zh: (p) => ({ name: '专业调整建议', definition: '每个专业点一条建议：列为短缺产业候选且为建议专业，或主要产业供给不足，则扩大招生；主要产业供给过剩，或就业率偏低且产业并非基本平衡（含不对接所列产业），则论证调减；其余保持。另列可论证开设的专业。', formula: '扩大招生 / 论证开设 / 论证调减 / 保持', threshold: `供需比不足线 ${p.pct('signal.shortage_below')}、过剩线 ${p.pct('signal.oversupply_above')}；就业率低于 ${p.pct('recommend.review_employment_below')}` }),
    en: (p) => ({ name: 'Programme advice', definition: "One label per programme: expand when the school is a listed candidate for a shortage industry and the major is suggested, or its main industry is short; review when that industry is oversupplied, or employment is low and the industry is not balanced (or none listed is served); otherwise keep. Majors to consider opening are listed too.", formula: 'expand / open / review / keep', threshold: `fill ratio lines ${p.pct('signal.shortage_below')} and ${p.pct('signal.oversupply_above')}; employment below ${p.pct('recommend.review_employment_below')}` }),
  },
  {
    id: 'weighted_fill', inputs: BALANCE, policy: [],
    zh: () => ({ name: '所服务产业加权供需比', definition: '专业所服务的各产业供需比，按专业对产业的权重加权平均（只计有需求的产业）。', formula: 'Σ 权重 × F ÷ Σ 权重', threshold: '' }),
    en: () => ({ name: 'Weighted fill ratio of industries served', definition: 'Fill ratios of the industries the major serves, averaged with its weights (industries with demand only).', formula: 'Σ weight × F ÷ Σ weights', threshold: '' }),
  },
  {
    id: 'loop_outcome', inputs: ['programmes'], policy: ['recommend.loop_min_change'],
    zh: (p) => ({ name: '建议落实（闭环）', definition: '某年的建议对照下一年的专业设置：新开对接专业为已开设，招生计划增加为已扩招，减少为已调减，否则未响应（招生计划含估算值的建议不作判断，新开专业除外）；已开设与已扩招合计为已响应。', formula: '响应占比 = 已响应 ÷ 建议条数', threshold: `计划变化至少 ${p.pct('recommend.loop_min_change')}` }),
    en: (p) => ({ name: 'Acted on (loop)', definition: "A year's recommendations checked against the next year's programmes: opened an anchor major, expanded or reduced the intake plan, or not acted (not judged where the intake plans include estimates, unless a major was opened); opened and expanded are acted on.", formula: 'share acted = acted ÷ recommendations', threshold: `plan change of at least ${p.pct('recommend.loop_min_change')}` }),
  },
  {
    id: 'students', inputs: POINTS, policy: [],
    zh: () => ({ name: '在校生', definition: '在办专业点填报的在校生人数，包括各年级。', formula: 'Σ 在校生', threshold: '' }),
    en: () => ({ name: 'Students', definition: 'Students of active programme points as reported, all years of the programme.', formula: 'Σ students', threshold: '' }),
  },
  {
    id: 'loop_plan_added', inputs: ['programmes'], policy: [],
    zh: () => ({ name: '响应新增招生计划', definition: '得到响应（开设或扩招）的建议，次年对接专业招生计划的变化合计；是早期信号，毕业生要数年后才出现。', formula: 'Σ (次年计划 − 当年计划)，只计已响应的建议', threshold: '' }),
    en: () => ({ name: 'Intake added by responses', definition: 'Change in the intake plan of the anchor majors, summed over the recommendations acted on (opened or expanded); an early signal, as graduates follow years later.', formula: 'Σ (plan next year − plan that year) over acted-on recommendations', threshold: '' }),
  },
  {
    id: 'employment_rate', inputs: ['programmes'], policy: [],
    zh: () => ({ name: '就业率', definition: '学校填报的该专业毕业生就业率；未填报时显示“—”。', formula: '填报值', threshold: '' }),
    en: () => ({ name: 'Employment rate', definition: "The programme's graduate employment rate as the school reports it; “—” when not reported.", formula: 'as reported', threshold: '' }),
  },
  {
    id: 'postings', inputs: ['postings'], policy: [],
    zh: () => ({ name: '招聘岗位', definition: '每日招聘数据中的岗位条数，重复发布的同一岗位只计一次；按职位名称、用人单位和行业提示归入产业，未能归入的单列。与汇总需求分列显示，从不相加。', formula: 'Σ 去重后的岗位条数', threshold: '' }),
    en: () => ({ name: 'Job postings', definition: 'Postings of the daily feed, a re-sent posting counted once; classified to an industry from title, employer and industry hint, the unclassified shown apart. Shown beside aggregated demand, never added to it.', formula: 'Σ distinct postings', threshold: '' }),
  },
  {
    id: 'postings_unclassified', inputs: ['postings'], policy: [],
    zh: () => ({ name: '未能归入产业的岗位占比', definition: '没有任何分类规则匹配的招聘岗位占全部岗位的比例；这些岗位计数并列出，不丢弃。', formula: '未归类岗位 ÷ 全部岗位', threshold: '' }),
    en: () => ({ name: 'Unclassified share', definition: 'Share of postings no classification rule matches; they are counted and listed, never dropped.', formula: 'unclassified postings ÷ all postings', threshold: '' }),
  },
  {
    id: 'postings_outside', inputs: ['postings'], policy: [],
    zh: () => ({ name: '重点产业以外的岗位占比', definition: '被规则判定为不属于任何重点产业（金融、房地产、教育培训、商贸等）的岗位占全部岗位的比例。', formula: '重点产业以外的岗位 ÷ 全部岗位', threshold: '' }),
    en: () => ({ name: 'Share outside the key industries', definition: 'Share of postings a rule places outside every key industry (finance, property, training, trade…).', formula: 'postings outside ÷ all postings', threshold: '' }),
  },
  {
    id: 'posting_openings', inputs: ['postings'], policy: [],
    zh: () => ({ name: '岗位招聘人数', definition: '招聘岗位标明的招聘人数合计，全部岗位都计入；“其中重点产业要求职业教育层次”只计重点产业中要求中职、高职或职业本科学历的岗位，与汇总需求可比。', formula: 'Σ 招聘人数', threshold: '' }),
    en: () => ({ name: 'Headcount of postings', definition: 'Headcount every posting asks for; the vocational part counts only the key industries\' postings asking for a vocational level, comparable with aggregated demand.', formula: 'Σ headcount', threshold: '' }),
  },
  {
    id: 'posting_confidence', inputs: ['postings'], policy: ['postings.cross_cutting_priority'],
    zh: (p) => ({ name: '归类置信度', definition: '高：用人单位行业表归类，或职位名称、用人单位、行业提示中两项指向同一产业；中：一项非通用规则指向该产业；低：只有通用职位（IT、仓储等）指向该产业。', formula: '高 / 中 / 低 的岗位条数', threshold: `优先级 ${p.num('postings.cross_cutting_priority')} 起为通用职位规则` }),
    en: (p) => ({ name: 'Classification confidence', definition: 'High: placed by the employer table, or two of title, employer and industry label name the industry; medium: one non-cross-cutting rule names it; low: only a cross-cutting title (IT, warehouse…) does.', formula: 'postings of high / medium / low confidence', threshold: `rules from priority ${p.num('postings.cross_cutting_priority')} up are cross-cutting titles` }),
  },
  {
    id: 'posting_rules', inputs: ['postings'], policy: [],
    zh: () => ({ name: '分类规则的匹配与生效', definition: '关键词按整词匹配，含排除词时不匹配；多条规则匹配时优先级数字最小的生效。匹配：含该关键词的岗位数；生效：由该规则归类的岗位数。', formula: '匹配 = 含关键词的岗位数；生效 = 由该规则归类的岗位数', threshold: '' }),
    en: () => ({ name: 'Rules matched and fired', definition: 'Keywords match whole words, not when an exclude word is present; of several matching rules the lowest priority number fires. Matched: postings with the keyword; fired: postings the rule classified.', formula: 'matched = postings with the keyword; fired = postings classified by the rule', threshold: '' }),
  },
  {
    id: 'outlook', inputs: ['demand'], policy: [],
    zh: () => ({ name: '需求预测', definition: '各产业今后五年每年的岗位需求：在朴素（沿用上年）、漂移与 AutoETS 中按滚动回测误差选用，附 80 % 与 95 % 预测区间；选用的模型不优于朴素基线时采用基线。不含退休等替补需求。', formula: 'D̂(t+h)，区间为预测分布的 10–90 % 与 2.5–97.5 % 分位', threshold: '' }),
    en: () => ({ name: 'Demand outlook', definition: "Each industry's openings for each of the next five years: naive (last value), drift or AutoETS, chosen by rolling-origin back-test error, with 80 % and 95 % intervals; where no model beats the naive baseline the baseline is used. Replacement demand is not included.", formula: 'D̂(t+h); intervals the 10–90 % and 2.5–97.5 % quantiles', threshold: '' }),
  },
  {
    id: 'backtest', inputs: ['demand'], policy: [],
    zh: () => ({ name: '回测误差', definition: '只用预测起点以前的数据逐年滚动预测历史年份，与实际相比的平均绝对百分比误差（MAPE）及区间覆盖率，与朴素基线并列；误差低于基线时才采用该模型。', formula: 'MAPE = 平均 |D̂ − D| ÷ D', threshold: '' }),
    en: () => ({ name: 'Back-test error', definition: 'Past years forecast from their own history only (rolling origin), compared with what happened: mean absolute percentage error (MAPE) and interval coverage, beside the naive baseline; a model is used only when its error is below the baseline.', formula: 'MAPE = mean |D̂ − D| ÷ D', threshold: '' }),
  },
  {
    id: 'future_gap', inputs: BALANCE, policy: [],
    zh: () => ({ name: '未来缺口', definition: '某年的预测岗位需求减去当年毕业的供给（由各专业点当前招生与在校生按学制推算的届次流转，经对接表计入产业）；区间随需求预测区间。各数分别取整显示，所列缺口可能与所列两数之差相差 1。', formula: '未来缺口(t) = D̂(t) − S(t)', threshold: '' }),
    en: () => ({ name: 'Future gap', definition: "A year's forecast openings minus the graduates of that year (each programme's current intake and students carried through its years of study, mapped to industries); the interval follows the outlook's. Each figure is rounded on its own, so a gap shown may differ by 1 from the difference of the two figures shown.", formula: 'future gap(t) = D̂(t) − S(t)', threshold: '' }),
  },
  {
    id: 'enrolment_plan', inputs: POINTS, policy: [],
    zh: () => ({ name: '招生计划', definition: '专业点本年度的招生计划数（学校报送）。', formula: '招生计划数', threshold: '' }),
    en: () => ({ name: 'Enrolment plan', definition: "A programme's planned intake this year, as the school reports it.", formula: 'planned intake', threshold: '' }),
  },
  {
    id: 'plan_change', inputs: ['programmes', 'majors', 'crosswalk', 'demand'], policy: ['planner.change_cap', 'planner.school_cap', 'planner.min_class'],
    zh: (p) => ({ name: '建议招生计划', definition: '优化模型（HiGHS 求解）给出的明年招生计划：在学校容量、单专业调整上限、新设专业最小班额、专业布点上限与经费约束下，使各产业至毕业年的加权未来缺口与过剩最小。调整 = 建议计划 − 本年计划。', formula: '建议计划 = 本年计划 + 调整', threshold: `单专业调整不超过 ${p.pct('planner.change_cap')}，学校总量不超过 ${p.pct('planner.school_cap')}，新设专业至少 ${p.num('planner.min_class')} 人` }),
    en: (p) => ({ name: 'Proposed enrolment plan', definition: "Next year's intake proposed by the optimisation model (solved by HiGHS): the weighted future shortfall and surplus of every industry up to the graduation year made as small as school capacity, the per-programme change cap, the minimum class of a new programme, the duplication cap and the budget allow. Change = proposed − this year's plan.", formula: 'proposed = plan + change', threshold: `a programme changes by at most ${p.pct('planner.change_cap')}, a school by at most ${p.pct('planner.school_cap')}; a new programme opens with at least ${p.num('planner.min_class')} seats` }),
  },
  {
    id: 'plan_binding', inputs: ['programmes', 'majors', 'crosswalk', 'demand'], policy: [],
    zh: () => ({ name: '起作用的约束', definition: '方案中达到上限或下限的约束：放宽它们方案才可能更好；无解时列出相互冲突的约束。', formula: '约束值 = 上限或下限', threshold: '' }),
    en: () => ({ name: 'Binding constraints', definition: 'Constraints the plan meets at their bound: only relaxing them could improve it; for an infeasible instance, the constraints in conflict.', formula: 'constraint value = its bound', threshold: '' }),
  },
  {
    id: 'plan_followed', inputs: ['plan_proposals', 'programmes'], policy: ['planner.follow_share'],
    zh: (p) => ({ name: '方案落实情况', definition: '上一年度招生计划方案中每项调整（扩招、缩减、新设或停招），与该年实际招生计划对照（只有备案信息、招生计划为估算的专业点不作对照）：实际调整方向与方案一致且幅度达到方案调整的规定比例为“已落实”，方向一致但不足为“部分落实”，计划未变为“未落实”，方向相反为“反向调整”。四类相加等于方案调整项数。实际计划取该年专业点的招生计划，未列出、停招或撤销计为 0。', formula: '实际调整 = 实际计划 − 原计划；方案调整 = 方案计划 − 原计划', threshold: `已落实：实际调整 ≥ 方案调整的 ${p.pct('planner.follow_share')}（同向）` }),
    en: (p) => ({ name: 'Proposal followed', definition: "Each change of last year's proposed enrolment plan (expand, cut, open or close) against that year's actual plan (not for a programme listed without figures, whose plan is only an estimate): followed when the actual change has the proposed direction and at least the set share of its size, partly when the direction is right but the change smaller, not acted on when the plan stayed, opposite when it moved the other way. The four add up to the proposals. The actual plan is the programme's plan that year; not listed, suspended or closed counts as 0.", formula: 'actual change = actual plan − base plan; proposed change = proposed plan − base plan', threshold: `followed: actual change ≥ ${p.pct('planner.follow_share')} of the proposed change, same direction` }),
  },
  {
    id: 'plan_new_opened', inputs: ['plan_proposals', 'programmes'], policy: [],
    zh: () => ({ name: '方案新设专业开设数', definition: '方案建议新设的专业点中，该年实际列出且招生计划大于 0 的个数。', formula: '计数（新设建议 且 实际计划 > 0）', threshold: '' }),
    en: () => ({ name: 'Proposed programmes opened', definition: 'Of the programmes the plan proposed to open, those listed that year with a plan above 0.', formula: 'count(proposed to open and actual plan > 0)', threshold: '' }),
  },
  {
    id: 'plan_seats_tracked', inputs: ['plan_proposals', 'programmes'], policy: [],
    zh: () => ({ name: '方案调整与实际调整名额', definition: '方案各项调整的名额合计（净值，缩减为负），与同一批专业点实际招生计划变化的合计。只计方案涉及的专业点，不含其他专业点的变化。', formula: 'Σ (方案计划 − 原计划)；Σ (实际计划 − 原计划)', threshold: '' }),
    en: () => ({ name: 'Seats proposed and seats changed', definition: "The net seats the plan's changes add (cuts negative), and the net change of the same programmes' actual plans. Only the programmes the plan changed; other programmes' changes are not counted.", formula: 'Σ (proposed − base plan); Σ (actual − base plan)', threshold: '' }),
  },
  {
    id: 'plan_gap_moved', inputs: ['plan_proposals', 'programmes', 'demand', 'crosswalk'], policy: [],
    zh: () => ({ name: '未来缺口变化', definition: '方案所针对的毕业年份里，该产业的未来缺口：提出方案时的预测（不含方案、含方案），与现在按实际招生计划和最新需求预测的结果比较。缺口变化 = 现在缺口 − 提出时缺口（为正：缺人更多）；趋于平衡 = |提出时缺口| − |现在缺口|，为正表示短缺或过剩都更接近平衡。它同时反映实际计划与需求预测的更新。多个毕业年份时相加。', formula: '缺口变化 = Σ 现在未来缺口 − Σ 提出时未来缺口；趋于平衡 = |Σ 提出时| − |Σ 现在|', threshold: '' }),
    en: () => ({ name: 'Future gap moved', definition: "The industry's future gap in the graduation years the plan aimed at: as forecast when it was proposed (without and with the plan) and as forecast now, with the actual plans and the latest demand outlook. Gap change = gap now − gap at proposal (positive: more graduates missing); closer to balance = |gap at proposal| − |gap now|, positive when a shortage or a surplus shrank. It reflects both the actual plans and the updated outlook. Several graduation years are summed.", formula: 'gap change = Σ gap now − Σ gap at proposal; closer to balance = |Σ at proposal| − |Σ now|', threshold: '' }),
  },
];

const BY_ID = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** A definition by id; throws on an unknown id so a typo fails the build's tests. */
function definitionOf(id: string): Definition {
  const definition = BY_ID.get(id);
  if (!definition) throw new Error(`no definition ${id}`);
  return definition;
}

/** A definition's text in a language with the thresholds of `policy`. */
export function definitionText(id: string, lang: Lang, policy: PolicyValues): DefinitionText {
  return definitionOf(id)[lang](policyReader(policy));
}

/** A definition's name, which no threshold enters: a label where no policy is at hand. */
export function definitionName(id: string, lang: Lang): string {
  return definitionOf(id)[lang]({ pct: (key) => key, num: (key) => key }).name;
}

/** Who publishes each input table and what it is called, as an analyst cites it. */
export const SOURCES: Record<InputTable, Record<Lang, string>> = {
  programmes: { zh: '重庆市教育委员会 职业院校专业设置备案（专业点、在校生、毕业生）', en: 'Chongqing Municipal Education Commission, vocational programme registrations (points, students, graduates)' },
  schools: { zh: '重庆市教育委员会 职业院校名录', en: 'Chongqing Municipal Education Commission, register of vocational schools' },
  majors: { zh: '教育部《职业教育专业目录（2021年）》（教职成〔2021〕2号）', en: 'Ministry of Education, Vocational Education Major Catalogue (2021)' },
  crosswalk: { zh: '专业—产业对照表（本平台编制，编制依据见平台《专业—产业对照表编制说明》）', en: "Major–industry crosswalk (compiled for this platform; its reasoning is set out in the platform's note on the crosswalk)" },
  demand: { zh: '重庆市人力资源和社会保障局 人力资源市场供求统计（岗位需求数、求职人数）', en: 'Chongqing Human Resources and Social Security Bureau, labour-market supply and demand statistics (openings, seekers)' },
  industries: { zh: '重庆市“33618”现代制造业集群体系及未来产业', en: 'Chongqing “33618” modern manufacturing clusters and future industries' },
  industry_segments: { zh: '重庆市重点产业链环节（本平台整理）', en: 'Chain segments of the key industries (compiled for this platform)' },
  districts: { zh: '民政部 县级以上行政区划代码（重庆市）', en: 'Ministry of Civil Affairs, administrative division codes (Chongqing)' },
  postings: { zh: '招聘平台每日招聘岗位数据', en: 'Daily job postings of recruitment platforms' },
  posting_rules: { zh: '岗位分类规则表（本平台编制）', en: 'Posting classification rules (compiled for this platform)' },
  posting_employers: { zh: '用人单位行业表（本平台编制）', en: 'Employer industry table (compiled for this platform)' },
  plan_proposals: { zh: '上一年度的招生计划方案（本平台存档，或教育主管部门采纳的方案）', en: "Last year's proposed enrolment plan (archived by this platform, or the plan the bureau adopted)" },
  posting_occupations: { zh: '岗位职业词表（大类依人力资源和社会保障部《中华人民共和国职业分类大典（2022年版）》）', en: 'Occupation words of titles (major groups of the Occupational Classification of the PRC, 2022 edition, Ministry of Human Resources and Social Security)' },
};
