/** 研判 and 招生计划方案 views' strings (kept apart from zh.ts, which includes them). */
import { formatFor } from '../../../pipeline/shared/format.ts';

/** Counts grouped by thousands, as every figure of the dashboard (3,399). */
const count = formatFor('zh').int;

export const outlookZh = {
  pick: '选择产业',
  fanTitle: (name: string, year: number, value: string, lo: string, hi: string) => `${name}需求预计 ${year} 年 ${value} 人（80% 区间 ${lo}～${hi} 人）`,
  fanAxis: '需求（人）', yearAxis: '年份',
  actual: '实际', outlook: '预测', band80: '80% 区间', band95: '95% 区间',
  methods: { naive: '基线（沿用上年值）', drift: '趋势外推（漂移）', ets: '指数平滑（AutoETS）' } as Record<string, string>,
  methodLine: (method: string, mape: string, base: string, c80: string, c95: string, origins: number) =>
    `采用${method}：滚动回测平均绝对百分比误差 ${mape}，基线 ${base}；80% 区间覆盖率 ${c80}，95% 区间覆盖率 ${c95}（${origins} 个回测起点）。`,
  notBeaten: (mape: string, c80: string, c95: string, origins: number) =>
    `没有模型优于基线，预测采用基线（沿用上年值）：回测误差 ${mape}；80% 区间覆盖率 ${c80}，95% 区间覆盖率 ${c95}（${origins} 个回测起点）。`,
  untested: '历史年份不足，无法回测：预测采用基线（沿用上年值），准确度未知。',
  replacementNote: '预测为扩张需求：没有退休、离职等更替需求的输入，未计入更替需求。',
  accuracyTitle: (beat: number, n: number) => (beat ? `${count(n)} 个产业中 ${count(beat)} 个的预测模型回测误差低于基线` : `${count(n)} 个产业的预测模型均不优于基线，全部采用基线`),
  accuracyAxis: '回测平均绝对百分比误差（%）', chosenMape: '所用方法误差', baselineMape: '基线误差',
  gapTitle: (name: string, year: number, gap: string, short: boolean) => `${name}在 ${year} 年（明年招收的三年制学生毕业时）预计${short ? '缺口' : '过剩'} ${gap} 人`,
  gapAxis: '未来缺口（需求 − 届时毕业生供给，人）', gapAxisShort: '未来缺口（人）',
  gapNote: '供给为各专业点按当前招生和完成率推算的届时毕业生，经专业—产业映射折算；区间为需求预测区间平移。',
  noOutlook: '没有需求预测：需求输入的年份不足或未做研判。',
  columns: {
    industry: '产业', year: '年份', kind: '类型', openings: '需求', lo80: '80% 下限', hi80: '80% 上限', lo95: '95% 下限', hi95: '95% 上限',
    method: '所用方法', mape: '误差（MAPE）', baseline: '基线误差', coverage80: '80% 覆盖率', coverage95: '95% 覆盖率', origins: '回测起点',
    verdict: '是否优于基线', beats: '优于基线', notBeats: '不优于基线，采用基线', untested: '无法回测',
    supply: '届时毕业生供给', assumed: '其中按当前招生假定', estimated: '其中来自估算的招生', gap: '未来缺口',
  },
};

export const planZh = {
  statusTitle: '求解状态',
  status: { optimal: '最优', time_limit: '达到时间上限', infeasible: '不可行', no_options: '无可调整专业点', error: '求解失败' } as Record<string, string>,
  served: '刷新时求得的方案', resolved: '重新求解的方案',
  /** The solver's own status words (pipeline/shared/planner/solve.ts) in Chinese; a HiGHS status code stays as it is. */
  solverStatus: (status: string): string => ({
    'Optimal (within mip_gap of the LP relaxation bound)': '最优（与线性松弛界的差距在允许范围内）', Optimal: '最优',
    'Time limit reached': '达到时间上限', 'Time limit reached (rounded LP relaxation)': '达到时间上限（取整的线性松弛解）',
    Infeasible: '不可行', 'not run': '未求解',
  } as Record<string, string>)[status] ?? status,
  statusLine: (status: string, gap: string, vars: number, rows: number) => `${status}；与最优界的相对差距 ${gap}；${count(vars)} 个变量，${count(rows)} 个约束`,
  changesTitle: (n: number, added: string, cut: string) => (n ? `方案调整 ${count(n)} 个专业点：扩招或新设 ${added} 人，减招 ${cut} 人` : '方案不作调整'),
  gapTitle: (closed: string, year: number) => `方案使各产业至 ${year} 年的未来缺口（逐年相加）合计缩小 ${closed} 人`,
  gapAxis: '未来缺口（人）', gapBefore: '不调整', gapAfter: '按方案',
  bindingTitle: (n: number) => (n ? `${count(n)} 个约束起作用（达到上限或下限）` : '没有约束起作用'),
  conflictTitle: '相互冲突的约束',
  controls: '约束参数（修改后重新求解）',
  settings: {
    change_cap: '专业点变动上限（比例）', school_cap: '学校总量变动上限（比例）', min_class: '新设专业最小班额（人）',
    new_max: '新设专业最多招生（人）', duplication_cap: '同一专业开设学校数上限', budget: '经费增量上限（元/年）',
    city_change_min: '全市总量变动下限（比例）', city_change_max: '全市总量变动上限（比例）', require_adjacent: '只开设已有专业类内的专业',
  } as Record<string, string>,
  locks: '锁定（不作调整）', lockSchools: '锁定学校（代码，逗号分隔）', lockMajors: '锁定专业（代码，逗号分隔）',
  solve: '重新求解', solving: (s: number) => `正在求解…（${s} 秒）`, cancel: '取消求解', reset: '恢复政策文件默认值',
  invalid: '参数有误，未求解：',
  errors: {
    share: (name: string) => `${name}须为 0～1 之间的比例`,
    count: (name: string) => `${name}须为非负整数`,
    money: (name: string) => `${name}须为非负数`,
    order: '全市总量变动下限不得高于上限',
    minmax: '新设专业最小班额不得高于最多招生人数',
    unknown: (kind: string, codes: string) => `未知的${kind}代码：${codes}`,
  },
  schoolPart: '这里是全市方案中本校的部分。重新求解要用全市所有学校的方案选项，学校账号不能在此重新求解；如需调整，请联系教育局分析员。',
  compareTitle: '两个方案对照', compareNote: '左：刷新时求得的方案；右：按修改后的参数重新求解的方案。',
  compareOnly: '重新求解后在此对照两个方案。',
  differ: (n: number) => `${count(n)} 个专业点的调整不同`,
  download: '下载方案（xlsx）',
  /** The downloaded workbook: its sheets, the summary's rows and the constraints' kinds, in the screen's words. */
  workbook: {
    summary: '汇总', gap: '未来缺口', constraints: '约束', item: '项目', value: '取值',
    note: '注意', message: '说明', mipGap: '与最优界的相对差距', changed: '调整的专业点', added: '扩招或新设（人）', cut: '减招（人）',
    kind: '类型', binding: '起作用', conflict: '冲突',
  },
  noPlan: '仓库中没有招生计划方案（规划阶段未运行）。',
  schoolTitle: (n: number) => (n ? `建议招生计划：调整本校 ${count(n)} 个专业` : '建议招生计划：本校不作调整'),
  schoolUnchanged: '方案未调整本校的招生计划。',
  columns: {
    school: '学校', schoolCode: '学校代码', major: '专业', majorCode: '专业代码', existing: '类型', existingYes: '调整', existingNo: '新设',
    plan: '本年计划', change: '调整', proposed: '建议计划', year: '毕业年份', reason: '理由', industry: '产业',
    gapBefore: '不调整时缺口', gapAfter: '按方案缺口', constraint: '约束',
    gapBeforeSum: (first: number, last: number) => `不调整时缺口（${first}–${last} 年逐年相加）`,
    gapAfterSum: (first: number, last: number) => `按方案缺口（${first}–${last} 年逐年相加）`,
    left: '刷新时方案', right: '重新求解方案',
  },
};
