/**
 * The copies de-duplication by posting_id leaves silent are said, never changed: an id sent again
 * with another employer and title, the same job under two ids. Said alike by a whole build and by
 * the night that appends the day they happen in; a correction is not said; the rows kept are those
 * kept before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadInputs, type LoadReport } from '../../pipeline/load/index.ts';
import { loadPostings } from '../../pipeline/postings/index.ts';
import { cleanup, dataFolder, deliver, FIXTURE, REFERENCE, scratch } from './fixture.ts';

afterAll(cleanup);

/** A warehouse of its own: its connection (the fixture's inputs loaded), its folder, whether a night has run on it. */
async function warehouse() {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await loadInputs(conn, { dataDir: join(FIXTURE, 'data'), referenceDir: REFERENCE, policy: { reject_share_max: 0.05 } });
  return { conn, dir: scratch('wh-'), ran: false };
}

const HEADER = 'posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education';

/**
 * Day 2025-03-04 (the fixture's day 1 is 2025-03-03): D1-002 sent again by another employer for
 * another job; D1-001 corrected (headcount and posted_on); D1-004's title reworded by the same
 * employer; X-1 and X-2 the same job as D1-005 (employer, title, district, day); X-3 alone.
 */
const DAY2 = [HEADER,
  'D1-002,2025-03-04,500107,重庆渝北会计服务有限公司,会计,,1,higher',
  'D1-001,2025-03-04,500103,重庆恒润智能装备有限公司,数控车工,机械/设备/重工,2,secondary',
  'D1-004,2025-03-04,500229,重庆华渝实业有限公司,储备干部（管培生）,汽车/摩托车,1,higher',
  'X-1,2025-03-03,500235,重庆鼎新医院有限公司,护士,,4,higher',
  'X-2,2025-03-03,500235,重庆鼎新医院有限公司,护士,,4,higher',
  'X-3,2025-03-04,500235,重庆鼎新医院有限公司,护士,,4,higher',
].join('\n') + '\n';

const RENAMED = 'postings: 同一编号换了招聘单位和职位 — 1 posting id%s was sent again with another employer and title '
  + '(e.g. "D1-002": 重庆嘉陵实业有限公司 普工 → 重庆渝北会计服务有限公司 会计); the latest copy is kept as a correction: '
  + 'if these are different postings (two boards\' ids), give each board\'s ids a prefix of its own';
const REPEATED = 'postings: 疑似重复岗位 — 2 postings repeat another\'s employer, title, district and day under another id%s '
  + '(e.g. "D1-005", "X-1": 重庆鼎新医院有限公司 护士, 500235, 2025-03-03); each is counted: if a board\'s copies of one job, remove them from the feed';
const say = (note: string, where: string) => note.replace('%s', where);

/** One night's postings stage, appending to the warehouse's previous night as the nightly refresh does. */
async function nightly(dataDir: string, wh: Awaited<ReturnType<typeof warehouse>>) {
  const { conn } = wh;
  const report: LoadReport = { inputs: [], rejects: [], warnings: [] };
  const result = await loadPostings(conn, {
    dataDir, referenceDir: REFERENCE, warehouseDir: wh.dir, tmpDir: scratch('postings-tmp-'), policy: { reject_share_max: 0.05 }, report, lookups: report.inputs,
    append: wh.ran,
  });
  wh.ran = true;
  const rows = (await conn.runAndReadAll('SELECT posting_id, employer, title, headcount FROM raw_postings ORDER BY posting_id')).getRows();
  return { result, notes: report.warnings.filter((w) => w.startsWith('postings: ')), rows };
}

describe('doubtful copies', () => {
  it('says an id sent again as another posting and the same job under two ids, over a whole build', async () => {
    const data = dataFolder();
    writeFileSync(join(data, 'postings', '2025-03-04.csv'), DAY2);
    const { result, notes, rows } = await nightly(data, await warehouse());
    expect(result.appended).toBeNull();
    expect(notes).toEqual([say(RENAMED, ''), say(REPEATED, '')]);
    // Kept as before: 5 postings of day 1, 3 of them sent again, and; the latest copies.
    expect(result.postings).toBe(8);
    expect(rows.find(([id]) => id === 'D1-002')?.slice(1)).toEqual(['重庆渝北会计服务有限公司', '会计', 1]);
  });

  it('says the same when the day is appended: the replacement counted once, the repeated job in the groups the day joins', async () => {
    const data = dataFolder();
    const wh = await warehouse();
    expect((await nightly(data, wh)).notes).toEqual([]);
    writeFileSync(join(data, 'postings', '2025-03-04.csv'), DAY2);
    const night = await nightly(data, wh);
    expect(night.result.appended).toEqual(['2025-03-04.csv']);
    expect(night.notes).toEqual([say(RENAMED, ' in the days added'), say(REPEATED, ' (counted in the groups the days added join)')]);
    const whole = await warehouse();
    expect((await nightly(data, whole)).rows).toEqual(night.rows);
  });

  it('cuts a long employer short in its example', async () => {
    const data = dataFolder();
    const employer = `重庆${'长'.repeat(500)}有限公司`;
    writeFileSync(join(data, 'postings', '2025-03-04.csv'), [HEADER,
      `Y-1,2025-03-04,500235,${employer},护士,,4,higher`, `Y-2,2025-03-04,500235,${employer},护士,,4,higher`].join('\n') + '\n');
    const { notes } = await nightly(data, await warehouse());
    const repeated = notes.find((n) => n.includes('疑似重复岗位'))!;
    expect(repeated).toContain(`"Y-1", "Y-2": ${employer.slice(0, 40)}… 护士, 500235, 2025-03-04`);
    expect(repeated.length).toBeLessThan(400);
  });

  it('does not say a correction or a re-sent posting', async () => {
    const data = dataFolder();
    const wh = await warehouse();
    await nightly(data, wh);
    deliver(data, '2025-03-04.csv'); // D1-003 sent again as it was, a day later
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), [HEADER,
      'D1-001,2025-03-05,500103,重庆恒润智能装备有限公司,数控车工,机械/设备/重工,7,secondary',
      'D1-004,2025-03-05,500229,重庆华渝实业有限公司,汽车检测员,汽车/摩托车,1,higher',
      'D1-002,2025-03-05,500107,重庆嘉陵实业集团,普工,,5,secondary',
    ].join('\n') + '\n');
    expect((await nightly(data, wh)).notes).toEqual([]);
    expect((await nightly(data, await warehouse())).notes).toEqual([]);
  });
});
