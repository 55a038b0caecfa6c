import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReject } from '../../pipeline/load/index.ts';
import { inputsWith, load, loadFailure, query, removeInputs } from './helpers.ts';

afterAll(removeInputs);

const HEADER = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';

/** Loads programmes.csv with the given data lines (after the header) and returns its rejects as [line, column, value, reason]. */
async function programmeRejects(lines: string[], rejectShareMax = 1) {
  const { report, conn } = await load(await inputsWith({ 'programmes.csv': [HEADER, ...lines, ''].join('\n') }), rejectShareMax);
  const rejects = report.rejects.filter((r) => r.table === 'programmes').map((r) => [r.line, r.column, r.value, r.reason]);
  return { rejects, report, conn };
}

describe('field checks', () => {
  it('rejects a negative count with its line, column and value, and loads the other rows', async () => {
    const { rejects, report } = await programmeRejects([
      '2024,5001000001,460609,100,96,280,85,0.93,active',
      '2024,5001000002,460601,60,-5,160,50,0.9,active',
    ]);
    expect(rejects).toEqual([[3, 'enrolled', '-5', 'must be ≥ 0']]);
    expect(report.inputs.find((i) => i.table === 'programmes')).toMatchObject({ rows: 1, rejected: 1 });
  });

  it('reports every failed field of a row once, in schema order, each with its reason', async () => {
    const { rejects, report } = await programmeRejects([
      '24x,,460609,3.5,96,280,85,1.2,paused',
      '2024,5001000001,4606,100,96,280,85,0.93,active',
    ]);
    expect(rejects).toEqual([
      [2, 'year', '24x', 'not an integer'],
      [2, 'school_code', '', 'missing required value'],
      [2, 'plan', '3.5', 'not an integer'], // DuckDB alone would round it to 4
      [2, 'employment_rate', '1.2', 'must be ≤ 1'],
      [2, 'status', 'paused', 'must be one of active (招生、在招、正常、正常招生), suspended (停招、暂停招生、暂停), closed (撤销、撤消、已撤销、停办); other words: mapping.json "values"'],
      // A truncated code: both majors starting 4606 are two insertions away.
      [3, 'major_code', '4606', 'not a 6-digit code (or 6 digits and K) — did you mean 460601 飞行器数字化制造技术, 460609 无人机应用技术?'],
    ]);
    expect(report.inputs.find((i) => i.table === 'programmes')).toMatchObject({ rows: 0, rejected: 2 });
  });

  it('trims padding (spaces, ideographic spaces) before checking', async () => {
    const { rejects, conn } = await programmeRejects(['2024, 5001000001 ,460609\u3000,100,96,280,85,0.93,active']);
    expect(rejects).toEqual([]);
    expect(await query(conn, `SELECT school_code, major_code FROM raw_programmes`)).toEqual([
      { school_code: '5001000001', major_code: '460609' },
    ]);
  });

  it('reads booleans as true/false, 1/0, yes/no or 是/否, and rejects anything else', async () => {
    const majors = [
      'major_code,major_name,level,division_code,division_name,category_code,category_name,duration_years,digital,cost_tier,valid_from,valid_to',
      '460601,飞行器数字化制造技术,higher,46,装备制造大类,4606,航空装备类,3,否,3,2021,',
      '460609,无人机应用技术,higher,46,装备制造大类,4606,航空装备类,3,是,3,2021,',
      '510201,计算机应用技术,higher,51,电子与信息大类,5102,计算机类,3,TRUE,1,2021,',
      '710201,计算机应用,secondary,71,信息技术类,7102,计算机类,3,maybe,1,2021,',
    ].join('\n');
    const { report, conn } = await load(await inputsWith({ 'majors.csv': majors }), 1);
    expect(report.rejects.filter((r) => r.table === 'majors').map((r) => [r.line, r.column, r.reason])).toEqual([
      [5, 'digital', 'not a boolean (true/false)'],
    ]);
    expect(await query(conn, `SELECT major_code, digital FROM raw_majors ORDER BY 1`)).toEqual([
      { major_code: '460601', digital: false },
      { major_code: '460609', digital: true },
      { major_code: '510201', digital: true },
    ]);
  });
});

describe('keys', () => {
  it('keeps the first occurrence of a key and rejects later ones as duplicates pointing back to it', async () => {
    const { rejects, conn } = await programmeRejects([
      '2024,5001000001,460609,100,96,280,85,0.93,active',
      '2024,5001000001,460609,999,96,280,85,0.93,active',
    ]);
    expect(rejects).toEqual([[3, 'year,school_code,major_code', '2024,5001000001,460609', 'duplicate key (first at line 2)']]);
    expect(await query(conn, `SELECT plan FROM raw_programmes`)).toEqual([{ plan: 100 }]);
  });

  it('lets a valid row win over an earlier invalid row with the same key', async () => {
    const { rejects, conn } = await programmeRejects([
      '2024,5001000001,460609,-1,96,280,85,0.93,active',
      '2024,5001000001,460609,100,96,280,85,0.93,active',
    ]);
    expect(rejects).toEqual([[2, 'plan', '-1', 'must be ≥ 0']]);
    expect(await query(conn, `SELECT plan FROM raw_programmes`)).toEqual([{ plan: 100 }]);
  });

  it('rejects an unknown code, suggesting the nearest real one with its name', async () => {
    const { rejects } = await programmeRejects(['2024,5001000001,460690,100,96,280,85,0.93,active']);
    // 460690 → 460609 swaps the last two digits (1 edit); 460601 is 2 edits away, so only one suggestion.
    expect(rejects).toEqual([[2, 'major_code', '460690', 'unknown major_code 460690 — did you mean 460609 无人机应用技术?']]);
  });

  it('suggests up to three candidates when several are equally near, and none when nothing is near', async () => {
    const { rejects } = await programmeRejects([
      '2024,5001000009,460609,100,96,280,85,0.93,active',
      '2024,5001000001,999999,100,96,280,85,0.93,active',
    ]);
    // 5001000009 is one edit from each of the three schools; 999999 is ≥ 3 edits from every major.
    expect(rejects).toEqual([
      [2, 'school_code', '5001000009',
        'unknown school_code 5001000009 — did you mean 5001000001 渝中示例职业学院, 5001000002 沙坪坝示例职业技术学院, 5001000003 渝北示例中等职业学校?'],
      [3, 'major_code', '999999', 'unknown major_code 999999'],
    ]);
  });

  it('looks up at most 200 wrong codes of a column, in file order: more is a fault no suggestion mends', async () => {
    // 201 distinct unknown schools, each within three edits of 5001000001: only the first 200 get a suggestion.
    const lines = Array.from({ length: 201 }, (_, i) => `2024,5001000${100 + i},460609,100,96,280,85,0.93,active`);
    const { rejects } = await programmeRejects(lines, 1);
    expect(rejects).toHaveLength(201);
    expect(rejects.filter((r) => String(r[3]).includes('did you mean'))).toHaveLength(200);
    expect(rejects[200][3]).toBe(`unknown school_code ${lines[200].split(',')[1]}`);
  });

  it('suggests the code when a name was typed where the code belongs', async () => {
    const { rejects } = await programmeRejects(['2024,5001000001,无人机应用技术,100,96,280,85,0.93,active']);
    expect(rejects).toEqual([[2, 'major_code', '无人机应用技术', 'not a 6-digit code (or 6 digits and K) — did you mean 460609 无人机应用技术?']]);
  });

  it('suggests a district by name only when the name is near as a share of its length, and never a district for a total row', async () => {
    const districts = 'district_code,district_name,area_group\n500103,渝中区,主城都市区中心城区\n500106,沙坪坝区,主城都市区中心城区\n'
      + '500112,渝北区,主城都市区中心城区\n500233,忠县,渝东北三峡库区城镇群\n500154,开州区,渝东北三峡库区城镇群\n';
    const schools = 'school_code,school_name,level,district_code,ownership\n5001000001,渝中示例职业学院,higher,渝中区,public\n'
      + '5001000002,沙坪坝示例职业技术学院,higher,沙坪坝县,private\n5001000003,开县示例中等职业学校,secondary,开县,public\n';
    const demand = 'year,district_code,industry_code,level,openings,seekers\n2024,500103,ai,higher,120,60\n2024,500000,ai,higher,300,150\n'
      + '2024,500100,ai,higher,200,100\n';
    const { report } = await load(await inputsWith({ 'districts.csv': districts, 'schools.csv': schools, 'demand.csv': demand }), 1);
    expect(report.rejects.filter((r) => r.column === 'district_code').map((r) => [r.table, r.line, r.reason])).toEqual([
      // 沙坪坝县 is one character of four from 沙坪坝区; 开县 is one of two from 忠县, no typo of it (开县 is 开州区's old name).
      ['schools', 3, 'not a 6-digit code — did you mean 500106 沙坪坝区?'],
      ['schools', 4, 'not a 6-digit code'],
      ['demand', 3, 'unknown district_code 500000 — 省级（直辖市）行政区划代码，不是区县: the code of a province or of the whole city, not of a district (a total row?)'],
      ['demand', 4, 'unknown district_code 500100 — 地级（市辖区、县合计）行政区划代码，不是区县: the code of a city or of its group of districts or counties, not of a district (a total row?)'],
    ]);
  });

  it('checks a composite foreign key within its scope (segment within industry)', async () => {
    const crosswalk = 'major_code,industry_code,segment_code,weight\n460609,low_altitude,operation,0.6\n510201,ai,aircraft,0.5\n';
    const { report } = await load(await inputsWith({ 'crosswalk.csv': crosswalk }), 1);
    // aircraft exists, but under low_altitude, not ai: no candidate within ai is near.
    expect(report.rejects.filter((r) => r.table === 'crosswalk').map((r) => [r.line, r.column, r.reason])).toEqual([
      [2, 'segment_code', 'unknown segment_code operation for industry_code low_altitude — did you mean operations 飞行运营?'],
      [3, 'segment_code', 'unknown segment_code aircraft for industry_code ai'],
    ]);
  });
});

describe('a reference to a rejected row', () => {
  // 5001000002's name spans lines 3–4, so 5001000003's row is line 5; its district is no district code.
  const SCHOOLS = 'school_code,school_name,level,district_code,ownership\n5001000001,渝中示例职业学院,higher,500103,public\n'
    + '5001000002,"沙坪坝示例\n职业技术学院",higher,500106,private\n5001000003,渝北示例中等职业学校,secondary,两江新区,public\n';

  it('names the referenced file, line and reason, not an unknown code; a code no file has stays unknown', async () => {
    const dir = await inputsWith({
      'schools.csv': SCHOOLS,
      'programmes.csv': [HEADER, '2024,5001000003,710201,80,80,240,75,,suspended', '2025,5001000003,710201,80,80,240,75,,active',
        '2024,5001000009,460609,100,96,280,85,0.93,active', ''].join('\n'),
    });
    const { report } = await load(dir, 1);
    const schools = join(dir, 'schools.csv');
    expect(report.rejects.map((r) => [r.table, r.line, r.column, r.reason])).toEqual([
      ['schools', 5, 'district_code', 'not a 6-digit code'],
      ...[2, 3].map((line) => ['programmes', line, 'school_code', `所引用的行已被拒绝，请先改正该行 — school_code 5001000003's row in ${schools} (line 5) `
        + 'was rejected: district_code 两江新区: not a 6-digit code']),
      // a rejected school is no candidate either
      ['programmes', 4, 'school_code', 'unknown school_code 5001000009 — did you mean 5001000001 渝中示例职业学院, 5001000002 沙坪坝示例\n职业技术学院?'],
    ]);
  });

  it('a file stopped by the rows of a rejected row names that row in the quoted rejects', async () => {
    // 1 of 8 schools rejected passes a 20 % limit; 1 of the 4 programmes, that school's, does not.
    const more = [4, 5, 6, 7, 8].map((n) => `500100000${n},示例学校${n},secondary,500112,public\n`).join('');
    const dir = await inputsWith({ 'schools.csv': SCHOOLS + more });
    const error = await loadFailure(dir, 0.2);
    expect(error.message).toContain(`programmes.csv: 拒收比例过高`);
    expect(error.message).toMatch(/above load\.reject_share_max 20\.0%; 1 of them refer to rows rejected in the file they reference: correct those rows first; first rejects:/);
    expect(error.message).toContain(`school_code 5001000003's row in ${join(dir, 'schools.csv')} (line 5) was rejected: district_code 两江新区: not a 6-digit code`);
  });
});

describe('rows short of their trailing empty fields', () => {
  const LAST_RATE = 'year,school_code,major_code,plan,enrolled,students,graduates,status,employment_rate';

  it('are rejected, never padded, with a note saying Excel may have left the empty fields out', async () => {
    const dir = await inputsWith({ 'programmes.csv': [LAST_RATE, '2024,5001000001,460609,100,96,280,85,active,0.93',
      '2024,5001000001,510201,120,118,350,,active', '2024,5001000002,460601,60,55,160,50,active', '2024,5001000003,710201,80,80,240,75,suspended', ''].join('\n') });
    const { report } = await load(dir, 1);
    expect(report.rejects.map((r) => [r.line, r.reason])).toEqual([3, 4, 5].map((line) => [line, 'expected 9 fields, found 8']));
    expect(report.warnings).toContain(`${join(dir, 'programmes.csv')}: 行尾缺少空列 — 3 of the first 4 rows have fewer fields than the header's 9, `
      + 'lacking only columns at its end that may be empty (employment_rate): if the file was saved by Excel, its rows may lack trailing empty fields: '
      + 'send the .xlsx instead. Such rows are rejected, never padded: a field left out mid-row would put the values after it in the wrong columns');
  });

  it('get no such note when a column missing at the end must have a value', async () => {
    const dir = await inputsWith({ 'programmes.csv': [HEADER, '2024,5001000001,460609,100,96,280,85,0.93,active',
      '2024,5001000001,510201,120,118,350,,', '2024,5001000002,460601,60,55,160,50,0.9', '2024,5001000003,710201,80,80,240,75,0.8', ''].join('\n') });
    const { report } = await load(dir, 1);
    expect(report.rejects.map((r) => [r.line, r.reason])).toEqual([3, 4, 5].map((line) => [line, 'expected 9 fields, found 8']));
    expect(report.warnings.filter((w) => w.includes('行尾缺少空列'))).toEqual([]);
  });
});

describe('line numbers', () => {
  it('count lines of the original file across blank lines, multi-line values, malformed and empty rows', async () => {
    const { rejects, report } = await programmeRejects([
      '2024,5001000001,460609,100,96,280,85,0.93,active', // line 2
      '', // line 3: blank, skipped by the reader
      '2024,5001000002,"46', // lines 4–5: one record, quoted value with a line break
      '0601",60,55,160,50,0.9,active',
      '2024,5001000003,710201,80,80,240,75,suspended', // line 6: 8 fields
      ',,,,,,,,', // line 7: no values, spreadsheet padding, dropped with a note
      '2024,5001000001,510201,120,-118,350,,,active', // line 8
    ]);
    expect(rejects).toEqual([
      [4, 'major_code', '46\n0601', 'not a 6-digit code (or 6 digits and K) — did you mean 460601 飞行器数字化制造技术?'],
      [6, '', '2024,5001000003,710201,80,80,240,75,suspended', 'expected 9 fields, found 8'],
      [8, 'enrolled', '-118', 'must be ≥ 0'],
    ]);
    expect(report.warnings.filter((w) => w.includes('空行已跳过'))).toEqual([expect.stringMatching(/programmes\.csv: 空行已跳过 — 1 row without any value \(only separators, ,,,\) skipped$/)]);
  });
});

describe('malformed records', () => {
  it('a quote left open stops the load at the line it opens on: the lines after it are never swallowed into one reject', async () => {
    const dir = await inputsWith({
      'programmes.csv': [
        'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status',
        '2024,5001000001,460609,100,96,280,85,0.93,active',
        '2024,5001000001,"510201,120,118,350,,,active', // line 3: the quote runs to the end of the file
        '2024,5001000002,460601,60,55,160,50,0.9,active',
        '',
      ].join('\n'),
    });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'programmes.csv')}:3: 引号未闭合 — a quote (") opens a value on line 3 ` +
      'and is never closed; it would join the lines after it into one value. Remove the stray quote or close it');
  });
  it('two stray quotes joining whole records into one value stop the load at the line the first opens on', async () => {
    const dir = await inputsWith({
      'programmes.csv': [
        HEADER,
        '2024,5001000001,460609,100,96,280,85,0.93,"active', // line 2: the value opens here …
        '2024,5001000002,460601,60,55,160,50,0.9,active"', // line 3: … and holds this record whole
        '2024,5001000003,510201,120,118,350,,,active',
        '',
      ].join('\n'),
    });
    expect((await loadFailure(dir)).message).toBe(`${join(dir, 'programmes.csv')}:2: 引号不配对 — a quote (") opens a value on line 2 that runs on to line 3, `
      + 'whose 8 commas inside it make a whole record of 9 columns: two stray quotes would join records into one value. '
      + 'Remove the stray quotes, or double a quote meant as text ("")');
  });

  const SCHOOLS = 'school_code,school_name,level,district_code,ownership';
  const strayPair = (dir: string) => `${join(dir, 'schools.csv')}:2: 引号不配对 — a quote (") opens a value on line 2 that runs on to line 3, `
    + 'and the record over lines 2–3 holds 8 commas, as many as 2 records of 5 columns: '
    + 'stray quotes would join lines that are records of their own into one row, or into one reject. '
    + 'Remove the stray quotes, or double a quote meant as text ("")';

  it('two stray quotes on adjacent lines, each holding part of the other\'s value, stop the load: never one row for two lines', async () => {
    // Read as quoted, school 5001000002 would be part of the name of 5001000001, a row of 5 fields loaded without a word.
    const dir = await inputsWith({
      'schools.csv': [
        SCHOOLS,
        '5001000001,"渝中示例职业学院,higher,500103,public', // line 2: the value opens here …
        '5001000002,沙坪坝示例职业技术学院",higher,500106,private', // line 3: … and closes part-way through this line
        '5001000003,渝北示例中等职业学校,secondary,500112,public',
        '',
      ].join('\n'),
    });
    expect((await loadFailure(dir)).message).toBe(strayPair(dir));
  });

  it('two stray quotes on adjacent lines making one record too wide stop the load: never one reject for two lines', async () => {
    const dir = await inputsWith({
      'schools.csv': [
        SCHOOLS,
        '5001000001,渝中示例职业学院,higher,"500103,public', // line 2: the value opens in the 4th column …
        '5001000002",沙坪坝示例职业技术学院,higher,500106,private', // line 3: … and closes in the 1st: one record of 8 fields
        '5001000003,渝北示例中等职业学校,secondary,500112,public',
        '',
      ].join('\n'),
    });
    expect((await loadFailure(dir)).message).toBe(strayPair(dir));
  });

  it('a quoted value with a line break and commas inside (an address as exported) is still one row', async () => {
    const { report, conn } = await load(await inputsWith({
      'schools.csv': [
        SCHOOLS,
        '5001000001,"重庆市渝中区, 解放碑\n示例职业学院, 本部",higher,500103,public', // lines 2–3
        '5001000002,沙坪坝示例职业技术学院,higher,500106,private',
        '5001000003,渝北示例中等职业学校,secondary,500112,public',
        '',
      ].join('\n'),
    }));
    expect(report.inputs.find((i) => i.table === 'schools')).toMatchObject({ rows: 3, rejected: 0 });
    expect(await query(conn, `SELECT school_name FROM raw_schools WHERE school_code = '5001000001'`)).toEqual([
      { school_name: '重庆市渝中区, 解放碑\n示例职业学院, 本部' },
    ]);
  });
});

describe('line numbers with a stray quote inside an unquoted value (DuckDB keeps it as text)', () => {
  it('are still exact when no value spans lines', async () => {
    const { rejects, report } = await programmeRejects([
      '2024,5001000001,46"0609,100,96,280,85,0.93,active', // line 2
      '', // line 3
      '2024,5001000001,510201,120,-118,350,,,active', // line 4
    ]);
    expect(rejects).toEqual([
      [2, 'major_code', '46"0609', 'not a 6-digit code (or 6 digits and K) — did you mean 460609 无人机应用技术?'],
      [4, 'enrolled', '-118', 'must be ≥ 0'],
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('are flagged as approximate, with no reject left out, when a value also spans lines', async () => {
    const dir = await inputsWith({
      'programmes.csv': [
        HEADER,
        '2024,5001000001,46"0609,100,96,280,85,0.93,active', // line 2
        '2024,5001000001,"51', // lines 3–4
        '0201",120,118,350,,,active',
        '2024,5001000002,460601,-60,55,160,50,0.9,active', // line 5, reported as 4 (its record number)
      ].join('\n'),
    });
    const { report } = await load(dir, 1);
    expect(report.rejects.filter((r) => r.table === 'programmes').map((r) => [r.line, r.column])).toEqual([
      [2, 'major_code'],
      [3, 'major_code'],
      [4, 'plan'],
    ]);
    expect(report.warnings).toEqual([
      `${join(dir, 'programmes.csv')}: 行号可能不准 — line numbers of rejects may be approximate (a stray " inside a value)`,
    ]);
  });
});

describe('formatReject', () => {
  it('prints file:line:column: value — reason on one line, the reason in Chinese first where its form is known', () => {
    const reject = { table: 'programmes', file: 'data/x/programmes.csv', line: 4, column: 'major_code', value: '46\n0601', reason: 'not a 6-digit code' };
    expect(formatReject(reject)).toBe('data/x/programmes.csv:4:major_code: 46\\n0601 — 不是 6 位数字代码 — not a 6-digit code');
    expect(formatReject({ ...reject, column: '', value: '1,2', reason: 'expected 9 fields, found 2' })).toBe(
      'data/x/programmes.csv:4: 1,2 — 应有 9 列，实际 2 列 — expected 9 fields, found 2',
    );
    expect(formatReject({ ...reject, reason: 'a form no wording knows' })).toBe('data/x/programmes.csv:4:major_code: 46\\n0601 — a form no wording knows');
  });
});
