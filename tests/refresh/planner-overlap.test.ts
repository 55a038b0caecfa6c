/**
 * The planner goes on solving after the models while the model tests and the export run: what
 * reads the planner's marts waits for them (`later`), everything else does not. Each case creates
 * the later tables only just before it lets the waiting part go on, so a test or an export that
 * read them early would fail for want of them.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runModelTests } from '../../pipeline/transform/run-models.ts';
import { exportMarts } from '../../pipeline/export/export-marts.ts';
import { PLAN_TABLES, writePlan } from '../../pipeline/planner/write-plan.ts';
import { loadReportData } from '../../pipeline/reports/load-report-data.ts';
import { generateReports, renderReport } from '../../pipeline/reports/generate-reports.ts';
import { buildSchoolReport } from '../../pipeline/reports/school-report.ts';
import { setPolicyVariables } from '../../pipeline/config/policy.ts';
import { buildWarehouse, one } from '../models/warehouse.ts';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'later-')));
  return made[made.length - 1];
};

/** A promise settled from outside, and whether it has been. */
function gate() {
  let open!: () => void;
  const ready = new Promise<void>((resolve) => { open = resolve; });
  return { ready, open };
}

describe('work beside the planner', () => {
  it('runs the model tests that do not read the later tables at once, the others once they are written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'a_now.sql'), 'select * from mart_now where n < 0\n');
    writeFileSync(join(dir, 'tests', 'b_later.sql'), 'select * from mart_later where n < 0\n');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run('CREATE TABLE mart_now AS SELECT 1 AS n');
    const { ready, open } = gate();
    const ran = runModelTests(conn, { dir, later: { tables: new Set(['mart_later']), ready } });
    // Nothing but the gate holds the run back once the first test has run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await conn.run('CREATE TABLE mart_later AS SELECT 1 AS n');
    open();
    expect(await ran).toEqual([
      { name: 'a_now', failing_rows: 0, passed: true },
      { name: 'b_later', failing_rows: 0, passed: true },
    ]);
  });

  it('exports every other mart and the split files before the planner has finished, its marts after', async () => {
    const conn = await buildWarehouse(tiny, tinyPolicy);
    for (const table of PLAN_TABLES) await conn.run(`DROP TABLE ${table}`);
    const dir = tempDir();
    const { ready, open } = gate();
    const exported = exportMarts(conn, dir, () => {}, undefined, { tables: new Set(PLAN_TABLES), ready });
    await vi.waitFor(() => expect(existsSync(join(dir, 'split.json'))).toBe(true), { timeout: 20_000 });
    expect(existsSync(join(dir, 'mart_industry.arrow'))).toBe(true);
    expect(existsSync(join(dir, 'mart_plan.arrow'))).toBe(false);
    await writePlan(conn, tinyPolicy);
    open();
    const marts = (await exported).map((m) => m.name);
    expect(marts).toEqual(expect.arrayContaining([...PLAN_TABLES]));
    expect(marts).toEqual([...marts].sort());
    for (const table of PLAN_TABLES) expect(existsSync(join(dir, `${table}.arrow`))).toBe(true);
  });

  it('reads the report data meanwhile and the plan once it is written', async () => {
    const conn = await buildWarehouse(tiny, tinyPolicy);
    await setPolicyVariables(conn, tinyPolicy);
    for (const table of PLAN_TABLES) await conn.run(`DROP TABLE ${table}`);
    const { ready, open } = gate();
    const loading = loadReportData(conn, ready);
    // Everything else is read in well under a second here: the loading waits for the plan alone.
    const first = await Promise.race([loading.then(() => 'read'), new Promise((resolve) => setTimeout(resolve, 1000, 'waiting'))]);
    expect(first).toBe('waiting');
    await writePlan(conn, tinyPolicy);
    open();
    const data = await loading;
    const { n } = await one(conn, 'SELECT count(*)::INTEGER AS n FROM mart_plan');
    expect(n).toBeGreaterThan(0);
    expect(data.planStatus).not.toBeNull();
    expect([...data.school.plan.values()].flat()).toHaveLength(n as number);
  });

  it('writes the industry reports before the planner has finished, the school reports with their plan after', async () => {
    const conn = await buildWarehouse(tiny, tinyPolicy);
    await setPolicyVariables(conn, tinyPolicy);
    for (const table of PLAN_TABLES) await conn.run(`DROP TABLE ${table}`);
    const dir = tempDir();
    const { ready, open } = gate();
    const context = { snapshot: 't', finished_at: '2026-01-01T00:00:00Z', data_label: 'tiny', synthetic: true, title: 'tiny' };
    const generated = generateReports(conn, dir, context, {}, { workers: 0, planned: ready });
    await vi.waitFor(() => expect(readdirSync(join(dir, 'industries')).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0),
      { timeout: 20_000 });
    expect(readdirSync(join(dir, 'schools'))).toEqual([]);
    await writePlan(conn, tinyPolicy);
    open();
    const index = await generated;
    const planned = await one(conn, 'SELECT min(school_code) AS code FROM mart_plan WHERE change <> 0');
    expect(planned.code).not.toBeNull();
    expect(index.schools.map((s) => s.code)).toContain(planned.code);
    // The school's report prints its plan: the file is the one written from the data with the plan.
    const data = await loadReportData(conn);
    const report = buildSchoolReport(data, data.schoolsByCode.get(String(planned.code))!);
    expect(report.csv.rows.some((r) => r.plan_change !== null)).toBe(true);
    expect(readFileSync(join(dir, 'schools', `${planned.code}.csv`), 'utf8')).toBe(await renderReport(report, 'csv', context));
  });
});
