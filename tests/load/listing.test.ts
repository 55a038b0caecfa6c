/**
 * The MoE 备案结果 export as a programmes source: the export as downloaded (title row, 修业年限,
 * 备注), joined with its optional figures file; real Chongqing colleges and 2021 catalogue rows.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadInputs } from '../../pipeline/load/index.ts';
import { reasonZh } from '../../pipeline/shared/reason-zh.ts';
import { FIXTURES, inputsFrom, load, loadFailure, query, REAL, removeInputs } from './helpers.ts';

afterAll(removeInputs);

const BEIAN = join(FIXTURES, 'beian');
const EXPORT = '2025年重庆市高职专业设置备案结果.xlsx';

/** The real-shaped folder with its programmes.csv replaced by the 备案 export (and by default its figures file). */
async function beian(files: Record<string, string> = {}, removed: string[] = []): Promise<string> {
  const dir = await inputsFrom(REAL, {}, ['programmes.csv']);
  for (const name of await readdir(BEIAN)) if (name !== 'README.md' && !removed.includes(name)) files = { [name]: await readFile(join(BEIAN, name)) as never, ...files };
  return inputsFrom(dir, files);
}

/** Figures of one 2025 programme, the one every listing below has. */
const FIGURES_2025 = '年份,学校代码,专业代码,招生计划,实际招生,在校生\n2025,4150012609,510201,300,291,880\n';
const FIGURES = 'year, school_code, major_code, plan, enrolled, students, graduates, employment_rate, status';

describe('the 备案结果 export', () => {
  it('loads as downloaded, figures joined by year, school and major, the same as the clean programmes file where figures exist', async () => {
    const { report, conn } = await load(await beian());
    expect(report.rejects).toEqual([]);
    const clean = await load(REAL);
    const joined = await query(conn, `SELECT ${FIGURES} FROM raw_programmes WHERE students IS NOT NULL ORDER BY ALL`);
    const reported = await query(clean.conn, `SELECT ${FIGURES} FROM raw_programmes ORDER BY ALL`);
    expect(joined).toHaveLength(7);
    expect(joined).toEqual(reported.filter((r) => joined.some((j) => j.school_code === r.school_code && j.major_code === r.major_code)));
  });

  it('keeps listed programmes without figures NULL in raw_programmes (never 0), their status read from 备注', async () => {
    const { report, conn } = await load(await beian());
    expect(await query(conn, `SELECT school_code, major_code, plan, enrolled, students, graduates, employment_rate, status
      FROM raw_programmes WHERE students IS NULL ORDER BY ALL`)).toEqual([
      { school_code: '4150012609', major_code: '510205', plan: null, enrolled: null, students: null, graduates: null, employment_rate: null, status: 'active' },
      { school_code: '4150014128', major_code: '530301', plan: null, enrolled: null, students: null, graduates: null, employment_rate: null, status: 'closed' },
      { school_code: '4150014428', major_code: '570102K', plan: null, enrolled: null, students: null, graduates: null, employment_rate: null, status: 'active' },
    ]);
    expect(report.listing).toMatchObject({ listed: 10, with_figures: 7, status_from_remark: { closed: 1, suspended: 1 } });
    expect(report.warnings.filter((w) => w.includes('无招生与在校生数据'))).toHaveLength(1);
    expect(report.warnings.find((w) => w.includes('无招生与在校生数据'))).toContain('3 of 10 listed programmes');
  });

  it('reads a status from 备注 only where it says so, a resumed intake as active, and quotes a remark of each in the note', async () => {
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510201,计算机应用技术,3,',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510205,大数据技术,3,恢复招生（原停招）',
      '2025,重庆市,4150014128,重庆财经职业学院,530302,大数据与会计,3,2025年暂停招生',
      '2025,重庆市,4150014128,重庆财经职业学院,530301,大数据与财务管理,3,撤销'].join('\n');
    const dir = await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]);
    const { report, conn } = await load(dir);
    expect(await query(conn, 'SELECT major_code, status FROM raw_programmes ORDER BY major_code')).toEqual([
      { major_code: '510201', status: 'active' }, { major_code: '510205', status: 'active' },
      { major_code: '530301', status: 'closed' }, { major_code: '530302', status: 'suspended' },
    ]);
    expect(report.warnings.filter((w) => w.includes('备注读作状态'))).toEqual([
      `${join(dir, 'programme_listing.csv')}: 备注读作状态 — status read from 备注: 1 closed (撤销, e.g. "撤销"), 1 suspended (停招, e.g. "2025年暂停招生")`]);
  });

  it('reads the other ways a 备注 ends or pauses intake, a change only planned as active, and quotes every remark it could not read', async () => {
    const row = (major: string, name: string, remark: string) => `2025,重庆市,4150012609,重庆电子工程职业学院,${major},${name},3,${remark}`;
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      row('510201', '计算机应用技术', '停止招生'), row('510205', '大数据技术', '取消'),
      row('460101', '机械设计与制造', '拟撤销'), row('530302', '大数据与会计', '合并至智能制造学院'),
      row('520201', '护理', '新增')].join('\n');
    const dir = await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]);
    const { report, conn } = await load(dir);
    expect(await query(conn, 'SELECT major_code, status FROM raw_programmes ORDER BY major_code')).toEqual([
      { major_code: '460101', status: 'active' },
      { major_code: '510201', status: 'suspended' }, { major_code: '510205', status: 'closed' }, { major_code: '520201', status: 'active' }, { major_code: '530302', status: 'active' },
    ]);
    const file = join(dir, 'programme_listing.csv');
    expect(report.warnings.filter((w) => w.includes('备注'))).toEqual([
      `${file}: 备注读作状态 — status read from 备注: 1 closed (撤销, e.g. "取消"), 1 suspended (停招, e.g. "停止招生")`,
      `${file}: 备注为计划变动 — 1 programme with a change only planned or applied for in 备注 read as active this year, e.g. "拟撤销"`,
      `${file}: 备注未识别 — 1 programme has a 备注 not read as a status, read as active, e.g. "合并至智能制造学院": if one is not running, give its status in programme_figures`,
    ]);
  });

  it('reads a 备注 that negates, ends, restores or narrows its status word as no status, and lists every such remark with its count', async () => {
    const names: Record<string, string> = { 510201: '计算机应用技术', 510205: '大数据技术', 460101: '机械设计与制造', 530302: '大数据与会计', 530301: '大数据与财务管理', 520201: '护理' };
    const row = (school: string, major: string, remark: string) => `2025,重庆市,${school},,${major},${names[major]},3,${remark}`;
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      row('4150012609', '510201', ''),
      row('4150012215', '460101', '暂不撤销'), row('4150012215', '510201', '暂不撤销'), row('4150012215', '510205', '撤销人工智能方向'),
      row('4150012215', '530302', '取消停招'), row('4150012215', '530301', '取消中外合作办学'), row('4150012215', '520201', '停招后已恢复'),
      row('4150014009', '460101', '停招不撤销'), row('4150014009', '510201', '停招，拟撤销'), row('4150014009', '510205', '停招'),
      row('4150014009', '530302', '暂停招生'), row('4150014009', '530301', '已撤销'), row('4150014009', '520201', '暂不招生'),
      row('4150014128', '530302', '停招，待恢复')].join('\n');
    const dir = await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]);
    const { report, conn } = await load(dir);
    expect(report.rejects).toEqual([]);
    expect(await query(conn, `SELECT school_code, major_code, status FROM raw_programmes WHERE status <> 'active' ORDER BY ALL`)).toEqual([
      { school_code: '4150014009', major_code: '460101', status: 'suspended' }, { school_code: '4150014009', major_code: '510201', status: 'suspended' },
      { school_code: '4150014009', major_code: '510205', status: 'suspended' }, { school_code: '4150014009', major_code: '520201', status: 'suspended' },
      { school_code: '4150014009', major_code: '530301', status: 'closed' }, { school_code: '4150014009', major_code: '530302', status: 'suspended' },
      { school_code: '4150014128', major_code: '530302', status: 'suspended' },
    ]);
    const file = join(dir, 'programme_listing.csv');
    expect(report.warnings.filter((w) => w.includes('备注'))).toEqual([
      `${file}: 备注读作状态 — status read from 备注: 1 closed (撤销, e.g. "已撤销"), 6 suspended (停招, e.g. "停招", "停招不撤销", "停招，待恢复")`,
      `${file}: 备注未读作状态 — 6 programmes have a 备注 that names a status but negates, ends, restores or narrows it (a 方向, a cooperation), `
        + 'not read as that status, read as active: "暂不撤销" (2), "停招后已恢复" (1), "取消中外合作办学" (1), "取消停招" (1), "撤销人工智能方向" (1): '
        + 'if one is not running, give its status in programme_figures',
    ]);
  });

  it('rejects a listed programme whose figures row was rejected, naming that row, and never estimates its figures', async () => {
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510201,计算机应用技术,3,',
      '2025,重庆市,4150014128,重庆财经职业学院,530302,大数据与会计,3,',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510205,大数据技术,3,'].join('\n');
    const figures = ['年份,学校代码,专业代码,招生计划数,实际招生数,在校生数,毕业生数,就业率,专业状态',
      '2025,4150012609,510201,300,291,880,265,93.7%,',
      '2025,4150014128,530302,/,/,530,160,,停招',
      // a key no listed programme has: counted apart, since a listed programme without figures may be the one it meant
      '2025,4150012609,510203,50,40,120,38,,'].join('\n');
    const dir = await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': figures }, [EXPORT]);
    const { report, conn } = await load(dir, 1);
    expect(report.rejects.map((r) => [r.table, r.line, r.column, r.value, r.reason])).toEqual([
      ['programme_figures', 3, 'plan', '/', 'not an integer'],
      ['programme_figures', 3, 'enrolled', '/', 'not an integer'],
      ['programme_figures', 4, 'major_code', '510203', expect.stringMatching(/^not listed: major_code 510203 for year 2025 for school_code 4150012609/)],
      ['programme_listing', 3, 'major_code', '530302', '招生数据行被拒收 — the row of this programme in programme_figures was rejected '
        + '(programme_figures.csv:3: plan: not an integer; enrolled: not an integer): figures are never estimated for a programme whose school reported them; '
        + 'correct that row, and this programme loads with it'],
    ]);
    expect(report.rejects.find((r) => r.table === 'programme_listing')?.file).toBe(join(dir, 'programme_listing.csv'));
    expect(await query(conn, 'SELECT major_code, students, status FROM raw_programmes ORDER BY ALL')).toEqual([
      { major_code: '510201', students: 880, status: 'active' }, { major_code: '510205', students: null, status: 'active' },
    ]);
    expect(await query(conn, 'SELECT count(*)::INTEGER AS n FROM raw_programme_listing')).toEqual([{ n: 2 }]);
    expect(report.inputs.find((i) => i.table === 'programme_listing')).toMatchObject({ rows: 2, rejected: 1 });
    expect(report.listing).toMatchObject({ listed: 2, with_figures: 1, figures_rejected: 1, figures_unmatched: 1 });
    const file = join(dir, 'programme_listing.csv');
    expect(report.warnings.filter((w) => w.includes('programme_figures') && w.startsWith(file))).toEqual([
      `${file}: 招生数据行被拒收 — 1 listed programme rejected with its row of programme_figures (e.g. 2025 4150014128 530302, programme_figures.csv:3): `
        + 'figures are never estimated for a programme whose school reported them; correct those rows',
      `${file}: 无招生与在校生数据 — 1 of 2 listed programmes have no row in programme_figures: `
        + 'their plan, enrolled and students are estimated (median of the year\'s reported programmes of the same major, else 专业类, else level), '
        + 'graduates from those students ÷ 学制, employment rate no data; the estimates are flagged and shown as such; '
        + '1 rejected row of programme_figures names no listed programme (its year, school or major rejected): a programme above may be the one it meant',
    ]);
  });

  it('rejects a row whose 学校名称 is another school\'s, naming both; another spelling of its own school passes', async () => {
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510201,计算机应用技术,3,',
      '2025,重庆市,4150012609,重庆财经职业学院,510205,大数据技术,3,',
      '2025,重庆市,4150014128,重庆财经职院,530302,大数据与会计,3,'].join('\n');
    const dir = await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]);
    const { report } = await load(dir);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, 'school_name', '重庆财经职业学院', '学校名称与代码不符 — 4150012609 is 重庆电子工程职业学院, not 重庆财经职业学院 (4150014128): '
        + 'a code is never read as another school — correct the code or the name'],
    ]);
  });

  it('stops when a year of the listing has no figures at all, since nothing could be estimated from', async () => {
    const error = await loadFailure(await beian({}, ['programme_figures.csv']));
    expect(error.message).toContain('2025年重庆市高职专业设置备案结果.xlsx: 缺少招生与在校生数据 — no programme of 2025 高职专科 (higher) has figures in programme_figures');
  });

  it('stops when a level of a year has no figures, figures of another level being no ground for its estimates', async () => {
    const schools = `${readFileSync(join(REAL, 'schools.csv'), 'utf8').trimEnd()}\n5150000001,重庆示例中等职业学校,secondary,500101,public\n`;
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510201,计算机应用技术,3,',
      '2025,重庆市,5150000001,重庆示例中等职业学校,710201,计算机应用,3,'].join('\n');
    const error = await loadFailure(await beian({ 'schools.csv': schools, 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]));
    expect(error.message).toContain('programme_listing.csv: 缺少招生与在校生数据 — no programme of 2025 中职 (secondary) has figures in programme_figures');
  });

  it('rejects a figures row no listed programme has, naming its key and, for a typo, the listed major by its name', async () => {
    const figures = (await readFile(join(BEIAN, 'programme_figures.csv'), 'utf8')).trimEnd()
      + '\n2025,4150014428,520201,50,50,150,45,,\n2025,4150014009,520210,50,50,150,45,,\n2025,4150014009,520101,50,50,150,45,,\n';
    const { report } = await load(await beian({ 'programme_figures.csv': figures }));
    expect(report.rejects.map((r) => [r.table, r.line, r.column, r.value, r.reason])).toEqual([
      // a code of the catalogue all the same: the listing, not a code table, lacks the programme
      ['programme_figures', 9, 'major_code', '520201', 'not listed: major_code 520201 for year 2025 for school_code 4150014428'],
      // the listing also names the school: the suggestion names the major, never the school
      ['programme_figures', 10, 'major_code', '520210', 'not listed: major_code 520210 for year 2025 for school_code 4150014009 — did you mean 520201 护理?'],
      // a K major without its K is named as such, not offered the nearest other majors
      ['programme_figures', 11, 'major_code', '520101', 'not listed: major_code 520101 for year 2025 for school_code 4150014009 — 国控专业代码带 K: the catalogue code is 520101K 临床医学'],
    ]);
    expect(reasonZh(report.rejects[0].reason)).toMatch(/^备案清单中没有此专业点：2025 年 4150014428 的 major_code 520201/);
  });

  it('rejects a row of another province and a name of another major; another spelling of the name is a counted warning', async () => {
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      '2025,重庆,4150012609,重庆电子工程职业学院,510201,计算机应用技术,3,',
      '2025,四川省,4150012215,重庆工业职业技术学院,460101,机械设计与制造,3,',
      '2025,重庆市,4150014128,重庆财经职业学院,530302,大数据与财务管理,3,',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510205,大数据技术与应用,3,'].join('\n');
    const dir = await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]);
    const { report, conn } = await load(dir);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, 'province', '四川省', '省份与数据目录不符（重庆市） — province 四川省 is not the province of this data folder (重庆市)'],
      [4, 'major_name', '大数据与财务管理', '专业名称与代码不符 — 大数据与财务管理 is major 530301 高职专科 (higher), not 530302 大数据与会计: a code is never read as another major — correct the code or the name'],
    ]);
    expect(report.warnings).toContain(`${join(dir, 'programme_listing.csv')}: 专业名称与目录不同 — 1 rows name their major otherwise than the catalogue, e.g. 510205 大数据技术与应用 (catalogue: 大数据技术); read by code`);
    expect(await query(conn, `SELECT major_code FROM raw_programmes ORDER BY 1`)).toEqual([{ major_code: '510201' }, { major_code: '510205' }]);
  });

  it('refuses a folder with both a programmes file and a listing', async () => {
    const dir = await inputsFrom(await beian(), { 'programmes.csv': await readFile(join(REAL, 'programmes.csv'), 'utf8') });
    expect((await loadFailure(dir)).message).toMatch(/文件重复 — both a programmes file and a 备案 listing/);
  });

  it('reads a programmes file accepted on the platform in place of the folder\'s listing', async () => {
    const dir = await beian();
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const report = await loadInputs(conn, { dataDir: dir, referenceDir: join(FIXTURES, 'no-reference'), policy: { reject_share_max: 0.5 },
      overrides: { programmes: join(REAL, 'programmes.csv') } });
    expect(report.inputs.map((i) => i.table)).toContain('programmes');
    expect(report.inputs.map((i) => i.table)).not.toContain('programme_listing');
    const clean = await load(REAL);
    expect(await query(conn, 'SELECT count(*)::INTEGER AS n FROM raw_programmes')).toEqual(await query(clean.conn, 'SELECT count(*)::INTEGER AS n FROM raw_programmes'));
  });
});

describe('history in the 2015 高职 catalogue without the legacy tables', () => {
  it('rejects 630302 (会计 in 2015) in a 2019 row of a 高职 school, naming the catalogue, never loading it as the 2021 中职 major', async () => {
    const listing = ['年份,省份,学校代码,学校名称,专业代码,专业名称,修业年限,备注',
      '2019,重庆市,4150014128,重庆财经职业学院,630302,会计,3,',
      '2025,重庆市,4150012609,重庆电子工程职业学院,510201,计算机应用技术,3,'].join('\n');
    const { report, conn } = await load(await beian({ 'programme_listing.csv': listing, 'mapping.json': '{}', 'programme_figures.csv': FIGURES_2025 }, [EXPORT]));
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([[2, 'major_code', '630302',
      '缺少旧版目录及其新旧对照（legacy_majors.csv、major_successors.csv） — read in the 2015 高职专科目录 (higher-2015), in force for 2019 (before 2021), but no legacy_majors.csv and major_successors.csv are given: '
        + 'add them, or set catalogue.current_from in mapping.json if the file uses 2021 codes']]);
    expect(await query(conn, `SELECT year, major_code FROM raw_programmes`)).toEqual([{ year: 2025, major_code: '510201' }]);
  });
});
