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
