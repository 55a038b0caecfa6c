/**
 * Bureau files as they come: each messy form of a real-shaped programmes (and schools) file,
 * built from the clean file at test time, loads to exactly the same rows as the clean file, with
 * every rewrite counted in a note; what cannot be read right is rejected with its exact message.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadReport } from '../../pipeline/load/index.ts';
import { inputsFrom, load, query, REAL, removeInputs } from './helpers.ts';

afterAll(removeInputs);

const CLEAN = readFileSync(join(REAL, 'programmes.csv'), 'utf8');
const [HEADER, ...ROWS] = CLEAN.trim().split('\n').map((line) => line.split(','));
const col = (name: string) => HEADER.indexOf(name);
const csv = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
/** Each row with one column rewritten. */
const withColumn = (name: string, f: (value: string, i: number) => string) =>
  ROWS.map((r, i) => r.map((v, j) => (j === col(name) ? f(v, i) : v)));
/** The real catalogue rows of the fixture: code → name. */
const MAJORS_CSV = readFileSync(join(REAL, 'majors.csv'), 'utf8');
const MAJOR_NAMES = new Map(MAJORS_CSV.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2) as [string, string]));
/** Each row with a 专业名称 column: the catalogue's name of its code, or the name `named` gives it. */
const withNames = (named: Record<number, string> = {}) => ({
  'programmes.csv': csv([...HEADER, '专业名称'], ROWS.map((r, i) => [...r, named[i] ?? MAJOR_NAMES.get(r[col('major_code')])!])),
});
/** Full-width forms of ASCII letters, digits and signs, as a Chinese input method types them. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** 0.952 → "95.2" without binary noise. */
const percent = (rate: string) => String(Number((Number(rate) * 100).toFixed(6)));

/** Columns a programmes file may leave empty, and the marks tables write there for "no value". */
const OPTIONAL = ['graduates', 'employment_rate'];
const NO_VALUE = ['—', '/', '无', 'N/A'];

/**
 * The normalisation note for rewrites of [column, count, value before (by row), value after (by row)];
 * the example is the column's first row rewritten.
 */
function noteOf(columns: [string, number, (i: number) => string, ((i: number) => string)?][]): string {
  const first = (name: string) => ROWS.findIndex((r) => r[col(name)] === '' || !OPTIONAL.includes(name));
  const total = columns.reduce((n, [, count]) => n + count, 0);
  return `规范化 — normalised ${total} values before validation: ${columns.map(([name, count, before, after]) =>
    `${name} ${count} (e.g. "${before(first(name))}" → "${after ? after(first(name)) : ''}")`).join(', ')}`;
}

interface Tables { report: LoadReport; programmes: unknown[]; schools: unknown[] }

async function tables(files: Record<string, string | Buffer>, removed: string[] = []): Promise<Tables> {
  const { report, conn } = await load(await inputsFrom(REAL, files, removed));
  return {
    report,
    programmes: await query(conn, `FROM raw_programmes ORDER BY school_code, major_code`),
    schools: await query(conn, `FROM raw_schools ORDER BY school_code`),
  };
}

const notes = (t: Tables, table: string) => t.report.warnings.filter((w) => w.includes(`${table}.`)).map((w) => w.replace(/^.*?: /, ''));

let clean: Tables;
beforeAll(async () => {
  clean = await tables({});
});

describe('the clean real-shaped files', () => {
  it('load whole, with K codes as published', () => {
    expect(clean.report.rejects).toEqual([]);
    expect(clean.report.warnings).toEqual([]);
    expect(clean.programmes).toHaveLength(ROWS.length);
    expect(clean.programmes).toContainEqual(expect.objectContaining({ school_code: '4150014009', major_code: '520101K', students: 1180 }));
  });
});

/** Padding a spreadsheet export leaves around values. */
const padded = (v: string) => ` ${v}\u00a0`;
const PADDED_FIELDS = ['school_code', 'major_code', 'plan'];

/** The row a bureau's sheet ends with: the columns summed, no key. */
const sum = (name: string) => String(ROWS.reduce((n, r) => n + Number(r[col(name)] || 0), 0));
const TOTAL_ROW = ['合计', '', '', sum('plan'), sum('enrolled'), sum('students'), sum('graduates'), '', ''];

describe('each messy form loads to the same rows as the clean file', () => {
  const STATUS_WORDS: Record<string, string> = { active: '招生', suspended: '停招', closed: '撤销' };
  const cases: [string, () => Record<string, string>, string[]][] = [
    ['everyday header names', () => ({
      'programmes.csv': csv(['年度', '学校代码', '专业代码', '招生计划数', '实际招生人数', '在校生数', '毕业生人数', '就业率（%）', '专业状态'], ROWS),
    }), []],
    ['full-width digits and letters', () => ({ 'programmes.csv': csv(HEADER, ROWS.map((r) => r.map(fullWidth))) }),
      ['规范化 — normalised 86 values before validation: year 10 (e.g. "２０２５" → "2025"), school_code 10 (e.g. "４１５００１２２１５" → "4150012215"), '
        + 'major_code 10 (e.g. "４６０１０１" → "460101"), plan 10 (e.g. "２００" → "200"), enrolled 10 (e.g. "１８６" → "186"), students 10 (e.g. "５６０" → "560"), '
        + 'graduates 9 (e.g. "１７０" → "170"), employment_rate 7 (e.g. "０．９５２" → "0.952"), status 10 (e.g. "ａｃｔｉｖｅ" → "active")']],
    ['years as 2025年, 2025学年, 2025-2026, 2025.0, ２０２５', () => ({
      'programmes.csv': csv(HEADER, withColumn('year', (_, i) => ['2025年', '2025学年', '2025-2026', '2025.0', '２０２５'][i % 5])),
    }), ['规范化 — normalised 10 values before validation: year 10 (e.g. "2025年" → "2025")']],
    ['an Excel date in the year column: a year typed into a date cell, a date, a date serial', () => ({
      'programmes.csv': csv(HEADER, withColumn('year', (_, i) => ['1905-07-17', '2025-09-01', '45901', '2025年度', '2025'][i % 5])),
    }), ['规范化 — normalised 8 values before validation: year 8 (e.g. "1905-07-17" → "2025")']],
    ['rates as 95.2%', () => ({ 'programmes.csv': csv(HEADER, withColumn('employment_rate', (v) => (v ? `${percent(v)}%` : ''))) }),
      ['规范化 — normalised 7 values before validation: employment_rate 7 (e.g. "95.2%" → "0.952")']],
    ['rates as 95.2 %, a space before the sign', () => ({ 'programmes.csv': csv(HEADER, withColumn('employment_rate', (v) => (v ? `${percent(v)} %` : ''))) }),
      ['规范化 — normalised 7 values before validation: employment_rate 7 (e.g. "95.2 %" → "0.952")']],
    ['rates as bare percentages throughout the column', () => ({
      'programmes.csv': csv(HEADER, withColumn('employment_rate', (v) => (v ? percent(v) : ''))),
    }), ['规范化 — normalised 7 values before validation: employment_rate 7 (e.g. "95.2" → "0.952")']],
    ['Chinese status words', () => ({ 'programmes.csv': csv(HEADER, withColumn('status', (v) => STATUS_WORDS[v])) }),
      ['规范化 — normalised 10 values before validation: status 10 (e.g. "招生" → "active")']],
    ['a 合计 row at the bottom', () => ({ 'programmes.csv': csv(HEADER, [...ROWS, TOTAL_ROW]) }),
      [`跳过合计行 — skipped 1 total row (合计/小计/总计, e.g. "${TOTAL_ROW.join(',')}"): figures are summed from the rows themselves`]],
    // quoted as the file has it, to be found there: not in the order of the schema's columns
    ['a 合计 row below columns in another order', () => ({ 'programmes.csv': csv([...HEADER].reverse(), [...ROWS, TOTAL_ROW].map((r) => [...r].reverse())) }),
      [`跳过合计行 — skipped 1 total row (合计/小计/总计, e.g. "${[...TOTAL_ROW].reverse().join(',')}"): figures are summed from the rows themselves`]],
    ['title rows above the header', () => ({
      'programmes.csv': `2025年重庆市高职院校专业设置情况汇总表,,,,,,,,\n填报单位：（盖章）,,,,,,填报日期：2025-10-15,,\n\n${csv(HEADER, ROWS)}`,
    }), ['表头在第 4 行 — header found ending on line 4; the rows above it are skipped as titles']],
    ['a header wrapped over two lines', () => ({
      'programmes.csv': csv(['年份', '学校标识码', '专业代码', '招生', '实际', '在校', '毕业', '就业率', '状态'], [['', '', '', '计划数', '招生数', '生数', '生数', '', ''], ...ROWS]),
    }), ['表头在第 2 行 — header found ending on line 2; the rows above it are skipped as titles']],
    ['a 专业名称 column beside the code: the catalogue\'s names, a 方向 in brackets, an older name the new one contains', () => withNames({
      0: `${MAJOR_NAMES.get(ROWS[0][col('major_code')])}（数控方向）`, 1: '会计',
    }), ['专业名称与目录不同 — 1 rows name their major otherwise than the catalogue, e.g. 530302 会计 (catalogue: 大数据与会计); read by code']],
    ['values padded with spaces (a no-break space among them), trimmed and counted', () => ({
      'programmes.csv': csv(HEADER, ROWS.map((r, i) => r.map((v, j) => (PADDED_FIELDS.includes(HEADER[j]) && i % 3 === 0 ? padded(v) : v)))),
    }), [noteOf(PADDED_FIELDS.map((name) => [name, Math.ceil(ROWS.length / 3), (i: number) => padded(ROWS[i][col(name)]), (i: number) => ROWS[i][col(name)]]))]],
    ['a 备注 column whose note on a real row begins like a total (总计划含退役军人扩招)', () => ({
      'programmes.csv': csv([...HEADER, '备注'], ROWS.map((r, i) => [...r, i === 3 ? '总计划含退役军人扩招' : ''])),
    }), ['忽略未知列 — ignored column "备注" (not in the programmes schema)']],
    ['a group heading over the total and a part of it (在校生数 over 合计 | 其中女生)', () => {
      const at = col('students');
      const header = [...HEADER.slice(0, at), '在校生数', '', ...HEADER.slice(at + 1)];
      const sub = header.map((_, i) => (i === at ? '合计' : i === at + 1 ? '其中女生' : ''));
      const rows = ROWS.map((r) => [...r.slice(0, at), r[at], String(Math.floor(Number(r[at]) / 2)), ...r.slice(at + 1)]);
      return { 'programmes.csv': csv(header, [sub, ...rows]) };
    }, ['表头在第 2 行 — header found ending on line 2; the rows above it are skipped as titles',
      '忽略未知列 — ignored column "在校生数其中女生" (not in the programmes schema) — did you mean students (在校生)? name it in mapping.json "columns"']],
    ['no-value marks (—, /, 无, N/A) in the columns that may be empty', () => ({
      'programmes.csv': csv(HEADER, ROWS.map((r, i) => r.map((v, j) => (v === '' && OPTIONAL.includes(HEADER[j]) ? NO_VALUE[i % NO_VALUE.length] : v)))),
    }), [noteOf(OPTIONAL.map((name) => [name, ROWS.filter((r) => r[col(name)] === '').length, (i: number) => NO_VALUE[i % NO_VALUE.length]]))]],
    ['an apostrophe before codes and numbers, as a spreadsheet keeps a number as text', () => ({
      'programmes.csv': csv(HEADER, ROWS.map((r) => r.map((v, j) => (['school_code', 'major_code', 'plan'].includes(HEADER[j]) ? `'${v}` : v)))),
    }), [noteOf(['school_code', 'major_code', 'plan'].map((name) => [name, ROWS.length, (i: number) => `'${ROWS[i][col(name)]}`, (i: number) => ROWS[i][col(name)]]))]],
    ['codes and numbers as the formula ="…", as exports keep a number as text', () => ({
      'programmes.csv': csv(HEADER, ROWS.map((r) => r.map((v, j) => (['school_code', 'major_code', 'plan'].includes(HEADER[j]) ? `"=""${v}"""` : v)))),
    }), [noteOf(['school_code', 'major_code', 'plan'].map((name) => [name, ROWS.length, (i: number) => `="${ROWS[i][col(name)]}"`, (i: number) => ROWS[i][col(name)]]))]],
    ['schools with 学校代码, 公办/民办 and 高职/专科 words', () => {
      const [, ...schools] = readFileSync(join(REAL, 'schools.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
      const words = schools.map(([code, name, level, district, ownership], i) =>
        [code, name, level === 'higher' ? ['高职', '专科'][i % 2] : level, district, ownership === 'public' ? '公办' : '民办']);
      return { 'schools.csv': csv(['学校代码', '学校名称', '办学层次', '所在区县代码', '办学性质'], words) };
    }, []],
  ];
  it('district and school names where codes belong: read as the codes they name', async () => {
    const districts = new Map(readFileSync(join(REAL, 'districts.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2) as [string, string]));
    const [schoolHeader, ...schools] = readFileSync(join(REAL, 'schools.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const names = new Map(schools.map((r) => [r[0], r[1]]));
    const messy = await tables({
      // Headed as a school list heads its names (docs/inputs-mapping.md's example).
      'schools.csv': csv(schoolHeader.map((h) => (h === 'district_code' ? '所在区县' : h)),
        schools.map((r) => r.map((v, j) => (schoolHeader[j] === 'district_code' ? districts.get(v)! : v)))),
      'programmes.csv': csv(HEADER, withColumn('school_code', (v) => names.get(v)!)),
    });
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(clean.programmes);
    expect(messy.schools).toEqual(clean.schools);
    const first = (rows: string[][], at: number, name: Map<string, string>) => `"${name.get(rows[0][at])}" → "${rows[0][at]}"`;
    expect(notes(messy, 'schools')).toEqual([
      `按名称读作代码 — read ${schools.length} names as codes: district_code ${schools.length} (e.g. ${first(schools, schoolHeader.indexOf('district_code'), districts)})`]);
    expect(notes(messy, 'programmes')).toEqual([
      `按名称读作代码 — read ${ROWS.length} names as codes: school_code ${ROWS.length} (e.g. ${first(ROWS, col('school_code'), names)})`]);
  });

  it('former districts (万县区, 永川市 and its code 500183) read as the districts of today, counted; without former_districts.csv they are rejected', async () => {
    const FORMER = readFileSync(fileURLToPath(new URL('../../data/reference/former_districts.csv', import.meta.url)), 'utf8');
    const [schoolHeader, ...schools] = readFileSync(join(REAL, 'schools.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = schoolHeader.indexOf('district_code');
    // Each school in 万州区 or 永川区 written as a bureau's old list writes it: a former name, else a former code.
    const former: Record<string, string[]> = { 500101: ['万县区'], 500118: ['永川市', '500183'] };
    let n = 0;
    const written = schools.map((r) => r.map((v, j) => (j === at && former[v] ? former[v][n++ % former[v].length] : v)));
    const files = { 'schools.csv': csv(schoolHeader, written) };
    const messy = await tables({ ...files, 'former_districts.csv': FORMER });
    expect(messy.report.rejects).toEqual([]);
    expect(messy.schools).toEqual(clean.schools);
    const read = written.filter((r, i) => r[at] !== schools[i][at]);
    expect(read.length).toBeGreaterThan(1);
    const example = { 万县区: '"万县区" (万县区) → "500101" (万州区)', 永川市: '"永川市" (永川市) → "500118" (永川区)', 500183: '"500183" (永川市) → "500118" (永川区)' }[read[0][at]];
    expect(notes(messy, 'schools')).toEqual([
      `按现行区划读取 — read ${read.length} former districts as the districts of today (former_districts.csv): district_code ${read.length} (e.g. ${example})`]);
    const without = await tables(files);
    expect(without.report.rejects.filter((r) => r.table === 'schools').map((r) => r.value)).toEqual(read.map((r) => r[at]));
  });

  it('a former code the district of today kept (500110, 万盛区 then, 綦江区 now) stays its code; only the former name is read', async () => {
    const districts = readFileSync(join(REAL, 'districts.csv'), 'utf8') + '500110,綦江区,主城都市区新城\n';
    const [schoolHeader, ...schools] = readFileSync(join(REAL, 'schools.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = schoolHeader.indexOf('district_code');
    const written = schools.map((r, i) => r.map((v, j) => (j === at && i < 2 ? ['500110', '万盛区'][i] : v)));
    const { report, conn } = await load(await inputsFrom(REAL, { 'districts.csv': districts, 'schools.csv': csv(schoolHeader, written),
      'former_districts.csv': readFileSync(fileURLToPath(new URL('../../data/reference/former_districts.csv', import.meta.url)), 'utf8') }));
    expect(report.rejects).toEqual([]);
    expect(await query(conn, `SELECT district_code FROM raw_schools WHERE school_code IN ('${schools[0][0]}', '${schools[1][0]}')`))
      .toEqual([{ district_code: '500110' }, { district_code: '500110' }]);
    expect(report.warnings.filter((w) => w.includes('按现行区划读取')).map((w) => w.replace(/^.*?: /, ''))).toEqual([
      '按现行区划读取 — read 1 former district as the district of today (former_districts.csv): district_code 1 (e.g. "万盛区" (万盛区) → "500110" (綦江区))']);
  });

  it('free text keeps its Chinese punctuation, and a name with （） written where a code belongs is still read as its code', async () => {
    const [schoolHeader, ...schools] = readFileSync(join(REAL, 'schools.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = schoolHeader.indexOf('school_name');
    const bracketed = schools.map((r) => r.map((v, j) => (j === at ? `${v}（重庆市）` : v)));
    const names = new Map(bracketed.map((r) => [r[0], r[at]]));
    // The programmes file types the name with ASCII brackets on one row, and as the school list does on the others.
    const messy = await tables({
      'schools.csv': csv(schoolHeader, bracketed),
      'programmes.csv': csv(HEADER, withColumn('school_code', (v, i) => (i === 0 ? names.get(v)!.replace('（', '(').replace('）', ')') : names.get(v)!))),
    });
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(clean.programmes);
    expect(notes(messy, 'schools')).toEqual([]);
    expect(await query((await load(await inputsFrom(REAL, { 'schools.csv': csv(schoolHeader, bracketed) }))).conn,
      `SELECT school_name FROM raw_schools ORDER BY school_code LIMIT 1`)).toEqual([{ school_name: bracketed[0][at] }]);
  });

  it('a name two rows of the referenced table share is not read as either code', async () => {
    const [schoolHeader, ...schools] = readFileSync(join(REAL, 'schools.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const districts = readFileSync(join(REAL, 'districts.csv'), 'utf8').trim();
    const [code, name] = districts.split('\n')[1].split(',');
    const twice = `${districts}\n${String(Number(code) + 90)},${name},x\n`;
    const rows = schools.map((r, i) => r.map((v, j) => (i === 0 && schoolHeader[j] === 'district_code' ? name : v)));
    const { report } = await load(await inputsFrom(REAL, { 'districts.csv': twice, 'schools.csv': csv(schoolHeader, rows) }));
    expect(report.rejects.filter((r) => r.table === 'schools').map((r) => [r.line, r.column, r.value])).toEqual([[2, 'district_code', name]]);
  });

  it.each(cases)('%s', async (_, files, expectedNotes) => {
    const messy = await tables(files());
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(clean.programmes);
    expect(messy.schools).toEqual(clean.schools);
    if (expectedNotes.length) expect(notes(messy, 'programmes')).toEqual(expectedNotes);
  });

  it('a workbook: notes sheet first, merged title row, last column blank on most rows', async () => {
    const order = ['year', 'school_code', 'major_code', 'plan', 'enrolled', 'students', 'graduates', 'status', 'employment_rate'];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填表说明').addRow(['请按学校标识码填写，一行一个专业点。']);
    const sheet = workbook.addWorksheet('专业点');
    sheet.addRow(['2025年专业点统计表']);
    sheet.mergeCells('A1:I1');
    sheet.addRow(['年份', '学校标识码', '专业代码', '招生计划', '实际招生', '在校生', '毕业生', '状态', '就业率']);
    for (const r of ROWS) {
      sheet.addRow(order.map((name) => {
        const v = r[col(name)];
        if (v === '') return null;
        return ['school_code', 'major_code', 'status'].includes(name) ? v : Number(v);
      }));
    }
    const blankLast = ROWS.filter((r) => r[col('employment_rate')] === '').length;
    expect(blankLast).toBeGreaterThan(0);
    const messy = await tables({ 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(clean.programmes);
    expect(notes(messy, 'programmes')).toEqual(['表头在第 2 行 — header found ending on line 2 of sheet "专业点"; the rows above it are skipped as titles']);
  });

  it('a workbook with notes typed right of the table: its rows load, the notes are counted and quoted', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('专业点');
    sheet.addRow(['2025年专业点统计表']);
    sheet.mergeCells('A1:L1'); // a title wider than the table
    sheet.addRow(HEADER);
    ROWS.forEach((r) => sheet.addRow(r));
    sheet.getCell('K5').value = '注：在校生含五年制前三年';
    sheet.getCell('L7').value = 12;
    const messy = await tables({ 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(clean.programmes);
    expect(notes(messy, 'programmes')).toEqual([
      '表头在第 2 行 — header found ending on line 2 of sheet "专业点"; the rows above it are skipped as titles',
      '表格外的单元格 — 2 cells on 2 rows right of the table\'s last column (I) are not read (e.g. K5 "注：在校生含五年制前三年"): no heading names them',
    ]);
  });

  it('a workbook whose school column is merged down each school\'s rows, and a note merged across columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('专业点');
    sheet.addRow([...HEADER, '备注', '']);
    const at = col('school_code');
    ROWS.forEach((r, i) => sheet.addRow([...r.map((v, j) => (j === at && i > 0 && ROWS[i - 1][at] === v ? null : v)), i === 0 ? '新增' : null, null]));
    // each school's code kept in its first row, merged down the rest, as bureau sheets lay them out
    const merged: string[] = [];
    for (let i = 0; i < ROWS.length;) {
      let j = i;
      while (j + 1 < ROWS.length && ROWS[j + 1][at] === ROWS[i][at]) j++;
      if (j > i) merged.push(`B${i + 2}:B${j + 2}`);
      i = j + 1;
    }
    for (const ref of merged) sheet.mergeCells(ref);
    sheet.mergeCells(`J2:K2`);
    const filled = merged.reduce((n, ref) => n + Number(ref.split(':')[1].slice(1)) - Number(ref.split(':')[0].slice(1)), 0);
    expect(filled).toBeGreaterThan(0);
    const messy = await tables({ 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(clean.programmes);
    expect(notes(messy, 'programmes')).toEqual([
      '忽略未知列 — ignored column "备注" (not in the programmes schema)',
      `合并单元格 — filled ${filled} cells of ${merged.length} ranges merged down a column with the value of their first cell (${merged.slice(0, 3).join(', ')}${merged.length > 3 ? ' …' : ''})`,
      '合并单元格 — 1 range merged across columns below the header is read from their first cell only (J2:K2)',
    ]);
  });
});

describe('a workbook with the rows on two sheets', () => {
  it('stops the load naming both sheets, instead of reading the first and leaving the other out', async () => {
    const workbook = new ExcelJS.Workbook();
    const half = Math.ceil(ROWS.length / 2);
    for (const [name, rows] of [['中职学校', ROWS.slice(0, half)], ['高职及本科', ROWS.slice(half)]] as const) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(HEADER);
      rows.forEach((r) => sheet.addRow(r));
    }
    const dir = await inputsFrom(REAL, { 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    await expect(load(dir)).rejects.toThrow(`${join(dir, 'programmes.xlsx')}: 多个工作表 — sheets "中职学校" and "高职及本科" both hold the table; `
      + 'one would be read and the other left out: put the rows on one sheet, or name the sheet to read in mapping.json "sheet"');
  });

  it('reads the sheet with rows beside a template sheet of the header alone, saying the template was not read', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('模板').addRow(HEADER);
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADER);
    ROWS.forEach((r) => sheet.addRow(r));
    workbook.addWorksheet('空白').addRows([HEADER, [], []]);
    const dir = await inputsFrom(REAL, { 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    const { report } = await load(dir);
    expect(report.inputs.find((i) => i.table === 'programmes')!.rows).toBe(ROWS.length);
    expect(report.warnings).toContain(`${join(dir, 'programmes.xlsx')}: 空表未读取 — sheets "模板", "空白" hold the table's header `
      + 'but no rows, and were not read (sheet "Sheet1" was)');
  });
});

describe('a workbook with formulas stored without their results', () => {
  it('says how many formula cells were read as empty, with the first, so no figure goes missing unsaid', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('专业点');
    sheet.addRow(HEADER);
    const at = col('graduates');
    const letter = String.fromCharCode(65 + at);
    const students = String.fromCharCode(65 + col('students'));
    ROWS.forEach((r, i) => sheet.addRow(r.map((v, j) => (j === at && i < 2 ? { formula: `ROUND(${students}${i + 2}*0.3,0)` } : v))));
    const messy = await tables({ 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    expect(notes(messy, 'programmes')).toEqual([`公式无结果 — 2 formula cells have no saved result and are read as empty (e.g. ${letter}2 =ROUND(${students}2*0.3,0)): `
      + 'the tool that wrote the workbook did not compute the results; open it in Excel or WPS and save it again']);
  });
});

describe('a workbook with formulas whose saved result is 0, empty text or an error value', () => {
  it('reads the results Excel saved, as the clean twin, and names the error value as one', async () => {
    const at = col('graduates');
    const rate = col('employment_rate');
    // The clean twin: the first row graduates none, the second has no employment rate.
    const rows = ROWS.map((r, i) => r.map((v, j) => (j === at && i === 0 ? '0' : j === rate && i === 1 ? '' : v)));
    const twin = await tables({ 'programmes.csv': csv(HEADER, rows) });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('专业点');
    sheet.addRow(HEADER);
    const students = String.fromCharCode(65 + col('students'));
    rows.forEach((r, i) => sheet.addRow(r.map((v, j) => {
      if (j === at) return { formula: `ROUND(${students}${i + 2}*0.3,0)`, result: v === '' ? '' : Number(v) };
      if (j === rate && i === 1) return { formula: `${students}${i + 2}/0`, result: { error: '#DIV/0!' } };
      return v;
    })));
    const messy = await tables({ 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    expect(messy.report.rejects).toEqual([]);
    expect(messy.programmes).toEqual(twin.programmes);
    const letter = String.fromCharCode(65 + rate);
    expect(notes(messy, 'programmes')).toEqual([`错误值读作空 — 1 cell holds an error value, read as empty (e.g. ${letter}3 =${students}3/0 → 错误值 (an error value)): `
      + 'correct the formula in the workbook if a value is meant']);
  });
});

describe('a figure merged down several rows', () => {
  it('stops the load naming the range: one 在校生 for several programmes is none\'s figure', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('专业点');
    sheet.addRow(HEADER);
    const at = col('students');
    ROWS.forEach((r, i) => sheet.addRow(r.map((v, j) => (j === at && (i === 1 || i === 2) ? null : v))));
    const letter = String.fromCharCode(65 + at);
    sheet.mergeCells(`${letter}2:${letter}4`);
    const dir = await inputsFrom(REAL, { 'programmes.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) }, ['programmes.csv']);
    await expect(load(dir)).rejects.toThrow(`${join(dir, 'programmes.xlsx')}: 合并单元格 — ${letter}2:${letter}4 merges one students over rows 2–4: `
      + 'a figure belongs to one row; unmerge it and give each row its own');
  });
});

describe('what cannot be read right is rejected with its exact message', () => {
  const programmes = (rows: string[][], header = HEADER) => ({ 'programmes.csv': csv(header, rows) });

  it('a K major typed without its K names the K code, never another major', async () => {
    const rows = withColumn('major_code', (v) => (v === '520101K' ? '520101' : v));
    const { report } = await tables(programmes(rows));
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [6, 'major_code', '520101', 'unknown major_code 520101 — 国控专业代码带 K: the catalogue code is 520101K 临床医学'],
    ]);
  });

  it('a code Excel wrote in scientific notation: its digits are lost, so no code is guessed', async () => {
    // As Excel shows 4150012215 in a narrow column: 4.15001E+09.
    const excel = (v: string) => Number(v).toExponential(5).replace(/e\+(\d+)$/, (_, e: string) => `E+${e.padStart(2, '0')}`);
    const rows = withColumn('school_code', (v, i) => (i === 1 ? excel(v) : v));
    const { report } = await tables(programmes(rows));
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, 'school_code', rows[1][col('school_code')], 'a code in scientific notation (as Excel shows a long number): its digits are lost; format the column as text and save the file again'],
    ]);
  });

  it('a school year that is not one (2025-2027) and a rate column mixing shares with a percentage', async () => {
    const rows = withColumn('year', (v, i) => (i === 0 ? '2025-2027' : v)).map((r, i) =>
      r.map((v, j) => (j === col('employment_rate') && i === 2 ? '93.7' : v)));
    const { report } = await tables(programmes(rows));
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'year', '2025-2027', 'not an integer'],
      [4, 'employment_rate', '93.7', 'must be ≤ 1'],
    ]);
  });

  it('a code beside another major\'s name (its 2015 name, or one nearer another major than its own): never read as the code\'s major', async () => {
    expect([ROWS[0][col('major_code')], ROWS[2][col('major_code')]]).toEqual(['460101', '510201']);
    const reference = readFileSync(join(process.cwd(), 'data/reference/majors.csv'), 'utf8').split('\n').find((l) => l.startsWith('460104,'))!;
    const { report, programmes } = await tables({ ...withNames({ 0: '机械制造与自动化', 2: '作物生产技术' }), 'majors.csv': `${MAJORS_CSV.trimEnd()}\n${reference}\n` });
    const never = 'a code is never read as another major — correct the code or the name';
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'major_name', '机械制造与自动化', `专业名称与代码不符 — 460101 is 机械设计与制造 in the catalogue, not 机械制造与自动化: ${never} — did you mean 460104 机械制造及自动化?`],
      [4, 'major_name', '作物生产技术', `专业名称与代码不符 — 510201 is 计算机应用技术 in the catalogue, not 作物生产技术: ${never}`],
    ]);
    expect(programmes).toHaveLength(ROWS.length - 2);
  });

  it('a name short for the code\'s own that is a major of a level the school cannot run (计算机应用, 中职, at a 高职 school) is read by code, with a note', async () => {
    expect(ROWS[2][col('major_code')]).toBe('510201');
    const { report, programmes } = await tables(withNames({ 2: '计算机应用' }));
    expect(report.rejects).toEqual([]);
    expect(programmes).toEqual(clean.programmes);
    expect(notes({ report } as Tables, 'programmes')).toEqual([
      '专业名称为其他层次专业 — 1 rows name their major by the name of a major of a level their school cannot run, '
        + 'e.g. 510201 计算机应用 (catalogue: 计算机应用技术; 计算机应用 is 710201 中职 (secondary)); read by code']);
    // Where the school could run 710201 (a 中职 school), the code's level is the school's no more: the row is rejected, never read.
    const school = ROWS[2][col('school_code')];
    const schools = readFileSync(join(REAL, 'schools.csv'), 'utf8').replace(new RegExp(`^(${school},[^,]*),higher,`, 'm'), '$1,secondary,');
    const secondary = await tables({ ...withNames({ 2: '计算机应用' }), 'schools.csv': schools });
    expect(secondary.report.rejects.filter((r) => r.line === 4).map((r) => [r.column, r.reason.split(' but ')[0]])).toEqual([
      ['major_code', 'major 510201 计算机应用技术 is 高职专科 (higher)']]);
  });

  it('a name two majors share (药学 at two levels) beside a third code names both, each with its level', async () => {
    const lines = readFileSync(join(process.cwd(), 'data/reference/majors.csv'), 'utf8').split('\n');
    const both = ['320301,', '520301,'].map((code) => lines.find((l) => l.startsWith(code))!);
    const { report } = await tables({ ...withNames({ 2: '药学' }), 'majors.csv': `${MAJORS_CSV.trimEnd()}\n${both.join('\n')}\n` });
    expect(report.rejects.map((r) => [r.line, r.column, r.reason])).toEqual([[4, 'major_name',
      '专业名称与代码不符 — 药学 is major 320301 职业本科 (bachelor), 520301 高职专科 (higher), not 510201 计算机应用技术: a code is never read as another major — correct the code or the name']]);
  });

  it('a group heading split into parts with no total (在校生数 over 男 | 女): no part is read as the whole', async () => {
    const at = col('students');
    const header = [...HEADER.slice(0, at), '在校生数', '', ...HEADER.slice(at + 1)];
    const sub = header.map((_, i) => (i === at ? '男' : i === at + 1 ? '女' : ''));
    const rows = ROWS.map((r) => [...r.slice(0, at), String(Math.floor(Number(r[at]) / 2)), String(Math.ceil(Number(r[at]) / 2)), ...r.slice(at + 1)]);
    const dir = await inputsFrom(REAL, programmes([sub, ...rows], header));
    await expect(load(dir)).rejects.toThrow(
      `${join(dir, 'programmes.csv')}: 缺少必需列 — missing required column students (在校生); `
      + '可能是 — perhaps "在校生数男" → students (在校生)?, "在校生数女" → students (在校生)? (name it in mapping.json "columns")');
  });

  it('a figure column in 万人 or a title in 千人 stops the load: its figures would be read as ones', async () => {
    const header = HEADER.map((h) => (h === 'students' ? '在校生数（万人）' : h));
    const dir = await inputsFrom(REAL, programmes(ROWS, header));
    await expect(load(dir)).rejects.toThrow(`${join(dir, 'programmes.csv')}: 计量单位不符 — column "在校生数（万人）" counts in 万人, `
      + 'and students (在校生) is read as a plain count: give the figures as plain counts and take the unit out of the heading');
    // Named in mapping.json, the column is still in 万人.
    const mapped = await inputsFrom(REAL, { ...programmes(ROWS, header), 'mapping.json': JSON.stringify({ programmes: { columns: { '在校生数（万人）': 'students' } } }) });
    await expect(load(mapped)).rejects.toThrow('计量单位不符 — column "在校生数（万人）" counts in 万人');
    const titled = await inputsFrom(REAL, { 'programmes.csv': `2025年专业点统计表（单位：千人）,,,,,,,,\n${csv(HEADER, ROWS)}` });
    await expect(load(titled)).rejects.toThrow(`${join(titled, 'programmes.csv')}:1: 计量单位不符 — the title says "2025年专业点统计表（单位：千人）" (千人), `
      + 'and figures are read as plain counts: give them as plain counts and take the unit out of the title');
    // A unit of ones is no unit to refuse, nor a 填报单位 that names a place of 万 (万州区).
    const ones = await tables(programmes(ROWS, HEADER.map((h) => (h === 'students' ? '在校生数（人）' : h))));
    expect(ones.programmes).toEqual(clean.programmes);
    const filler = await tables({ 'programmes.csv': `专业点统计表,,,,,,,,\n填报单位：重庆市万州区教育委员会,,,,,,,,\n${csv(HEADER, ROWS)}` });
    expect(filler.programmes).toEqual(clean.programmes);
  });

  it('a rewritten value is quoted as the file wrote it, with what it was read as', async () => {
    const rows = withColumn('employment_rate', (v, i) => (i === 0 ? '102%' : i === 2 ? '９５．２％' : v ? `${percent(v)}%` : ''));
    const { report } = await tables(programmes(rows));
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'employment_rate', '102%', 'must be ≤ 1 (read as 1.02)'],
    ]);
  });

  it('a near-miss header aborts with its suggestion, and loads once mapping.json names it', async () => {
    const header = HEADER.map((h) => (h === 'plan' ? '招生计划数（2025）调整' : h));
    const dir = await inputsFrom(REAL, programmes(ROWS, header));
    await expect(load(dir)).rejects.toThrow(
      `${join(dir, 'programmes.csv')}: 缺少必需列 — missing required column plan (招生计划); `
      + '可能是 — perhaps "招生计划数（2025）调整" → plan (招生计划)? (name it in mapping.json "columns")');
    const mapped = await tables({ ...programmes(ROWS, header), 'mapping.json': JSON.stringify({ programmes: { columns: { '招生计划数（2025）调整': 'plan' } } }) });
    expect(mapped.programmes).toEqual(clean.programmes);
  });

  it('a heading whose brackets say something other than a unit is not read as the field: 专业代码（2015版） is not the code of today', async () => {
    for (const [field, heading] of [['major_code', '专业代码（2015版）'], ['students', '在校生数（2023学年）']]) {
      const dir = await inputsFrom(REAL, programmes(ROWS, HEADER.map((h) => (h === field ? heading : h))));
      await expect(load(dir), heading).rejects.toThrow(`可能是 — perhaps "${heading}" → ${field}`);
    }
  });
});

describe('the worked example of docs/inputs.md (mapping.json)', () => {
  it('loads the bureau workbook as documented, and without the mapping stops naming the near-miss heading', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填表说明').addRow(['每个专业点一行。']);
    const sheet = workbook.addWorksheet('汇总');
    sheet.addRow(['2025年高职专业点统计']);
    sheet.mergeCells('A1:J1');
    sheet.addRow(['年度', '院校代码', '专业代码', '专业名称', '计划招生', '实招', '在校生', '毕业生', '招生状态', '就业率（%）']);
    sheet.addRow(['2025学年', '4150012609', '510201', '计算机应用技术', 300, 291, 880, 265, '正常招生', 93.7]);
    sheet.addRow(['2025学年', '4150014009', '520101K', '临床医学', 400, 400, 1180, 372, '正常招生']);
    sheet.addRow(['2025学年', '4150014128', '530301', '大数据与财务管理', 0, 0, 95, 60, '已停办']);
    sheet.addRow(['合计', null, null, null, 700, 691, 2155, 697]);
    const name = '2025年高职专业点统计.xlsx';
    const files = { [name]: Buffer.from(await workbook.xlsx.writeBuffer()) };
    const mapping = { programmes: { file: name, sheet: '汇总', columns: { 实招: 'enrolled' }, values: { status: { 已停办: 'closed' } } } };
    const { report, conn } = await load(await inputsFrom(REAL, { ...files, 'mapping.json': JSON.stringify(mapping) }, ['programmes.csv']));
    expect(report.rejects).toEqual([]);
    expect(await query(conn, `SELECT year, school_code, major_code, enrolled, employment_rate, status FROM raw_programmes ORDER BY school_code`)).toEqual([
      { year: 2025, school_code: '4150012609', major_code: '510201', enrolled: 291, employment_rate: 0.937, status: 'active' },
      { year: 2025, school_code: '4150014009', major_code: '520101K', enrolled: 400, employment_rate: null, status: 'active' },
      { year: 2025, school_code: '4150014128', major_code: '530301', enrolled: 0, employment_rate: null, status: 'closed' },
    ]);
    const { columns: _, ...unmapped } = mapping.programmes;
    const dir = await inputsFrom(REAL, { ...files, 'mapping.json': JSON.stringify({ programmes: unmapped }) }, ['programmes.csv']);
    await expect(load(dir)).rejects.toThrow(`${join(dir, name)}: 缺少必需列 — missing required column enrolled (实际招生); `
      + '可能是 — perhaps "实招" → enrolled (实际招生)? (name it in mapping.json "columns")');
  });
});

describe('line breaks typed in the cells above the data (Alt+Enter in Excel), in a CSV', () => {
  // The header's plan cell over two lines, and a title over two lines above the header.
  const header = HEADER.map((h) => (h === 'plan' ? '"招生\n计划数"' : h)).join(',');
  const files = {
    heading: `${header}\n${ROWS.map((r) => r.join(',')).join('\n')}\n`,
    title: `"2025年重庆市\n职业院校专业点",,,,,,,,\n${CLEAN}`,
  };
  for (const [shape, text] of Object.entries(files)) {
    for (const ends of ['LF', 'CR LF']) {
      it(`a ${shape} over two lines, lines ending in ${ends}: every row read, as from the clean file`, async () => {
        // In a CR LF file the break typed in a cell stays a bare LF, as Excel writes it.
        const body = ends === 'LF' ? text : text.replace(/\n(?!计划数|职业院校)/g, '\r\n');
        const t = await tables({ 'programmes.csv': body });
        expect(t.report.rejects).toEqual([]);
        expect(t.programmes).toEqual(clean.programmes);
      });
    }
  }
});
