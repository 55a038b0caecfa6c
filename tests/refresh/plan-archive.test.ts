/**
 * The proposal archive across refreshes: a refresh with programmes up to Y proposes a plan for Y + 1
 * and keeps it in <warehouse>/plans/plan-<Y+1>.csv; a later refresh for the same plan year replaces it
 * while Y + 1 is not in the data; once the data reach Y + 1 the archive is loaded like an input and
 * tracked against the actual plan, and a plan_proposals file in the data folder wins over it.
 * The refresh fixture has programmes and demand of 2024 and 2025.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { refresh, type RefreshResult } from '../../pipeline/refresh/refresh.ts';
import { WAREHOUSE_FILE } from '../../pipeline/refresh/snapshot.ts';
import { silentEffects } from '../../pipeline/config/effects.ts';
import { archiveFile, PLANS_DIR } from '../../pipeline/planner/archive.ts';
import { readSchema } from '../../pipeline/config/schema.ts';
import { cleanup, dataFolder, REFERENCE, scratch } from '../postings/fixture.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';

afterAll(cleanup);

const run = (dataDir: string, warehouseDir: string, full = false) =>
  refresh({ dataDir, referenceDir: REFERENCE, warehouseDir, keepSnapshots: 3, full }, silentEffects);

async function query(result: RefreshResult, sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(join(result.snapshotDir, WAREHOUSE_FILE), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** A data folder copy whose programmes and demand end in `last`. */
function dataUpTo(last: number): string {
  const dir = dataFolder();
  for (const table of ['programmes', 'demand']) {
    const [header, ...lines] = readFileSync(join(dir, `${table}.csv`), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, `${table}.csv`), [header, ...lines.filter((l) => Number(l.slice(0, 4)) <= last)].join('\n') + '\n');
  }
  return dir;
}

/**
 * The fixture with a year 2026 added: every 2025 programme again, its plan moved by −10, 0 or +10 in
 * turn (none below 0), and the demand of 2025 again. Fixed, not made to follow any proposal.
 */
function dataWith2026(): string {
  const dir = dataFolder();
  const next = (table: string, row: (cells: string[], i: number) => string[]) => {
    const lines = readFileSync(join(dir, `${table}.csv`), 'utf8').trimEnd().split('\n');
    const added = lines.slice(1).filter((l) => l.startsWith('2025,')).map((l, i) => row(['2026', ...l.split(',').slice(1)], i).join(','));
    writeFileSync(join(dir, `${table}.csv`), [...lines, ...added].join('\n') + '\n');
  };
  next('programmes', (c, i) => { c[3] = String(Math.max(0, Number(c[3]) + ((i % 3) - 1) * 10)); return c; });
  next('demand', (c) => c);
  return dir;
}

const csvRows = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');
const changed = (file: string) => csvRows(file).slice(1).map((l) => l.split(',')).filter(([, , , plan, proposed]) => plan !== proposed);

describe('the proposal archive', () => {
  const wh = scratch('wh-plans-');
  let first: RefreshResult;
  let again: RefreshResult;

  it('a refresh with data up to 2025 archives its plan for 2026, every change with its gaps', async () => {
    first = await run(dataFolder(), wh);
    expect(first.manifest.proposals).toBeNull(); // nothing archived for 2025
    const file = archiveFile(wh, 2026);
    const [header, ...lines] = csvRows(file);
    expect(header).toBe(readSchema('plan_proposals').fields.map((f) => f.name).join(','));
    const plan = await query(first, `SELECT p.school_code, p.major_code, p.plan, p.proposed, p.industry_code, p.year, g.gap_before
      FROM mart_plan AS p LEFT JOIN mart_plan_gap AS g ON g.industry_code = p.industry_code AND g.year = p.year ORDER BY 1, 2`);
    expect(plan.length).toBeGreaterThan(0);
    const cells = lines.map((l) => l.split(','));
    expect(cells.map((c) => c.slice(0, 7).join(','))).toEqual(plan.map((p) =>
      [2026, p.school_code, p.major_code, p.plan, p.proposed, p.industry_code ?? '', p.year].join(',')));
    cells.forEach((c, i) => expect(c[7] === '' ? null : Number(c[7])).toBe(plan[i].gap_before ?? null));
    // Proposed by this snapshot, during its run.
    for (const c of cells) {
      expect(c[9]).toBe(first.manifest.snapshot);
      expect(Date.parse(c[10])).toBeGreaterThanOrEqual(Date.parse(first.manifest.started_at));
      expect(Date.parse(c[10])).toBeLessThanOrEqual(Date.parse(first.manifest.finished_at));
    }
    expect(readdirSync(join(wh, PLANS_DIR))).toEqual(['plan-2026.csv']); // no pending file left
  });

  it('a later full refresh before 2026 arrives replaces it; a postings-only night keeps it', async () => {
    const data = dataFolder();
    const night = await run(data, wh);
    expect(night.manifest.mode).toBe('postings');
    expect(csvRows(archiveFile(wh, 2026))[1].split(',')[9]).toBe(first.manifest.snapshot);
    again = await run(data, wh, true);
    expect(again.manifest.mode).toBe('full');
    expect(csvRows(archiveFile(wh, 2026)).slice(1).every((l) => l.split(',')[9] === again.manifest.snapshot)).toBe(true);
  });

  it('a refresh that fails after its plan leaves the archive as it was', async () => {
    const archived = readFileSync(archiveFile(wh, 2026), 'utf8');
    process.env.CHANJIAO_FAIL_AT = 'publish';
    try {
      await expect(run(dataFolder(), wh, true)).rejects.toThrow(/simulated at publish/);
    } finally {
      delete process.env.CHANJIAO_FAIL_AT;
    }
    expect(readFileSync(archiveFile(wh, 2026), 'utf8')).toBe(archived);
    expect(readdirSync(join(wh, PLANS_DIR))).toEqual(['plan-2026.csv']);
  });

  it('a solve out of time before any plan or bound leaves the archive as it was', async () => {
    const archived = readFileSync(archiveFile(wh, 2026), 'utf8');
    const policy = JSON.parse(readFileSync(DEFAULTS.policyPath, 'utf8'));
    const policyPath = join(scratch('policy-'), 'policy.json');
    writeFileSync(policyPath, JSON.stringify({ ...policy, planner: { ...policy.planner, time_limit: 0 } }));
    const late = await refresh({ dataDir: dataFolder(), referenceDir: REFERENCE, warehouseDir: wh, keepSnapshots: 3, policyPath }, silentEffects);
    expect(await query(late, 'SELECT status, mip_gap, changes FROM mart_plan_status')).toEqual([{ status: 'time_limit', mip_gap: null, changes: 0 }]);
    expect(readFileSync(archiveFile(wh, 2026), 'utf8')).toBe(archived);
  });

  it('once the data reach 2026 the archive is loaded and tracked, and the next plan archived beside it', async () => {
    const archived = readFileSync(archiveFile(wh, 2026), 'utf8');
    const data = dataWith2026();
    const second = await run(data, wh);
    expect(second.manifest.proposals).toEqual({ source: 'archive', file: `${PLANS_DIR}/plan-2026.csv`, plan_year: 2026 });
    expect(second.manifest.inputs.find((i) => i.table === 'plan_proposals')).toMatchObject({ file: `${PLANS_DIR}/plan-2026.csv`, rejected: 0 });
    // The tracked year's archive stays as proposed; the refresh archives its own plan for 2027 beside it.
    expect(readFileSync(archiveFile(wh, 2026), 'utf8')).toBe(archived);
    expect(existsSync(archiveFile(wh, 2027))).toBe(true);

    const proposals = changed(archiveFile(wh, 2026));
    const [city] = await query(second, 'SELECT * FROM mart_plan_tracking_city');
    expect(city).toMatchObject({ plan_year: 2026, proposals: proposals.length, snapshot: again.manifest.snapshot });
    expect(Number(city.followed) + Number(city.partly) + Number(city.not_acted) + Number(city.opposite)).toBe(proposals.length);
    expect(city.seats_proposed).toBe(proposals.reduce((n, p) => n + Number(p[4]) - Number(p[3]), 0));
    // The actual 2026 plans of the proposed programmes, read from the data folder itself.
    const actual = new Map(csvRows(join(data, 'programmes.csv')).slice(1).map((l) => l.split(','))
      .filter((r) => r[0] === '2026' && r[8] === 'active').map((r) => [`${r[1]}|${r[2]}`, Number(r[3])]));
    expect(city.seats_changed).toBe(proposals.reduce((n, p) => n + (actual.get(`${p[1]}|${p[2]}`) ?? 0) - Number(p[3]), 0));
    const opened = proposals.filter((p) => p[3] === '0' && (actual.get(`${p[1]}|${p[2]}`) ?? 0) > 0).length;
    expect(city).toMatchObject({ new_proposed: proposals.filter((p) => p[3] === '0').length, new_opened: opened });
    const [{ n }] = await query(second, 'SELECT sum(proposals)::INTEGER AS n FROM mart_plan_tracking');
    expect(n).toBeLessThanOrEqual(proposals.length); // proposals of majors serving no industry count city-wide only
  });

  it("the data folder's plan_proposals wins over the archive, its bad rows rejected by line", async () => {
    const data = dataWith2026();
    const [header] = csvRows(archiveFile(wh, 2026));
    const kept = csvRows(archiveFile(wh, 2026)).slice(1).filter((l) => { const c = l.split(','); return c[3] !== c[4]; }).slice(0, 2);
    writeFileSync(join(data, 'plan_proposals.csv'), [header, kept[0], '2026,9599999999,660102,10,20,,,,,,', kept[1]].join('\n') + '\n');
    // One bad row of three is above the shipped reject share, which would stop the run.
    const policy = JSON.parse(readFileSync(DEFAULTS.policyPath, 'utf8'));
    const policyPath = join(scratch('policy-'), 'policy.json');
    writeFileSync(policyPath, JSON.stringify({ ...policy, load: { ...policy.load, reject_share_max: 0.5 } }));
    const adopted = await refresh({ dataDir: data, referenceDir: REFERENCE, warehouseDir: wh, keepSnapshots: 3, policyPath }, silentEffects);
    expect(adopted.manifest.proposals).toMatchObject({ source: 'data', file: expect.stringMatching(/plan_proposals\.csv$/), plan_year: null });
    expect(adopted.manifest.rejects).toEqual([expect.objectContaining({ table: 'plan_proposals', line: 3, column: 'school_code', value: '9599999999' })]);
    const [city] = await query(adopted, 'SELECT proposals FROM mart_plan_tracking_city');
    expect(city.proposals).toBe(2);
  });

  it("rejects by line the archive's rows it can no longer match, without stopping the refresh", async () => {
    const fresh = scratch('wh-plans-stale-');
    mkdirSync(join(fresh, PLANS_DIR));
    const [header, ...lines] = csvRows(archiveFile(wh, 2026));
    // Two of its rows name a school the data no longer list: far above the reject share a bureau's file may have.
    const stale = lines.map((l, i) => (i < 2 ? l.replace(/^2026,\d{10},/, '2026,9599999999,') : l));
    writeFileSync(archiveFile(fresh, 2026), [header, ...stale].join('\n') + '\n');
    const tracked = await run(dataWith2026(), fresh);
    expect(tracked.manifest.rejects.filter((r) => r.table === 'plan_proposals').map((r) => [r.line, r.column, r.value]))
      .toEqual([[2, 'school_code', '9599999999'], [3, 'school_code', '9599999999']]);
    const kept = stale.slice(2).map((l) => l.split(',')).filter(([, , , plan, proposed]) => plan !== proposed);
    expect((await query(tracked, 'SELECT proposals FROM mart_plan_tracking_city'))[0].proposals).toBe(kept.length);
  });

  it('a plan that changes nothing leaves nothing to track: the archive of its year is removed', async () => {
    const fresh = scratch('wh-plans-none-');
    mkdirSync(join(fresh, PLANS_DIR));
    writeFileSync(archiveFile(fresh, 2025), readFileSync(archiveFile(wh, 2026), 'utf8').replaceAll('\n2026,', '\n2025,'));
    // With a single year of data the fixture's outlook reaches no graduation year: the plan is empty.
    const none = await run(dataUpTo(2024), fresh);
    expect((await query(none, 'SELECT changes FROM mart_plan_status'))[0].changes).toBe(0);
    expect(existsSync(archiveFile(fresh, 2025))).toBe(false);
  });
});
