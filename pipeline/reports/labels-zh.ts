/** Chinese words for the warehouse's enumerated values, as printed in every report. */

export const LABEL_ZH: Record<string, string> = {
  expand: '扩大招生',
  keep: '保持',
  review: '论证调减',
  open: '论证开设',
};

export const ACTION_ZH: Record<string, string> = { expand: '扩大', open: '新开' };

export const SIGNAL_ZH: Record<string, string> = {
  shortage: '短缺',
  balanced: '平衡',
  oversupply: '供过于求',
  no_demand: '无需求',
};

export const LEVEL_ZH: Record<string, string> = { secondary: '中职', higher: '高职专科', bachelor: '职业本科' };

export const OWNERSHIP_ZH: Record<string, string> = { public: '公办', private: '民办' };

export const OUTCOME_ZH: Record<string, string> = {
  opened: '已开设',
  expanded: '已扩招',
  reduced: '已缩减',
  not_acted: '未响应',
};

export const STRENGTH_ZH: Record<string, string> = {
  clear: '响应明显',
  no_clear_response: '无明显响应',
  insufficient_data: '数据不足',
};

export const STAGE_ZH: Record<string, string> = { upstream: '上游', midstream: '中游', downstream: '下游', service: '服务' };

export const PROXIMITY_ZH: Record<string, string> = { district: '本区县有需求', area: '本片区有需求', none: '附近无需求' };

/** `zh(SIGNAL_ZH, 'shortage')` → '短缺'; an unknown value is shown as it is rather than hidden. */
export const zh = (words: Record<string, string>, value: unknown): string =>
  value === null || value === undefined ? '' : (words[String(value)] ?? String(value));
