/** The plan view's figures: settings checked with reasons, seats and shortfall totals, two plans compared, the workbook read back. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { checkSettings, comparePlans, formFrom, gapByIndustry, seats, servedPlan, shortfallClosed, type ShownPlan } from '../../dashboard/src/lib/plan.ts';
import { planWorkbook } from '../../dashboard/src/lib/plan-xlsx.ts';
import { plannerSettings } from '../../pipeline/shared/planner/instance-rows.ts';
import type { PlanChange } from '../../pipeline/shared/planner/instance.ts';

const base = plannerSettings({
  change_cap: 0.3, school_cap: 0.1, min_class: 30, new_max: 50, budget: 2e7, city_change_min: -0.05, city_change_max: 0.05,
  require_adjacent: 1, w_shortfall: 1, w_surplus: 0.5, w_change: 0.01, time_limit: 60, mip_gap: 0.005,
}, 10);
const known = { schools: new Set(['S1', 'S2']), majors: new Set(['A', 'B']) };
const change = (school: string, major: string, d: number, existing = true): PlanChange => ({
  school_code: school, major_code: major, existing, plan: existing ? 100 : 0, change: d, proposed: (existing ? 100 : 0) + d, year: 2029,
  industry_code: 'X', reason_zh: `理由 ${major}`, reason_en: `reason ${major}`,
});

describe('checkSettings', () => {
  it('passes the policy file\'s own settings through unchanged, with the locks parsed', () => {
    const r = checkSettings({ ...formFrom(base), lock_schools: 'S1，S2', lock_majors: ' B ' }, base, known);
    expect(r).toEqual({ ok: true, parameters: base, locks: { schools: ['S1', 'S2'], majors: ['B'] } });
  });

  it('names every wrong value and clamps none', () => {
    const form = { ...formFrom(base), change_cap: '1.2', min_class: '30.5', budget: '-1', city_change_min: '0.1', city_change_max: '0.05',
      school_cap: '', lock_schools: 'S1, S9', lock_majors: 'Z' };
    const r = checkSettings(form, base, known);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { kind: 'share', key: 'change_cap' }, { kind: 'share', key: 'school_cap' }, { kind: 'count', key: 'min_class' },
      { kind: 'money', key: 'budget' }, { kind: 'order' },
      { kind: 'unknown', what: 'school', codes: ['S9'] }, { kind: 'unknown', what: 'major', codes: ['Z'] },
    ]);
    expect(checkSettings({ ...formFrom(base), min_class: '60' }, base, known)).toEqual({ ok: false, errors: [{ kind: 'minmax' }] });
  });
});

describe('plan figures', () => {
  it('adds up seats added and cut, the shortfall closed and the gap per industry', () => {
    expect(seats([change('S1', 'A', 30), change('S1', 'B', -10), change('S2', 'A', 40, false)])).toEqual({ added: 70, cut: 10 });
    const gaps = [
      { industry_code: 'X', year: 2028, gap_before: 50, gap_after: 20 },
      { industry_code: 'X', year: 2029, gap_before: 10, gap_after: -5 }, // closed 10, the surplus does not count
      { industry_code: 'Y', year: 2029, gap_before: -30, gap_after: -40 }, // no shortfall either way
    ];
    expect(shortfallClosed(gaps)).toBe(40);
    expect(gapByIndustry(gaps)).toEqual([{ industry_code: 'X', before: 60, after: 15 }, { industry_code: 'Y', before: -30, after: -40 }]);
  });

  it('compares two plans programme by programme, the differing ones first', () => {
    expect(comparePlans([change('S1', 'A', 30), change('S1', 'B', -10)], [change('S1', 'A', 30), change('S2', 'A', 40, false)])).toEqual([
      { school_code: 'S1', major_code: 'B', left: -10, right: 0, differs: true },
      { school_code: 'S2', major_code: 'A', left: 0, right: 40, differs: true },
      { school_code: 'S1', major_code: 'A', left: 30, right: 30, differs: false },
    ]);
  });

  it('reads the served plan back from its marts, binding and conflicting constraints apart; none without a status row', () => {
    const status = { status: 'optimal' as const, solver_status: 'Optimal', objective: 1, mip_gap: 0.001, variables: 4, constraints: 2, changes: 1, message_zh: '已求得最优方案', message_en: 'optimal plan found' };
    const plan = servedPlan([change('S1', 'A', 30)], [], [
      { kind: 'binding', constraint: 'school_S1', label_zh: '甲', label_en: 'a' }, { kind: 'conflict', constraint: 'budget', label_zh: '乙', label_en: 'b' },
    ], [status]);
    expect(plan?.binding).toEqual([{ constraint: 'school_S1', label_zh: '甲', label_en: 'a' }]);
    expect(plan?.conflict).toEqual([{ constraint: 'budget', label_zh: '乙', label_en: 'b' }]);
    expect(plan?.changes).toEqual([change('S1', 'A', 30)]);
    expect(servedPlan([], [], [], [])).toBeNull();
  });
});

describe('planWorkbook', () => {
  const plan: ShownPlan = {
    status: 'optimal', solver_status: 'Optimal', objective: 1, mip_gap: 0.004, variables: 4, constraints: 2,
    changes: [change('S1', 'A', 30), change('S1', 'B', -10), change('S2', 'A', 40, false)],
    gaps: [{ industry_code: 'X', year: 2029, gap_before: 50.4, gap_after: 20.2 }],
    binding: [{ constraint: 'school_S1', label_zh: '学校上限', label_en: 'school cap' }], conflict: [],
    message_zh: '已求得最优方案', message_en: 'optimal plan found',
  };
  const names = { school: (c: string) => (c === 'S1' ? '=HYPERLINK("x")' : '乙校'), major: (c: string) => (c === 'B' ? '=1+2' : `专业${c}`), industry: (c: string | null) => c ?? '' };

  it('writes a summary, the gap, the constraints and one sheet per school, numbers as numbers, headers frozen, names made safe', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await planWorkbook(plan, names, 'zh', false).xlsx.writeBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '未来缺口', '约束', 'S1 =HYPERLINK("x")', 'S2 乙校']);
    for (const w of book.worksheets) expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getCell('B4')).toMatchObject({ value: 0.004, numFmt: '0.00%' });
    expect(summary.getCell('B6').value).toBe(70);
    expect(summary.getCell('B7').value).toBe(10);
    // on the synthetic sample the summary says so first, the rest one row lower
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.load(await planWorkbook(plan, names, 'zh', true).xlsx.writeBuffer());
    expect(sample.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, '注意', zh.syntheticBanner]);
    expect(sample.getWorksheet('汇总')!.getCell('B7').value).toBe(70);
    // the gap is a percent on its own row, the message beside it is not
    expect(sample.getWorksheet('汇总')!.getCell('B5')).toMatchObject({ value: 0.004, numFmt: '0.00%' });
    expect(sample.getWorksheet('汇总')!.getCell('B4').numFmt).toBeUndefined();
    const s1 = book.worksheets[3];
    expect(s1.getRow(1).values).toEqual([undefined, '专业代码', '专业', '类型', '本年计划', '调整', '建议计划', '毕业年份', '产业', '理由']);
    expect(s1.getColumn(5).values.slice(2)).toEqual([30, -10]);
    expect(s1.getCell('I2').value).toBe('理由 A');
    expect(s1.getCell('B3').value).toBe("'=1+2"); // a name from the data never runs as a formula
    expect(book.worksheets[4].getCell('C2').value).toBe('新设');
    expect(book.getWorksheet('未来缺口')!.getRow(2).values).toEqual([undefined, 'X', 2029, 50, 20]);
  });

  /** A copy with every word marked, so a word the workbook writes from anywhere but the module shows up unmarked. */
  const marked = <T,>(node: T): T => (typeof node === 'string' ? `‹${node}›` as T
    : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, marked(v)])) as T : node);
  const isMarked = (v: unknown) => typeof v === 'string' && /^‹.*›$/.test(v);
  const cells = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

  it.each([['zh', zh], ['en', en]] as const)('takes its sheet names, headers and labels from the i18n module (%s)', async (lang, messages) => {
    const original = messages.plan;
    messages.plan = marked(original);
    try {
      const book = new ExcelJS.Workbook();
      const conflicting = { ...plan, conflict: [{ constraint: 'budget', label_zh: '经费', label_en: 'budget' }] };
      await book.xlsx.load(await planWorkbook(conflicting, names, lang, false).xlsx.writeBuffer());
      const { workbook: w, columns: c, statusTitle } = messages.plan;
      const [summary, gap, constraints] = book.worksheets;
      expect([summary.name, gap.name, constraints.name]).toEqual([w.summary, w.gap, w.constraints]);
      expect(summary.getColumn(1).values.slice(1)).toEqual([w.item, statusTitle, w.message, w.mipGap, w.changed, w.added, w.cut]);
      expect(cells(summary.getRow(1))).toEqual([w.item, w.value]);
      expect(cells(gap.getRow(1))).toEqual([c.industry, c.year, c.gapBefore, c.gapAfter]);
      expect(constraints.getColumn(1).values.slice(1)).toEqual([w.kind, w.binding, w.conflict]);
      expect(cells(constraints.getRow(1))).toEqual([w.kind, c.constraint]);
      for (const sheet of book.worksheets) expect(cells(sheet.getRow(1)).filter((h) => !isMarked(h)), sheet.name).toEqual([]);
    } finally {
      messages.plan = original;
    }
  });
});
