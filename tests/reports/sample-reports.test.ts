/**
 * Every report of the shipped sample, generated from the warehouse the global setup built, read back
 * and compared with the marts they print (so no figure here is typed in by hand).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { DuckDBConnection } from '@duckdb/node-api';
import { generateReports, type ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { setPolicyVariables } from '../../pipeline/config/policy.ts';
import { candidacyReason, type CandidacyFacts } from '../../pipeline/shared/advice.ts';
import { VOCABULARY } from '../../pipeline/shared/vocabulary.ts';
import { rows, sampleConnection, sampleManifest } from '../support/warehouse.ts';

let conn: DuckDBConnection;
let out: string;
let index: ReportIndex;
const progress: [string, number, number][] = [];

beforeAll(async () => {
  conn = await sampleConnection();
  const manifest = sampleManifest();
  await setPolicyVariables(conn, manifest.policy);
  out = mkdtempSync(join(tmpdir(), 'reports-'));
  index = await generateReports(conn, out, {
    snapshot: manifest.snapshot, finished_at: manifest.finished_at, data_label: manifest.data_label,
    synthetic: manifest.synthetic, title: manifest.title,
  }, { progress: (label, done, total) => progress.push([label, done, total]) });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const workbook = async (path: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(out, path));
  return book;
};

/** The school with the most labelled rows: its report exercises every section. */
async function busiestSchool() {
  const [top] = await rows<{ school_code: string; school_name: string }>(conn, `SELECT school_code, any_value(school_name) AS school_name
    FROM mart_school_report GROUP BY school_code ORDER BY count(*) FILTER (WHERE label <> 'keep') DESC, school_code LIMIT 1`);
  return top;
}

describe('generateReports on the sample', () => {
  it('writes three files per school and per industry and lists them in index.json', async () => {
    const [{ schools }] = await rows<{ schools: number }>(conn, 'SELECT count(*)::INTEGER AS schools FROM mart_school');
    const [{ industries, year }] = await rows<{ industries: number; year: number }>(conn,
      'SELECT count(*)::INTEGER AS industries, any_value(year) AS year FROM mart_industry WHERE year = (SELECT max(year) FROM mart_school)');
    expect(index.schools).toHaveLength(schools);
    expect(index.industries).toHaveLength(industries);
    expect(index.year).toBe(year);
    for (const entry of [...index.schools, ...index.industries]) {
      for (const file of Object.values(entry.files)) expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))).toEqual(index);
    // Each report told once, the count reaching the total (the industries go first: they need no plan).
    expect(progress.map(([label]) => label).sort()).toEqual([...index.schools, ...index.industries].map((e) => e.code).sort());
    expect(progress.at(-1)!.slice(1)).toEqual([schools + industries, schools + industries]);
    const first = index.schools[0];
    expect(first.files).toEqual({ html: `schools/${first.code}.html`, xlsx: `schools/${first.code}.xlsx`, csv: `schools/${first.code}.csv` });
    // the sample is synthetic: its file names say so, beside the year
    expect(first.download_names.xlsx).toBe(`${first.name}_专业调整报告_${year}年_示例数据.xlsx`);
  });

  it('writes a school workbook with the five sheets, frozen headers and real numbers matching the mart', async () => {
    const school = await busiestSchool();
    const book = await workbook(`schools/${school.school_code}.xlsx`);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '专业点', '建议', '建议招生计划', '证据']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(0);
    }
    const mart = await rows<Record<string, number | string | null>>(conn, `SELECT major_code, students, plan, fill_ratio,
      employment_rate FROM mart_school_report WHERE school_code = '${school.school_code}' AND offered ORDER BY position`);
    const sheet = book.getWorksheet('专业点')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['专业代码', '专业名称', '专业类', '在校生']);
    const col = (label: string) => header.indexOf(label) + 1;
    expect(sheet.rowCount).toBe(mart.length + 1);
    mart.forEach((m, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col('专业代码')).value).toBe(m.major_code);
      expect(row.getCell(col('在校生')).value).toBe(m.students); // a number cell, not text
      expect(row.getCell(col('招生计划')).value).toBe(m.plan);
      expect(row.getCell(col('加权供需比')).value ?? null).toBe(m.fill_ratio);
      expect(row.getCell(col('就业率')).value ?? null).toBe(m.employment_rate);
    });
    const rated = mart.findIndex((m) => m.employment_rate !== null);
    expect(sheet.getRow(rated + 2).getCell(col('就业率')).numFmt).toBe('0.0%');
    const summary = book.getWorksheet('概要')!;
    const [{ programme_points }] = await rows<{ programme_points: number }>(conn,
      `SELECT programme_points FROM mart_school WHERE school_code = '${school.school_code}'`);
    expect(summary.getRow(2).values).toEqual([undefined, '专业点数', programme_points]);
    expect(summary.getColumn(1).values).toContain('刷新时间');
  });

  it('writes the school CSV as UTF-8 with a BOM and CRLF, one line per mart row', async () => {
    const school = await busiestSchool();
    const bytes = readFileSync(join(out, `schools/${school.school_code}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).every((l) => !l.includes('\n'))).toBe(true);
    expect(lines[0].split(',').slice(0, 5)).toEqual(['专业代码', '专业名称', '专业类', '专业大类', '建议']);
    // every mart row, and a row for each programme the plan opens that the mart does not list
    const [{ n }] = await rows<{ n: number }>(conn, `SELECT ((SELECT count(*) FROM mart_school_report WHERE school_code = '${school.school_code}')
      + (SELECT count(*) FROM mart_plan p WHERE school_code = '${school.school_code}' AND major_code NOT IN
          (SELECT major_code FROM mart_school_report WHERE school_code = '${school.school_code}')))::INTEGER AS n`);
    expect(lines.length - 2).toBe(n);
    // the sample's figures are synthetic: every row says so, as the file name, the page and the workbook do
    expect(lines[0].split(',').at(-1)).toBe('数据说明');
    expect(lines.slice(1, -1).every((l) => l.endsWith(',合成示例数据，非真实统计'))).toBe(true);
  });

  it('marks each programme whose graduates are estimated, in the workbook and the CSV', async () => {
    // the school with the most estimated graduates among its programmes, read from the points themselves
    const [school] = await rows<{ school_code: string }>(conn, `SELECT school_code FROM mart_school_programme
      WHERE year = (SELECT max(year) FROM mart_school) GROUP BY school_code
      ORDER BY count(*) FILTER (WHERE graduates_estimated) DESC, school_code LIMIT 1`);
    const points = new Map((await rows<{ major_code: string; graduates_estimated: boolean; figures_estimated: boolean }>(conn,
      `SELECT major_code, graduates_estimated, figures_estimated FROM mart_school_programme
       WHERE year = (SELECT max(year) FROM mart_school) AND school_code = '${school.school_code}'`)).map((p) => [p.major_code, p]));
    const expected = (code: string) => {
      const p = points.get(code);
      return p?.figures_estimated ? VOCABULARY.zh.estimates.figures : p?.graduates_estimated ? VOCABULARY.zh.estimates.graduates : '';
    };
    expect([...points.values()].some((p) => p.graduates_estimated)).toBe(true);
    expect([...points.values()].some((p) => !p.graduates_estimated)).toBe(true);
    const csv = parse(readFileSync(join(out, `schools/${school.school_code}.csv`), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const offered = csv.filter((r) => r['已开设'] === '是');
    expect(offered.length).toBe(points.size);
    for (const r of offered) expect(r['估算项'], r['专业代码']).toBe(expected(r['专业代码']));
    const sheet = (await workbook(`schools/${school.school_code}.xlsx`)).getWorksheet('专业点')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    for (let i = 2; i <= sheet.rowCount; i++) {
      const row = sheet.getRow(i);
      expect(row.getCell(col('估算项')).value ?? '').toBe(expected(String(row.getCell(col('专业代码')).value)));
    }
  });

  it('says in each industry report how much of its supply rests on estimated graduates, on the page and by year in the workbook', async () => {
    const industries = await rows<{ industry_code: string; year: number; supply_estimated: number }>(conn,
      'SELECT industry_code, year::INTEGER AS year, supply_estimated FROM mart_industry ORDER BY industry_code, year');
    const latest = Math.max(...industries.map((i) => i.year));
    expect(industries.some((i) => i.year === latest && Math.round(i.supply_estimated) > 0)).toBe(true);
    for (const code of new Set(industries.map((i) => i.industry_code))) {
      const mine = industries.filter((i) => i.industry_code === code);
      const now = Math.round(mine.find((i) => i.year === latest)!.supply_estimated);
      const page = readFileSync(join(out, `industries/${code}.html`), 'utf8');
      expect(page.includes(`其中 ${now.toLocaleString('en')} 来自估算的毕业生`), code).toBe(now > 0);
      const sheet = (await workbook(`industries/${code}.xlsx`)).getWorksheet('证据')!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      const [year, estimated] = [header.indexOf('年份') + 1, header.indexOf('供给中的估算部分') + 1];
      expect(estimated, code).toBeGreaterThan(0);
      const printed = new Map<number, number>();
      for (let i = 2; i <= sheet.rowCount; i++) {
        // years are number cells, as in a school's workbook
        expect(typeof sheet.getRow(i).getCell(year).value, `${code} row ${i}`).toBe('number');
        printed.set(sheet.getRow(i).getCell(year).value as number, Number(sheet.getRow(i).getCell(estimated).value));
      }
      for (const i of mine) expect(printed.get(i.year), `${code} ${i.year}`).toBeCloseTo(i.supply_estimated, 0);
    }
  });

  it("says beside each school's students and graduates how much of them is estimated, on the page and in the workbook", async () => {
    const schools = await rows<{ school_code: string; students: number; graduates: number }>(conn, `
      SELECT school_code, round(sum(students) FILTER (WHERE figures_estimated))::INTEGER AS students,
             round(sum(graduates) FILTER (WHERE figures_estimated OR graduates_estimated))::INTEGER AS graduates
      FROM mart_school_programme WHERE year = (SELECT max(year) FROM mart_school_programme) GROUP BY 1 ORDER BY 1`);
    expect(schools.some((s) => s.graduates > 0)).toBe(true);
    const said = (n: number | null, method: string) => (n ? `其中估算 ${n.toLocaleString('en')} 人（${method}）` : null);
    for (const s of schools) {
      const page = readFileSync(join(out, `schools/${s.school_code}.html`), 'utf8');
      for (const [n, method] of [[s.students, '仅有备案信息的专业点'], [s.graduates, '未报告处按在校生÷学制估算']] as const) {
        const note = said(n, method);
        if (note) expect(page, s.school_code).toContain(note);
        else expect(page, s.school_code).not.toContain(method);
      }
    }
    const estimated = schools.find((s) => s.graduates > 0)!;
    const summary = (await workbook(`schools/${estimated.school_code}.xlsx`)).getWorksheet('概要')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain(said(estimated.graduates, '未报告处按在校生÷学制估算'));
  });

  it("names as a programme's main industry the one its school is a candidate for, where it is one, and says so in the method", async () => {
    // a programme whose candidacy names an industry other than its heaviest-weighted one
    const [row] = await rows<{ school_code: string; major_code: string; industry_code: string }>(conn, `
      SELECT r.school_code, r.major_code, r.industry_code FROM mart_school_report r
      WHERE r.offered AND r.label = 'expand' AND r.industry_code NOT IN (
        SELECT industry_code FROM stg_crosswalk w WHERE w.major_code = r.major_code
        QUALIFY weight = max(weight) OVER (PARTITION BY major_code)) LIMIT 1`);
    expect(row).toBeTruthy();
    const page = readFileSync(join(out, `schools/${row.school_code}.html`), 'utf8');
    expect(page).toContain('本校列入某短缺产业候选院校、以该专业扩大招生的，为该产业');
  });

  it('names the figures the dashboard shows by the dashboard\'s terms: one vocabulary on screen and on paper', async () => {
    const term = (key: string) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], zh) as string;
    const bare = (words: string) => words.replace(/\s*[（(][^（）()]*[）)]$/, '');
    const figures = ['overview.programmePoints', 'overview.schools', 'gaps.supply', 'gaps.demand'].map((k) => bare(term(k)));
    const [{ industry_code }] = await rows<{ industry_code: string }>(conn, 'SELECT industry_code FROM mart_industry LIMIT 1');
    const evidence = ((await workbook(`industries/${industry_code}.xlsx`)).getWorksheet('证据')!.getRow(1).values as string[]).slice(1);
    expect(evidence).toEqual(expect.arrayContaining(figures));
    const school = await busiestSchool();
    const points = ((await workbook(`schools/${school.school_code}.xlsx`)).getWorksheet('专业点')!.getRow(1).values as string[]).slice(1);
    expect(points).toContain(bare(term('overview.graduates')));
  });

  it('gives each school its part of the proposed enrolment plan (建议招生计划) in the workbook, the page and the CSV', async () => {
    const [school] = await rows<{ school_code: string }>(conn,
      'SELECT school_code FROM mart_plan GROUP BY school_code ORDER BY count(*) FILTER (WHERE NOT existing) DESC, count(*) DESC, school_code LIMIT 1');
    const plan = await rows<{ major_code: string; existing: boolean; plan: number; change: number; proposed: number; reason_zh: string }>(conn,
      `SELECT major_code, existing, plan, change, proposed, reason_zh FROM mart_plan WHERE school_code = '${school.school_code}' ORDER BY major_code`);
    expect(plan.length).toBeGreaterThan(0);
    const sheet = (await workbook(`schools/${school.school_code}.xlsx`)).getWorksheet('建议招生计划')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    expect(sheet.rowCount).toBe(plan.length + 1);
    plan.forEach((p, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col('专业代码')).value).toBe(p.major_code);
      expect(row.getCell(col('类型')).value).toBe(p.existing ? '调整' : '新设');
      expect(row.getCell(col('建议调整')).value).toBe(p.change); // a number cell
      expect(row.getCell(col('建议招生计划')).value).toBe(p.proposed);
      expect(row.getCell(col('理由')).value).toBe(p.reason_zh);
      expect(row.getCell(col('毕业年份')).numFmt).toBe('0'); // 2029, not 2,029
    });
    const html = readFileSync(join(out, `schools/${school.school_code}.html`), 'utf8');
    expect(html).toContain('建议招生计划');
    for (const p of plan) expect(html).toContain(p.reason_zh);
    const csv = readFileSync(join(out, `schools/${school.school_code}.csv`), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('建议招生计划调整,建议招生计划,招生计划理由');
    for (const p of plan) expect(csv).toContain(p.reason_zh);
    // a programme the plan opens has its 专业类 and 专业大类; no advice, which only the advice's own analysis gives
    const opened = await rows<{ major_code: string; category_name: string; division_name: string }>(conn, `SELECT p.major_code, m.category_name, m.division_name
      FROM mart_plan p JOIN dim_major m USING (major_code) WHERE p.school_code = '${school.school_code}' AND NOT p.existing ORDER BY p.major_code`);
    expect(opened.length).toBeGreaterThan(0);
    const lines = csv.split('\r\n');
    for (const o of opened) {
      const cells = lines.find((l) => l.startsWith(`${o.major_code},`))!.split(',');
      expect(cells.slice(2, 6)).toEqual([o.category_name, o.division_name, '', '否']);
    }
  });

  it('prints the school page in Chinese with charts, the synthetic banner, source and refresh time', async () => {
    const school = await busiestSchool();
    const html = readFileSync(join(out, `schools/${school.school_code}.html`), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain(`${school.school_name} 专业调整报告`);
    expect(html.match(/<svg class="chart"/g)?.length).toBe(2);
    expect(html).toContain('合成示例数据，非真实统计');
    const manifest = sampleManifest();
    expect(html).toContain(manifest.snapshot);
    expect(html).toContain('（北京时间）');
    expect(html).not.toMatch(/<script/i);
  });

  it.each(['advanced_materials', 'low_altitude'])('names candidate schools and majors with evidence in the %s report', async (code) => {
    const candidates = await rows<CandidacyFacts & { school_name: string; recommendation_id: string }>(conn,
      `SELECT * FROM mart_recommendation
       WHERE industry_code = '${code}' AND year = (SELECT max(year) FROM mart_school) ORDER BY rank`);
    expect(candidates.length).toBeGreaterThan(0);
    const html = readFileSync(join(out, `industries/${code}.html`), 'utf8');
    const csv = readFileSync(join(out, `industries/${code}.csv`), 'utf8');
    for (const c of candidates) {
      expect(html).toContain(c.school_name);
      expect(html).toContain(c.suggested_majors);
      expect(html).toContain(candidacyReason(c, 'zh'));
      expect(csv).toContain(c.recommendation_id);
    }
    const book = await workbook(`industries/${code}.xlsx`);
    expect(book.worksheets.map((s) => s.name).slice(0, 4)).toEqual(['概要', '专业点', '建议', '证据']);
    // the scope names the industry in Chinese, in the workbook and on the page
    const [{ name_zh }] = await rows<{ name_zh: string }>(conn, `SELECT name_zh FROM stg_industries WHERE industry_code = '${code}'`);
    const scope = book.getWorksheet('概要')!.getSheetValues().find((r) => Array.isArray(r) && r[1] === '范围') as string[];
    expect(scope[3]).toMatch(new RegExp(`^\\d{4}年 · ${name_zh} · 全市$`));
    expect(html).toContain(scope[3]);
    // candidates, then the programmes whose main industry this is that are labelled review
    const [{ reviews }] = await rows<{ reviews: number }>(conn, `SELECT count(*)::INTEGER AS reviews FROM mart_school_report
      WHERE industry_code = '${code}' AND label = 'review'`);
    const sheet = book.getWorksheet('建议')!;
    expect(sheet.rowCount).toBe(candidates.length + reviews + 1);
    expect(typeof sheet.getRow(2).getCell(2).value).toBe('number'); // 排名
  });
});
