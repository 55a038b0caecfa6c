/**
 * Drift checks at refresh level: a data folder that lost 40 % of its programme rows, or its whole
 * postings feed, is refused against the served snapshot, which stays; --accept-drift publishes it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { readHistory } from '../../pipeline/refresh/history.ts';
import { cleanup, dataFolder, REFERENCE, scratch } from '../postings/fixture.ts';
import { readCurrent } from './cli.ts';

afterAll(cleanup);

const refreshOf = (dataDir: string, warehouseDir: string, acceptDrift = false) =>
  refresh({ dataDir, referenceDir: REFERENCE, warehouseDir, acceptDrift });

describe('drift checks on refresh', () => {
  it('refuses a folder that lost 40 % of its programme rows, keeps serving the last snapshot, publishes when accepted', async () => {
    const wh = scratch('wh-drift-');
    await refreshOf(dataFolder(), wh);
    const before = readCurrent(wh);
    const data = dataFolder();
    const path = join(data, 'programmes.csv');
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
    // Two rows of every five dropped: 40 %, above refresh.drift_max_shrink (30 %).
    const kept = rows.filter((_, i) => i % 5 >= 2);
    writeFileSync(path, [header, ...kept].join('\n') + '\n');
    const shrink = Math.round((1 - kept.length / rows.length) * 100);
    const finding = `programmes: ${rows.length} → ${kept.length} rows (−${shrink} %, limit 30 %)`;

    await expect(refreshOf(data, wh)).rejects.toThrow(finding);
    expect(readCurrent(wh)).toEqual(before);
    expect(readHistory(wh)[0]).toMatchObject({ outcome: 'failed', snapshot: null, drift: expect.arrayContaining([finding]) });

    const { manifest } = await refreshOf(data, wh, true);
    expect(readCurrent(wh).snapshot).toBe(manifest.snapshot);
    expect(manifest.inputs.find((i) => i.table === 'programmes')?.rows).toBe(kept.length);
  }, 120_000);

  it('refuses a folder whose postings feed vanished', async () => {
    const wh = scratch('wh-drift-');
    const data = dataFolder();
    await refreshOf(data, wh);
    rmSync(join(data, 'postings'), { recursive: true });
    // The fixture's one day holds 5 postings.
    await expect(refreshOf(data, wh)).rejects.toThrow('postings: 5 → 0 rows (−100 %, limit 30 %)');
    // The store has dropped the day by now; the refusal must not depend on it.
    await expect(refreshOf(data, wh)).rejects.toThrow('postings: 5 → 0 rows');
  }, 120_000);

  it('refuses a latest year holding a few rows entered early, or a mistyped year, even on the first refresh', async () => {
    const data = dataFolder();
    const path = join(data, 'programmes.csv');
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
    const active = (year: number) => rows.filter((r) => r.startsWith(`${year},`) && r.endsWith(',active'));
    // One programme of 2025 retyped as 2052: that year would be every figure's, with one point.
    const typo = active(2025)[0];
    writeFileSync(path, [header, ...rows.map((r) => (r === typo ? r.replace(/^2025,/, '2052,') : r))].join('\n') + '\n');
    const finding = `2052 年数据不完整？— 2052: 1 active programme points at 1 schools, against ${active(2025).length - 1} at`;
    await expect(refreshOf(data, scratch('wh-year-'))).rejects.toThrow(finding);
    const wh = scratch('wh-year-');
    const { manifest } = await refreshOf(data, wh, true);
    expect(manifest.summary?.year).toBe(2052);
    // Accepted once, the finding is a note of the snapshot: the next night, on the same inputs, says it again and goes on.
    expect(manifest.warnings).toEqual(expect.arrayContaining([expect.stringContaining(finding)]));
    const night = await refreshOf(data, wh);
    expect(night.manifest.warnings).toEqual(expect.arrayContaining([expect.stringContaining(finding)]));
  }, 120_000);

  it('refuses an industry whose demand rows are missing from the latest year, and notes a school or district missing from it', async () => {
    const data = dataFolder();
    const demand = join(data, 'demand.csv');
    const [header, ...rows] = readFileSync(demand, 'utf8').trim().split('\n');
    const ai2024 = rows.filter((r) => r.startsWith('2024,') && r.split(',')[2] === 'ai').reduce((n, r) => n + Number(r.split(',')[4]), 0);
    writeFileSync(demand, [header, ...rows.filter((r) => !(r.startsWith('2025,') && r.split(',')[2] === 'ai'))].join('\n') + '\n');
    await expect(refreshOf(data, scratch('wh-year-'))).rejects.toThrow(
      `2025 年无该产业需求数据 — 人工智能 (ai): no demand rows in 2025, ${ai2024.toLocaleString('en')} openings in 2024`);
    writeFileSync(demand, [header, ...rows.filter((r) => !(r.startsWith('2025,') && r.split(',')[1] === rows[0].split(',')[1]))].join('\n') + '\n');
    const programmes = join(data, 'programmes.csv');
    const [pHeader, ...pRows] = readFileSync(programmes, 'utf8').trim().split('\n');
    const school = pRows[0].split(',')[1];
    writeFileSync(programmes, [pHeader, ...pRows.filter((r) => !(r.startsWith('2025,') && r.split(',')[1] === school))].join('\n') + '\n');
    const { manifest } = await refreshOf(data, scratch('wh-year-'));
    expect(manifest.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^学校缺少最新年份数据 — 1 school with programmes in 2024 has no row in 2025 \\(${school}\\)`)),
      expect.stringMatching(new RegExp(`^区县缺少最新年份需求 — 1 district with demand rows in 2024 has none in 2025 \\(${rows[0].split(',')[1]}\\)`)),
    ]));
  }, 120_000);

  it('compares the programme rows whatever file they come from: a 备案 listing of one year after years of programmes', async () => {
    const wh = scratch('wh-drift-');
    const data = dataFolder();
    await refreshOf(data, wh);
    const [header, ...rows] = readFileSync(join(data, 'programmes.csv'), 'utf8').trim().split('\n');
    const latest = Math.max(...rows.map((r) => Number(r.split(',')[0])));
    const kept = rows.filter((r) => Number(r.split(',')[0]) === latest);
    writeFileSync(join(data, 'programme_listing.csv'), ['year,school_code,major_code', ...kept.map((r) => r.split(',').slice(0, 3).join(','))].join('\n') + '\n');
    writeFileSync(join(data, 'programme_figures.csv'), [header, ...kept].join('\n') + '\n');
    rmSync(join(data, 'programmes.csv'));
    const shrink = Math.round((1 - kept.length / rows.length) * 100);
    await expect(refreshOf(data, wh)).rejects.toThrow(`programme_listing (before: programmes): ${rows.length} → ${kept.length} rows (−${shrink} %, limit 30 %)`);
  }, 120_000);
});
