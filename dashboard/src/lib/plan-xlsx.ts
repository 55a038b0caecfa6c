/**
 * A plan as an Excel workbook: a summary sheet (status, totals, the gap with and without the plan,
 * binding constraints) and one sheet per school with its changes and their reasons. Numbers are
 * number cells, headers frozen, names neutralised against formula injection (shared/csv.ts). Every
 * sheet name, header and label is the i18n module's, so the workbook says what the screen says.
 * Loaded only when the analyst downloads, so exceljs stays out of the page's first load.
 */
import ExcelJS from 'exceljs';
import { neutralise } from '../../../pipeline/shared/csv.ts';
import type { Lang } from '../../../pipeline/shared/format.ts';
import type { ShownPlan } from './plan.ts';
import { seats } from './plan.ts';
import { zh } from '../i18n/zh.ts';
import { en } from '../i18n/en.ts';

export interface Lookups { school(code: string): string; major(code: string): string; industry(code: string | null): string }

type Value = string | number | null;
const text = (v: Value) => (typeof v === 'string' ? neutralise(v) : v);

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Value[][], widths: number[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(text));
  return ws;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(used: Set<string>, wanted: string): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'sheet';
  let name = base;
  for (let i = 2; used.has(name); i += 1) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name);
  return name;
}

export function planWorkbook(plan: ShownPlan, names: Lookups, lang: Lang, synthetic: boolean): ExcelJS.Workbook {
  const messages = lang === 'en' ? en : zh;
  const m = messages.plan;
  const c = m.columns;
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  const w = m.workbook;
  const totals = seats(plan.changes);
  const gapRow: Value[] = [w.mipGap, plan.mip_gap];
  const rows: Value[][] = [
    ...(synthetic ? [[w.note, messages.syntheticBanner]] : []),
    [m.statusTitle, m.status[plan.status]],
    [w.message, lang === 'en' ? plan.message_en : plan.message_zh],
    gapRow,
    [w.changed, plan.changes.length],
    [w.added, totals.added],
    [w.cut, totals.cut],
  ];
  const summary = sheet(book, sheetName(used, w.summary), [w.item, w.value], rows, [28, 60]);
  // The gap as a percent, on its row below the header (one lower when the synthetic note comes first).
  summary.getCell(`B${rows.indexOf(gapRow) + 2}`).numFmt = '0.00%';
  sheet(book, sheetName(used, w.gap), [c.industry, c.year, c.gapBefore, c.gapAfter],
    plan.gaps.map((g) => [names.industry(g.industry_code), g.year, Math.round(g.gap_before), Math.round(g.gap_after)]), [24, 10, 16, 16]);
  sheet(book, sheetName(used, w.constraints), [w.kind, c.constraint],
    [...plan.binding.map((b): Value[] => [w.binding, lang === 'en' ? b.label_en : b.label_zh]),
      ...plan.conflict.map((b): Value[] => [w.conflict, lang === 'en' ? b.label_en : b.label_zh])], [12, 80]);

  const bySchool = new Map<string, ShownPlan['changes']>();
  for (const ch of plan.changes) bySchool.set(ch.school_code, [...(bySchool.get(ch.school_code) ?? []), ch]);
  for (const [school, changes] of [...bySchool].toSorted(([a], [b]) => (a < b ? -1 : 1))) {
    sheet(book, sheetName(used, `${school} ${names.school(school)}`),
      [c.majorCode, c.major, c.existing, c.plan, c.change, c.proposed, c.year, c.industry, c.reason],
      changes.map((ch) => [ch.major_code, names.major(ch.major_code), ch.existing ? c.existingYes : c.existingNo, ch.plan, ch.change, ch.proposed,
        ch.year, names.industry(ch.industry_code), lang === 'en' ? ch.reason_en : ch.reason_zh]),
      [12, 22, 8, 10, 8, 10, 10, 18, 70]);
  }
  return book;
}
