/**
 * Programme history read in the catalogue of its year: real 2015 高职专科 rows (a few rows of
 * data/reference/legacy_majors.csv, or the whole file) and their 2021 successors from the
 * 新旧专业对照表 (a few rows, as a bureau gives it in its data folder), real Chongqing colleges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsFrom, load, query, REAL, removeInputs } from './helpers.ts';

afterAll(removeInputs);

const LEGACY = [
  'catalogue,major_code,major_name,level,valid_from,valid_to',
  'higher-2015,610201,计算机应用技术,higher,2015,2020',
  'higher-2015,630302,会计,higher,2015,2020',
  'higher-2015,620201,护理,higher,2015,2020',
  'higher-2015,610205,软件技术,higher,2015,2020',
  'higher-2015,630303,审计,higher,2015,2020',
  'higher-2015,630304,会计信息管理,higher,2015,2020',
].join('\n');
/**
 * 610205 is shown split (its real successor is one major) to test a split, and 630304 withdrawn (its
 * real successor is 530303) to test a withdrawal; 630303's row is left out, as a partial 对照表 leaves some.
 */
const SUCCESSORS = [
  'catalogue,old_code,old_name,new_code,new_name,change',
  'higher-2015,610201,计算机应用技术,510201,计算机应用技术,kept',
  'higher-2015,630302,会计,530302,大数据与会计,renamed',
  'higher-2015,620201,护理,520201,护理,kept',
  'higher-2015,610205,软件技术,510201,计算机应用技术,split',
  'higher-2015,610205,软件技术,510205,大数据技术,split',
  'higher-2015,630304,会计信息管理,,,withdrawn',
].join('\n');
const HEADER = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';
/** A 中职 school (its identifier invented: no public list of 中职 identifiers was found) beside the real colleges. */
const SECONDARY_SCHOOL = '3150099901';
const SCHOOLS_WITH_SECONDARY = `${readFileSync(join(REAL, 'schools.csv'), 'utf8').trimEnd()}\n${SECONDARY_SCHOOL},重庆市某职业教育中心,secondary,500112,public\n`;

const history = (rows: string[], extra: Record<string, string> = {}) =>
  inputsFrom(REAL, { 'programmes.csv': [HEADER, ...rows].join('\n'), 'legacy_majors.csv': LEGACY, 'major_successors.csv': SUCCESSORS, ...extra });

describe('history coded in the 2015 catalogue', () => {
  it('maps each old code to its 2021 successor, recording the old code and its catalogue', async () => {
    const { report, conn } = await load(await history([
      '2019,4150014128,630302,180,176,520,280,0.91,active', // 会计 in 2015, never the 中职 wind-power 630302
      '2020,4150012609,610201,300,290,860,270,,active',
      '2025,4150012609,510201,300,291,880,265,0.937,active',
    ]));
    expect(report.rejects).toEqual([]);
    expect(await query(conn, `SELECT year, school_code, major_code, source_major_code, catalogue, graduates FROM raw_programmes ORDER BY year`)).toEqual([
      { year: 2019, school_code: '4150014128', major_code: '530302', source_major_code: '630302', catalogue: 'higher-2015', graduates: 280 },
      { year: 2020, school_code: '4150012609', major_code: '510201', source_major_code: '610201', catalogue: 'higher-2015', graduates: 270 },
      { year: 2025, school_code: '4150012609', major_code: '510201', source_major_code: null, catalogue: '2021', graduates: 265 },
    ]);
  });

  it('rejects a code absent from its year\'s catalogue, a withdrawn major, a major the 对照表 has no row of, and an unchosen split, naming the catalogue', async () => {
    const dir = await history([
      '2019,4150012609,510205,150,148,420,,,active', // a 2021 code in a 2019 row
      '2019,4150014128,630303,60,60,170,50,,active',
      '2020,4150012609,610205,100,98,290,90,,active',
      '2020,4150014128,630304,40,40,110,30,,active',
    ]);
    const { report } = await load(dir, 1);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'major_code', '510205', '不在2015 高职专科目录 (higher-2015)中 — not in the 2015 高职专科目录 (higher-2015), in force for 2019'],
      // missing from the bureau's 对照表, which is not said to withdraw it
      [3, 'major_code', '630303', `新旧专业对照表中没有此专业 — 630303 审计 (2015 高职专科目录 (higher-2015)) has no row in ${join(dir, 'major_successors.csv')} `
        + '(the 新旧专业对照表), so its 2021 successor is not known: add its row, with its successor (or withdrawn)'],
      [4, 'major_code', '610205', '2021 年拆分为 510201 计算机应用技术, 510205 大数据技术，请在 mapping.json 的 catalogue.choose 中指明本校开设的一个 — '
        + '610205 软件技术 (2015 高职专科目录 (higher-2015)) was split in 2021 into 510201 计算机应用技术, 510205 大数据技术: '
        + 'name the one this school runs in mapping.json catalogue.choose'],
      [5, 'major_code', '630304', `已撤销，2021 年目录中没有对应专业 — 630304 会计信息管理 (2015 高职专科目录 (higher-2015)) is withdrawn in ${join(dir, 'major_successors.csv')}: `
        + 'no 2021 successor'],
    ]);
  });

  it('takes the successor of a split that mapping.json chooses', async () => {
    const { report, conn } = await load(await history(['2020,4150012609,610205,100,98,290,90,,active'],
      { 'mapping.json': JSON.stringify({ catalogue: { choose: { 610205: '510205' } } }) }));
    expect(report.rejects).toEqual([]);
    expect(await query(conn, `SELECT major_code, source_major_code FROM raw_programmes`)).toEqual([{ major_code: '510205', source_major_code: '610205' }]);
  });

  it('without the legacy tables, rejects rows before 2021 instead of reading them as 2021 codes', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, '2019,4150014128,630302,180,176,520,280,0.91,active', '2025,4150014128,530302,180,175,530,160,,active'].join('\n') });
    const { report } = await load(dir);
    expect(report.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([[2, '630302',
      '缺少旧版目录及其新旧对照（legacy_majors.csv、major_successors.csv） — read in the 2015 高职专科目录 (higher-2015), in force for 2019 (before 2021), but no legacy_majors.csv and major_successors.csv are given: '
        + 'add them, or set catalogue.current_from in mapping.json if the file uses 2021 codes']]);
  });

  it('reads every year in 2021 codes when mapping.json says so', async () => {
    const dir = await inputsFrom(REAL, {
      'programmes.csv': [HEADER, '2019,4150014128,530302,180,176,520,280,0.91,active'].join('\n'),
      'mapping.json': JSON.stringify({ catalogue: { current_from: 2019 } }),
    });
    const { report, conn } = await load(dir);
    expect(report.rejects).toEqual([]);
    expect(await query(conn, `SELECT major_code, catalogue FROM raw_programmes`)).toEqual([{ major_code: '530302', catalogue: '2021' }]);
  });
});

describe('levels', () => {
  it('rejects a major of another level than its school, naming both', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, '2025,4150012215,630302,40,38,110,30,,active'].join('\n') });
    const { report } = await load(dir, 1);
    expect(report.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([[2, '630302',
      'major 630302 风力发电设备运行与维护 is 中职 (secondary) but school 4150012215 重庆工业职业技术学院 is 高职专科 (higher)']]);
  });
});

describe('the legacy catalogue under other names', () => {
  it('reads the files mapping.json names for legacy_majors and major_successors', async () => {
    const dir = await inputsFrom(REAL, {
      'programmes.csv': [HEADER, '2019,4150014128,630302,180,176,520,280,0.91,active'].join('\n'),
      '2015高职目录.csv': LEGACY, '新旧专业对照表.csv': SUCCESSORS,
      'mapping.json': JSON.stringify({ legacy_majors: { file: '2015高职目录.csv' }, major_successors: { file: '新旧专业对照表.csv' } }),
    });
    const { report, conn } = await load(dir);
    expect(report.rejects).toEqual([]);
    expect(report.inputs.filter((i) => i.table === 'legacy_majors' || i.table === 'major_successors').map((i) => i.file))
      .toEqual([`${dir}/2015高职目录.csv`, `${dir}/新旧专业对照表.csv`]);
    expect(await query(conn, 'SELECT major_code, source_major_code FROM raw_programmes')).toEqual([{ major_code: '530302', source_major_code: '630302' }]);
  });
});

describe('codes carried to the 2021 catalogue, said and kept', () => {
  it('counts the codes read in an older catalogue in a note, with an example', async () => {
    const { report } = await load(await history(['2019,4150014128,630302,180,176,520,280,0.91,active', '2020,4150012609,610201,300,290,860,270,,active']));
    expect(report.warnings.filter((w) => w.includes('按旧目录读取'))).toEqual([expect.stringContaining(
      '按旧目录读取 — read 2 major codes in an older catalogue and carried them to the 2021 successor (e.g. 630302 会计 (2015 高职专科目录 (higher-2015)) → 530302 大数据与会计)')]);
  });

  it('a malformed code in a legacy year: its catalogue named, a leading 0 Excel dropped asked about, no 2021 major suggested', async () => {
    // A 中职 school and the 2010 中职 row of 计算机应用 with its 2021 successor.
    const school = SECONDARY_SCHOOL;
    const { report, conn } = await load(await history([
      `2019,${school},90100,120,118,350,110,,active`, // 090100 in a number column
      `2019,${school},9010,120,118,350,110,,active`,
      `2020,${school},090100,120,119,352,112,,active`,
    ], {
      'schools.csv': SCHOOLS_WITH_SECONDARY,
      'legacy_majors.csv': `${LEGACY}\nsecondary-2010,090100,计算机应用,secondary,2010,2020`,
      'major_successors.csv': `${SUCCESSORS}\nsecondary-2010,090100,计算机应用,710201,计算机应用,kept`,
    }), 1);
    expect(report.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([
      [2, '90100', 'not a 6-digit code (or 6 digits and K) — 前导零丢失? a leading 0 lost: 090100 计算机应用 of the 2010 中职目录 (secondary-2010); '
        + 'format the column as text and give the code again'],
      [3, '9010', 'not a 6-digit code (or 6 digits and K) — a code of the 2010 中职目录 (secondary-2010), in force for 2019'],
    ]);
    expect(await query(conn, 'SELECT year, major_code, source_major_code FROM raw_programmes')).toEqual([
      { year: 2020, major_code: '710201', source_major_code: '090100' },
    ]);
  });

  it('two old codes merged into one major: the second rejected quoting its own code, the row kept recording its own', async () => {
    const merged = `${SUCCESSORS}\nhigher-2015,630303,审计,530302,大数据与会计,merged`;
    const { report, conn } = await load(await history([
      '2019,4150014128,630302,180,176,520,280,0.91,active',
      '2019,4150014128,630303,60,60,170,50,,active',
    ], { 'major_successors.csv': merged }), 1);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([[3, 'major_code', '630303',
      '与前面一行的 630302 在 2021 年都并入 530302：同一专业点填了两次，已保留前一行，请把本行数字并入 — '
        + '630303 审计 (2015 高职专科目录 (higher-2015)) and 630302 on an earlier row both became 530302 大数据与会计 in 2021: '
        + 'one programme given twice, the earlier row kept — add these figures to it']]);
    expect(await query(conn, 'SELECT major_code, source_major_code, students FROM raw_programmes')).toEqual([
      { major_code: '530302', source_major_code: '630302', students: 520 },
    ]);
  });
});

describe('the reference 2015 高职专科 list without a 新旧专业对照表', () => {
  const REFERENCE = fileURLToPath(new URL('../../data/reference/', import.meta.url));
  /** Test fixture: one row of the 新旧专业对照表, as a bureau gives the table in its data folder. */
  const BUREAU_SUCCESSORS = ['catalogue,old_code,old_name,new_code,new_name,change', 'higher-2015,630302,会计,530302,大数据与会计,renamed'].join('\n');
  const rows = [
    '2019,4150014128,630302,180,176,520,280,0.91,active', // 会计 in 2015
    '2019,4150014128,610299,40,38,110,30,,active', // in no 专业类 of the 2015 list (6102 ends at 610214)
    `2019,${SECONDARY_SCHOOL},090100,120,118,350,110,,active`, // 2010 中职 计算机应用: no such list in data/reference
    '2025,4150014128,530302,180,175,530,160,,active',
  ];
  const notListed = [3, 'major_code', '610299', '不在2015 高职专科目录 (higher-2015)中（参考目录未含 2016–2019 年增补专业） — not in the 2015 高职专科目录 (higher-2015), '
    + 'in force for 2019, as the reference legacy_majors.csv lists it (without the 2016–2019 additions): if it is one of them, add it to a copy of that file in the data folder'];
  const noSecondary = [4, 'major_code', '090100', '缺少旧版目录及其新旧对照（legacy_majors.csv、major_successors.csv） — read in the 2010 中职目录 (secondary-2010), in force for 2019 '
    + '(before 2021), but legacy_majors.csv lists none of its majors: add them, with their successors in major_successors.csv, '
    + 'or set catalogue.current_from in mapping.json if the file uses 2021 codes'];

  it('reads the list from data/reference and rejects a listed code naming the old major and the missing 对照表, never as the 2021 major of its number', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, ...rows].join('\n'), 'schools.csv': SCHOOLS_WITH_SECONDARY });
    const { report, conn } = await load(dir, 1, REFERENCE);
    expect(report.inputs.filter((i) => i.table === 'legacy_majors' || i.table === 'major_successors').map((i) => [i.table, i.file, i.rows]))
      .toEqual([['legacy_majors', join(REFERENCE, 'legacy_majors.csv'), 748]]);
    expect(report.warnings.filter((w) => w.includes('未读取'))).toEqual([]);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'major_code', '630302', '缺少新旧专业对照表，无法确定 2021 年对应专业 — 630302 会计 (2015 高职专科目录 (higher-2015)), in force for 2019: '
        + 'its 2021 successor is not known without the 新旧专业对照表 (major_successors.csv), and is never guessed from its name or code: add major_successors.csv to the data folder'],
      notListed,
      noSecondary,
    ]);
    expect(await query(conn, 'SELECT year, major_code, source_major_code, catalogue FROM raw_programmes')).toEqual([
      { year: 2025, major_code: '530302', source_major_code: null, catalogue: '2021' },
    ]);
  });

  it('reads the list only for a file with rows before current_from', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, rows[3]].join('\n'), 'major_successors.csv': BUREAU_SUCCESSORS });
    const { report } = await load(dir, 1, REFERENCE);
    expect(report.inputs.map((i) => i.table)).not.toContain('legacy_majors');
    expect(report.inputs.map((i) => i.table)).not.toContain('major_successors');
    expect(report.rejects).toEqual([]);
  });

  it('carries a listed code to its successor in the data folder\'s 对照表, read with the reference list', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, ...rows].join('\n'), 'schools.csv': SCHOOLS_WITH_SECONDARY, 'major_successors.csv': BUREAU_SUCCESSORS });
    const { report, conn } = await load(dir, 1, REFERENCE);
    expect(report.inputs.filter((i) => i.table === 'legacy_majors' || i.table === 'major_successors').map((i) => [i.table, i.file]))
      .toEqual([['legacy_majors', join(REFERENCE, 'legacy_majors.csv')], ['major_successors', join(dir, 'major_successors.csv')]]);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([notListed, noSecondary]);
    expect(await query(conn, 'SELECT year, major_code, source_major_code, catalogue FROM raw_programmes ORDER BY year')).toEqual([
      { year: 2019, major_code: '530302', source_major_code: '630302', catalogue: 'higher-2015' },
      { year: 2025, major_code: '530302', source_major_code: null, catalogue: '2021' },
    ]);
  });

  it('rejects a 国控 code of the list given without its K naming the K major, never reading it as another', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, '2019,4150014128,620101,60,58,170,50,,active', rows[3]].join('\n') });
    const { report, conn } = await load(dir, 1, REFERENCE);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, 'major_code', '620101', '国控专业代码带 K：2015 高职专科目录 (higher-2015)中为 620101K 临床医学 — 620101 is not in the 2015 高职专科目录 (higher-2015), '
        + 'in force for 2019; the catalogue code is 620101K 临床医学: give the code with its K'],
    ]);
    expect(await query(conn, 'SELECT year, major_code FROM raw_programmes')).toEqual([{ year: 2025, major_code: '530302' }]);
  });

  it('says when rows of older years give the school and code of a later row, as a file written in 2021 codes throughout does', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, '2020,4150014128,530302,180,176,520,280,0.91,active', rows[3]].join('\n') });
    const { report } = await load(dir, 1, REFERENCE);
    expect(report.warnings.filter((w) => w.includes('2021 年目录代码'))).toEqual([`${join(dir, 'programmes.csv')}: 早年各行疑用 2021 年目录代码 — `
      + '1 of the 1 rows read in an older catalogue (years before catalogue.current_from) give a school and major code that a row of a later year gives too '
      + '(e.g. 2020 4150014128 530302), though the 2021 catalogue renumbered nearly every major; they were read in the older catalogue: '
      + 'if the file writes every year in 2021 codes, set catalogue.current_from in mapping.json']);
    expect(report.rejects.map((r) => [r.line, r.value])).toEqual([[2, '530302']]);
    // Codes of the older catalogue, as history is written before its 对照表 is applied: nothing to say.
    const old = await inputsFrom(REAL, { 'programmes.csv': [HEADER, rows[0], rows[3]].join('\n') });
    expect((await load(old, 1, REFERENCE)).report.warnings.filter((w) => w.includes('2021 年目录代码'))).toEqual([]);
  });

  it('does not read a 对照表 without the catalogue of its old codes, and says so', async () => {
    const dir = await inputsFrom(REAL, { 'programmes.csv': [HEADER, rows[0], rows[3]].join('\n'), 'major_successors.csv': BUREAU_SUCCESSORS });
    const { report } = await load(dir);
    expect(report.inputs.map((i) => i.table)).not.toContain('major_successors');
    expect(report.warnings.filter((w) => w.includes('未读取'))).toEqual([
      `${join(dir, 'major_successors.csv')}: 未读取 — not read: major_successors.csv is read only with legacy_majors.csv, the catalogue of its old codes`]);
    expect(report.rejects.map((r) => r.reason)).toEqual([expect.stringContaining('but no legacy_majors.csv and major_successors.csv are given')]);
  });
});
