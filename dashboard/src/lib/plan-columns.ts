/** The columns of a plan's changes: one table shape for the 招生计划方案 view and a school page's 建议招生计划. */
import type { Column } from './table.ts';
import type { PlanChange } from '../../../pipeline/shared/planner/instance.ts';
import type { Messages } from '../i18n/zh.ts';
import type { Format, Lang } from '../../../pipeline/shared/format.ts';

type Change = Pick<PlanChange, 'major_code' | 'existing' | 'plan' | 'change' | 'proposed' | 'year' | 'reason_zh' | 'reason_en'>;

export function planChangeColumns<T extends Change>(m: Messages['plan'], f: Format, lang: Lang, majorNames: ReadonlyMap<string, string>): Column<T>[] {
  return [
    { label: m.columns.major, cell: (c) => majorNames.get(c.major_code) ?? c.major_code },
    { label: m.columns.majorCode, cell: (c) => c.major_code },
    { label: m.columns.existing, cell: (c) => (c.existing ? m.columns.existingYes : m.columns.existingNo) },
    { label: m.columns.plan, cell: (c) => f.int(c.plan), numeric: true, def: 'enrolment_plan' },
    { label: m.columns.change, cell: (c) => `${c.change > 0 ? '+' : ''}${f.int(c.change)}`, numeric: true, def: 'plan_change' },
    { label: m.columns.proposed, cell: (c) => f.int(c.proposed), numeric: true, def: 'plan_change' },
    { label: m.columns.year, cell: (c) => String(c.year) },
    { label: m.columns.reason, cell: (c) => (lang === 'en' ? c.reason_en : c.reason_zh), wrap: 'wide' },
  ];
}
