/**
 * The words for the warehouse's coded values (signals, advice labels, levels…), in both languages.
 * The dashboard and the reports print these and no others, so a screen and a downloaded file never
 * name the same thing differently.
 */
import type { Lang } from './format.ts';

export const VOCABULARY = {
  zh: {
    levels: { secondary: '中职', higher: '高职专科', bachelor: '职业本科' },
    ownerships: { public: '公办', private: '民办' },
    signals: { shortage: '供给不足', balanced: '基本平衡', oversupply: '供给过剩', no_demand: '无需求数据' },
    strengths: { clear: '响应明确', no_clear_response: '无明确响应', insufficient_data: '数据不足' },
    labels: { expand: '扩大招生', keep: '保持', review: '论证调减', open: '论证开设' },
    outcomes: { opened: '已开设', expanded: '已扩招', reduced: '已调减', not_acted: '未响应' },
    planOutcomes: { followed: '已落实', partly: '部分落实', not_acted: '未落实', opposite: '反向调整' },
    stages: { upstream: '上游', midstream: '中游', downstream: '下游', service: '服务' },
    proximities: { district: '本区县有需求', area: '本片区有需求', none: '附近无需求' },
    estimates: { figures: '招生计划、实际招生、在校生、毕业生', graduates: '毕业生' },
    synthetic: { column: '数据说明', note: '合成示例数据，非真实统计' },
  },
  en: {
    levels: { secondary: 'Secondary vocational', higher: 'Higher vocational', bachelor: 'Vocational bachelor' },
    ownerships: { public: 'Public', private: 'Private' },
    signals: { shortage: 'Shortage', balanced: 'Balanced', oversupply: 'Oversupply', no_demand: 'No demand data' },
    strengths: { clear: 'Clear response', no_clear_response: 'No clear response', insufficient_data: 'Insufficient data' },
    labels: { expand: 'Expand', keep: 'Keep', review: 'Review', open: 'Consider opening' },
    outcomes: { opened: 'Opened', expanded: 'Expanded', reduced: 'Reduced', not_acted: 'Not acted on' },
    planOutcomes: { followed: 'Followed', partly: 'Partly followed', not_acted: 'Not acted on', opposite: 'Opposite' },
    stages: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream', service: 'Services' },
    proximities: { district: 'Demand in its district', area: 'Demand in its area group', none: 'No demand nearby' },
    estimates: { figures: 'plan, enrolment, students, graduates', graduates: 'graduates' },
    synthetic: { column: 'Data note', note: 'Synthetic sample data, not real statistics' },
  },
};

/**
 * A table's rows (the header first) with a last column saying, on every row, that the data are the
 * synthetic sample: a CSV has no title to carry it, and a row copied out of it keeps it.
 */
export function markSynthetic<T>(rows: readonly (readonly T[])[], words: { column: string; note: string }): (T | string)[][] {
  return rows.map((row, i) => [...row, i === 0 ? words.column : words.note]);
}

/** Which of a programme point's figures are estimates (docs/metrics.md): all of them, its graduates, or none. */
export function estimateOf(point: { figures_estimated?: boolean | null; graduates_estimated?: boolean | null }): keyof typeof VOCABULARY.zh.estimates | null {
  if (point.figures_estimated) return 'figures';
  return point.graduates_estimated ? 'graduates' : null;
}

/** The words for what of a point is estimated, in a language; '' when nothing is (a table's 估算项 cell). */
export function estimateWords(point: Parameters<typeof estimateOf>[0], lang: Lang): string {
  const e = estimateOf(point);
  return e ? VOCABULARY[lang].estimates[e] : '';
}
