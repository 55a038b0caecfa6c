/** Strings of the proposed plan's loop tracking (方案闭环跟踪) on the 闭环跟踪 view; tracking-en.ts has the same keys. */
import { formatFor } from '../../../pipeline/shared/format.ts';

/** Counts grouped by thousands, as every figure of the dashboard (3,399). */
const count = formatFor('zh').int;
export const trackingZh = {
  heading: '招生计划方案的落实情况',
  intro: (year: number) => `上一年度为 ${year} 年提出的招生计划方案，与 ${year} 年实际招生计划逐项对照。`,
  fromData: '数据目录中的采纳方案',
  fromArchive: (snapshot: string, time: string) => `平台存档的方案（快照 ${snapshot}，${time} 提出）`,
  fromArchiveUnknown: '平台存档的方案',
  none: '尚无上一年度的方案可对照：平台每次刷新都会存档为下一年提出的招生计划方案，待下一年的专业数据载入后在此对照；也可在数据目录放入采纳的方案（plan_proposals.csv）。',
  notYet: (year: number) => `已存档 ${year} 年的方案，${year} 年的专业数据载入后即可对照。`,
  year: '方案年份',
  proposals: '方案调整项', followed: '已落实', partly: '部分落实', notActed: '未落实', opposite: '反向调整',
  share: (share: string) => `占 ${share}`,
  opened: '新设专业已开设', openedDetail: (n: string) => `方案建议新设 ${n} 个`,
  seats: '实际调整名额', seatsDetail: (n: string) => `方案调整 ${n} 个名额`,
  industriesTitle: (narrowed: number, withGap: number) => (withGap
    ? `${count(withGap)} 个产业中，${count(narrowed)} 个产业在方案针对的毕业年份的预计缺口更接近平衡`
    : '各产业的方案调整与实际调整'),
  seatsTitle: (proposed: string, changed: string) => `方案调整 ${proposed} 个名额，同一批专业点实际调整 ${changed} 个`,
  seatsAxis: '名额（人）', seatsProposed: '方案调整名额', seatsChanged: '实际调整名额',
  noIndustry: '未对应重点产业',
  noIndustryNote: (n: string) => `另有 ${n} 项调整的专业未对应任何重点产业，不在各产业之列；名额图中合为“未对应重点产业”一项，各项相加即标题中的合计。`,
  industriesNote: '名额为净值（缩减为负），只计方案涉及的专业点。缺口为方案针对的毕业年份之和：提出时的预测与现在按实际计划和最新需求的预测相比，它同时反映计划与需求预测的变化。',
  detailTitle: (n: number) => `${count(n)} 项方案调整的落实情况`,
  detailTitleSchool: (n: number, city: number) => `本校 ${count(n)} 项方案调整的落实情况（全市共 ${count(city)} 项，其他学校的不显示）`,
  detailOutside: (city: number) => `全市共 ${count(city)} 项方案调整；各校的落实情况只对教育局账号和学校本校显示`,
  columns: {
    industry: '产业', proposals: '调整项', followed: '已落实', partly: '部分落实', notActed: '未落实', opposite: '反向',
    share: '落实占比', newProposed: '建议新设', newOpened: '已开设', seatsProposed: '方案名额', seatsChanged: '实际名额',
    gapAtProposal: '提出时缺口', gapPlanned: '方案后缺口', gapNow: '现在缺口', gapNarrowed: '趋于平衡',
    school: '学校', major: '专业', plan: '原计划', proposed: '方案计划', actual: '实际计划',
    proposedChange: '方案调整', actualChange: '实际调整', outcome: '结果', newProgramme: '新设',
  },
};
