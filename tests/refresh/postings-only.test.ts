/**
 * A night that brings only new daily postings starts from a copy of the served warehouse, appends
 * the new days, rebuilds only the models the postings feed and links every other file. Whatever
 * path a run takes, the warehouse must equal what a full refresh of the same folder builds.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refresh, type RefreshResult } from '../../pipeline/refresh/refresh.ts';
import { WAREHOUSE_FILE } from '../../pipeline/refresh/snapshot.ts';
import { silentEffects } from '../../pipeline/config/effects.ts';
import { dependents, readModels } from '../../pipeline/transform/model-files.ts';
import { POSTINGS_DELTA } from '../../pipeline/postings/raw-postings.ts';
import { WORDS_TABLE } from '../../pipeline/postings/posting-words.ts';
import { cleanup, dataFolder, deliver, FIXTURE, REFERENCE, scratch } from '../postings/fixture.ts';
import { acceptedPostingsDir } from '../../pipeline/config/accepted-inputs.ts';
import { tableDifferences } from '../support/same-tables.ts';

afterAll(cleanup);

/** What the last run's stages said when they ended, e.g. `postings: 9 postings from 2 daily files, 1 converted, appended`. */
let said: string[] = [];
const effects = { ...silentEffects, stageEnd: (stage: string, _ms: number, detail?: string) => said.push(`${stage}: ${detail}`) };

const refreshOf = (dataDir: string, warehouseDir: string, env: Record<string, string> = {}, full = false) => {
  Object.assign(process.env, env);
  said = [];
  return refresh({ dataDir, referenceDir: REFERENCE, warehouseDir, keepSnapshots: 3, full }, effects)
    .finally(() => Object.keys(env).forEach((key) => delete process.env[key]));
};
const stage = (name: string) => said.find((line) => line.startsWith(`${name}: `));

/** Differences between a run's warehouse and a full refresh of the same data folder into a new warehouse. */
/** Which Parquet file of a warehouse's own postings store holds a day depends on the days converted with it. */
const OWN_FILES = { raw_posting_files: ['parquet'] };

async function againstFull(run: RefreshResult, dataDir: string) {
  const full = await refreshOf(dataDir, scratch('wh-full-'));
  expect(full.manifest.mode).toBe('full');
  const { tables, differences } = await tableDifferences(join(full.snapshotDir, WAREHOUSE_FILE), join(run.snapshotDir, WAREHOUSE_FILE), OWN_FILES);
  expect(tables).toContain('int_posting_classified');
  return { differences, full };
}

/** A data folder with day 1 of postings, served from a fresh warehouse, and day 2 delivered since. */
async function dayTwoDelivered(prefix: string) {
  const data = dataFolder();
  const wh = scratch(prefix);
  const first = await refreshOf(data, wh);
  deliver(data, '2025-03-04.csv');
  return { data, wh, first };
}

describe('a night with only new postings', () => {
  it('appends the new day to a copy of the served warehouse and equals a full refresh', async () => {
    const { data, wh, first } = await dayTwoDelivered('wh-append-');
    const servedBefore = readFileSync(join(first.snapshotDir, 'marts/mart_posting_demand.arrow'));
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('postings');
    expect(stage('postings')).toMatch(/1 converted, appended$/);
    // Only the models downstream of the postings (the rules are unchanged), fewer than all.
    const fed = dependents(readModels(), [POSTINGS_DELTA, WORDS_TABLE]);
    expect(fed.length).toBeLessThan(readModels().length);
    expect(stage('models')).toBe(`models: ${fed.length} models`);
    expect(night.manifest.base).toEqual(first.manifest.base);
    expect(night.manifest.reports.from).toBe(first.manifest.snapshot);
    const { differences, full } = await againstFull(night, data);
    expect(differences).toEqual([]);
    expect(night.manifest.summary).toEqual(full.manifest.summary);
    expect(night.manifest.inputs).toEqual(full.manifest.inputs);
    expect(night.manifest.model_tests).toEqual(full.manifest.model_tests);
    expect(night.manifest.marts.map((m) => m.name)).toEqual(full.manifest.marts.map((m) => m.name));

    // Marts the postings do not feed are the served snapshot's files; the rebuilt ones are new files.
    const inode = (dir: string, file: string) => statSync(join(dir, 'marts', file)).ino;
    expect(inode(night.snapshotDir, 'dim_district.arrow')).toBe(inode(first.snapshotDir, 'dim_district.arrow'));
    expect(inode(night.snapshotDir, 'mart_posting_demand.arrow')).not.toBe(inode(first.snapshotDir, 'mart_posting_demand.arrow'));
    expect(readFileSync(join(first.snapshotDir, 'marts/mart_posting_demand.arrow'))).toEqual(servedBefore);
    const split = (dir: string) => JSON.parse(readFileSync(join(dir, 'marts/split.json'), 'utf8')).map((s: { name: string }) => s.name).sort();
    expect(split(night.snapshotDir)).toEqual(split(full.snapshotDir));
  }, 120_000);

  it('keeps the words of a title a later copy of its posting replaced, which no mart reads without a posting carrying it', async () => {
    const { data, wh } = await dayTwoDelivered('wh-retitled-');
    const header = 'posting_id,posted_on,district_code,employer,title,industry_hint,headcount,education';
    writeFileSync(join(data, 'postings', '2025-03-04.csv'), `${header}\nD2-009,2025-03-04,500103,重庆翼展航空科技有限公司,无人机装调检修工,,2,higher\n`);
    await refreshOf(data, wh);
    // the same posting sent again the next day under another title
    writeFileSync(join(data, 'postings', '2025-03-05.csv'), `${header}\nD2-009,2025-03-05,500103,重庆翼展航空科技有限公司,植保无人机飞手,,2,higher\n`);
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('postings');
    const { differences, full } = await againstFull(night, data);
    // Each value is segmented and classified once and kept: the night's per-value tables hold the first title as well.
    const perValue = ['int_posting_occupations', 'int_posting_rule_matches', 'raw_posting_words'];
    expect(differences.map((d) => d.table)).toContain('raw_posting_words');
    expect(differences.filter((d) => !perValue.includes(d.table) || d.only_first !== 0)).toEqual([]);
    expect(night.manifest.summary).toEqual(full.manifest.summary);
  }, 120_000);

  it('rebuilds raw_postings whole when an earlier day is corrected, and still equals a full refresh', async () => {
    const { data, wh } = await dayTwoDelivered('wh-corrected-');
    await refreshOf(data, wh);
    deliver(data, '2025-03-03-corrected.csv', '2025-03-03.csv');
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('postings');
    expect(stage('postings')).toMatch(/1 converted$/);
    expect((await againstFull(night, data)).differences).toEqual([]);
  }, 120_000);

  it('is not misled by days a failed run left in the postings store', async () => {
    const { data, wh } = await dayTwoDelivered('wh-failed-');
    // Day 2 is converted into the store, then the run fails before publishing.
    await expect(refreshOf(data, wh, { CHANJIAO_FAIL_AT: 'export' })).rejects.toThrow(/simulated at export/);
    // The store already holds day 2; the served warehouse does not, and the next run must add it.
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('postings');
    expect(stage('postings')).toMatch(/0 converted, appended$/);
    const { differences, full } = await againstFull(night, data);
    expect(differences).toEqual([]);
    expect(night.manifest.inputs).toEqual(full.manifest.inputs);
  }, 120_000);

  it('says in the snapshot that carries it that a day was changed, when the night that found it failed', async () => {
    const { data, wh } = await dayTwoDelivered('wh-said-');
    const day1 = join(data, 'postings/2025-03-03.csv');
    writeFileSync(day1, readFileSync(day1, 'utf8').replace(/,3,(\w+)\n/, ',4,$1\n'));
    // The day is converted again into the store, then the run fails before publishing.
    await expect(refreshOf(data, wh, { CHANJIAO_FAIL_AT: 'export' })).rejects.toThrow(/simulated at export/);
    const night = await refreshOf(data, wh);
    expect(night.manifest.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/2025-03-03\.csv: 文件已更改/)]));
    // Said once, in the snapshot that carries the change.
    expect((await refreshOf(data, wh)).manifest.warnings.filter((w) => /文件已更改/.test(w))).toEqual([]);
  }, 120_000);

  it('runs in full when anything but the postings changed', async () => {
    const { data, wh } = await dayTwoDelivered('wh-full-again-');
    const path = join(data, 'programmes.csv');
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, [header, ...rows.slice(0, -1)].join('\n') + '\n');
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('full');
    expect(night.manifest.inputs.find((i) => i.table === 'programmes')?.rows).toBe(rows.length - 1);
    expect((await againstFull(night, data)).differences).toEqual([]);
    // Nothing new at all, but a full run asked for (refresh --full).
    expect((await refreshOf(data, wh, {}, true)).manifest.mode).toBe('full');
    expect((await refreshOf(data, wh)).manifest.mode).toBe('postings');
  }, 120_000);

  it('takes the same path when the programmes come from the 备案 listing and its figures', async () => {
    const data = dataFolder();
    // The fixture's programmes as a listing (year, school, major) and a figures file (the rest).
    const [header, ...rows] = readFileSync(join(data, 'programmes.csv'), 'utf8').trim().split('\n');
    writeFileSync(join(data, 'programme_listing.csv'), ['year,school_code,major_code', ...rows.map((r) => r.split(',').slice(0, 3).join(','))].join('\n') + '\n');
    writeFileSync(join(data, 'programme_figures.csv'), [header, ...rows].join('\n') + '\n');
    rmSync(join(data, 'programmes.csv'));
    const wh = scratch('wh-listing-');
    const first = await refreshOf(data, wh);
    expect(first.manifest.inputs.map((i) => i.table)).toEqual(expect.arrayContaining(['programme_listing', 'programme_figures']));
    deliver(data, '2025-03-04.csv');
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('postings');
    expect((await againstFull(night, data)).differences).toEqual([]);
    // A corrected figures file is a change of the base.
    writeFileSync(join(data, 'programme_figures.csv'), [header, ...rows.slice(0, -1)].join('\n') + '\n');
    expect((await refreshOf(data, wh)).manifest.mode).toBe('full');
  }, 120_000);

  it('appends a day delivered on the platform and accepted as it does a day dropped in the folder', async () => {
    const data = dataFolder();
    const wh = scratch('wh-delivered-');
    await refreshOf(data, wh);
    // Where the platform puts an accepted day (platform/uploads.ts).
    mkdirSync(acceptedPostingsDir(wh), { recursive: true });
    cpSync(join(FIXTURE, 'variants', '2025-03-04.csv'), join(acceptedPostingsDir(wh), '2025-03-04.csv'));
    const night = await refreshOf(data, wh);
    expect(night.manifest.mode).toBe('postings');
    expect(stage('postings')).toMatch(/1 converted, appended$/);
    const dropped = dataFolder();
    deliver(dropped, '2025-03-04.csv');
    const full = await refreshOf(dropped, scratch('wh-dropped-'));
    const { tables, differences } = await tableDifferences(join(full.snapshotDir, WAREHOUSE_FILE), join(night.snapshotDir, WAREHOUSE_FILE), OWN_FILES);
    expect(tables).toContain('raw_postings');
    expect(differences).toEqual([]);
  }, 120_000);
});
