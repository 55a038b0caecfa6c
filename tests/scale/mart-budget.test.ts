/**
 * The browser never downloads row-level national data: on a national-shaped fixture (three real
 * provinces, the largest by people and by counties and the smallest, at national density but two
 * years) every file the dashboard fetches, projected to seven years and 31 provinces, stays under
 * its budget. Also checks that the split files and roll-ups add up to the marts they come from.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { WAREHOUSE_FILE } from '../../pipeline/refresh/snapshot.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScaled } from '../../pipeline/sample/scale/generate-scaled.ts';
import { NATIONAL, type ScaleSize } from '../../pipeline/sample/scale/scale-sizes.ts';
import { PROVINCES } from '../../pipeline/config/provinces.ts';
import { BROWSER_BUDGET_BYTES, type SplitKind } from '../../pipeline/sample/scale/browser-budget.ts';
import type { SplitExport } from '../../pipeline/export/split-marts.ts';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { LEVELS } from '../../pipeline/sample/reference.ts';

const PROVINCES_USED = ['44', '51', '64'];
const share = PROVINCES.filter((p) => PROVINCES_USED.includes(p.code)).reduce((n, p) => n + p.population, 0) /
  PROVINCES.reduce((n, p) => n + p.population, 0);
const years = { first: 2024, last: 2025 };
const FIXTURE: ScaleSize = {
  ...NATIONAL,
  name: 'national-shaped',
  provinces: PROVINCES_USED,
  years,
  schools: Object.fromEntries(LEVELS.map((l) => [l, Math.round(NATIONAL.schools[l] * share)])) as ScaleSize['schools'],
  activePoints: Math.round(NATIONAL.activePoints * share),
  postings: 30_000,
};
/**
 * Rows of every split file grow with the years, but for the school report (latest year only) and
 * the posting marts, which grow with the months (the fixture keeps one week of postings, all in
 * January); province roll-ups also with the number of provinces.
 */
const yearsFactor = (NATIONAL.years.last - NATIONAL.years.first + 1) / (years.last - years.first + 1);
const timeFactor = (name: string) => (name.includes('posting') ? 12 : name.endsWith('mart_school_report') ? 1 : yearsFactor);
const provincesFactor = NATIONAL.provinces.length / PROVINCES_USED.length;

const made: string[] = [];
let marts: string;
let split: SplitExport[];
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budget-data-'));
  const warehouseDir = mkdtempSync(join(tmpdir(), 'budget-wh-'));
  made.push(dataDir, warehouseDir);
  generateScaled({ seed: 11, outDir: dataDir, referenceDir: DEFAULTS.referenceDir, size: FIXTURE }, { log() {} });
  // A week of postings shows the posting marts' shape; each daily file costs a conversion.
  for (const day of readdirSync(join(dataDir, 'postings')).slice(7)) rmSync(join(dataDir, 'postings', day));
  const { snapshotDir } = await refresh({ dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir });
  marts = join(snapshotDir, 'marts');
  split = JSON.parse(readFileSync(join(marts, 'split.json'), 'utf8'));
}, 180_000);
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const rowsIn = (path: string) => tableFromIPC(readFileSync(path)).numRows;
/** One number from the fixture's warehouse. */
async function count(sql: string): Promise<number> {
  const instance = await DuckDBInstance.create(join(marts, '..', WAREHOUSE_FILE), { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return Number((await conn.runAndReadAll(sql)).getRowsJS()[0][0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('browser files at national size', () => {
  it('cuts the school-grain marts per school, every row once', async () => {
    // Every school has active points (pointsPerSchool's floor is at least 3), so every school gets a file of each.
    const schools = Object.values(FIXTURE.schools).reduce((a, b) => a + b, 0);
    for (const table of ['mart_school_programme', 'mart_school_report']) {
      const entry = split.find((s) => s.name === `schools/${table}`);
      expect(entry?.files, table).toBe(schools);
      expect(entry?.rows, table).toBe(await count(`SELECT count(*) FROM ${table}`));
    }
    expect(rowsIn(join(marts, 'schools', readdirSync(join(marts, 'schools')).find((f) => f.endsWith('.arrow'))!))).toBeGreaterThan(0);
  });

  it('rolls county marts up to provinces without losing a count', async () => {
    const province = tableFromIPC(readFileSync(join(marts, 'provinces', 'mart_overview.arrow')));
    const points = province.toArray().filter((r) => r.district_code === '510000').reduce((n, r) => n + r.programme_points, 0);
    expect(points).toBe(await count(`SELECT sum(programme_points) FROM mart_overview WHERE left(district_code, 2) = '51'`));
    expect(points).toBeGreaterThan(0);
    expect(split.find((s) => s.name === 'provinces/mart_overview')?.source_rows).toBe(await count('SELECT count(*) FROM mart_overview'));
  });

  it('keeps every file under its budget when projected to seven years and 31 provinces', () => {
    const projected = split.map((s) => {
      const kind = s.name.split('/')[0] as SplitKind; // schools/mart_school_programme → schools
      const factor = s.name.endsWith('dim_province') ? provincesFactor : timeFactor(s.name) * (kind === 'provinces' ? provincesFactor : 1);
      return { name: s.name, kind, bytes: s.max_file_bytes * factor };
    });
    for (const file of projected) expect(file.bytes, file.name).toBeLessThan(BROWSER_BUDGET_BYTES[file.kind]);
  });
});
