/**
 * Programmes of the 备案 listing without a figures row (raw figures NULL) get estimated figures,
 * flagged, and the overview counts them. 2024 reported active M3 points: S3 30/30/90 (plan/enrolled/
 * students; S2's is suspended), so a listed M3 point is estimated at 30/30/90; 2023 M1: S1 80 and S2 100
 * students, median 90.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRADUATES_METHOD, LISTING_METHOD, readFigureSources } from '../../pipeline/refresh/figures.ts';
import { estimatesNote } from '../../pipeline/reports/estimates-note.ts';
import { renderHtml } from '../../pipeline/reports/render-html.ts';
import { workbookSheets } from '../../pipeline/reports/render-xlsx.ts';
import type { Report } from '../../pipeline/reports/report-model.ts';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, one, query } from './warehouse.ts';

const M3 = tiny.majors[2][0] as string;
const S1 = tiny.schools[0][0] as string;
const S3 = tiny.schools[2][0] as string;
const M1 = tiny.majors[0][0] as string;

// The tiny city's 2023 S3·M1 (suspended) comes from the listing here, without figures.
const programmes = tiny.programmes.filter((p) => !(p[0] === 2023 && p[1] === S3 && p[2] === M1));

let conn: DuckDBConnection;
let base: DuckDBConnection;
beforeAll(async () => {
  base = await buildWarehouse(tiny, tinyPolicy);
  conn = await buildWarehouse({ ...tiny, programmes: [...programmes,
    [2024, S1, M3, null, null, null, null, null, 'active'],
    [2023, S3, M1, null, null, null, null, null, 'suspended']] }, tinyPolicy);
});

describe('figures of listed programmes without a figures row', () => {
  it('are the medians of the year\'s reported active points of the major, flagged; a suspended point takes no intake', async () => {
    expect(await query(conn, `SELECT year, school_code, plan, enrolled, students, graduates_reported, figures_estimated
      FROM stg_programmes WHERE figures_estimated ORDER BY year`)).toEqual([
      { year: 2023, school_code: S3, plan: 0, enrolled: 0, students: 90, graduates_reported: null, figures_estimated: true },
      { year: 2024, school_code: S1, plan: 30, enrolled: 30, students: 90, graduates_reported: null, figures_estimated: true },
    ]);
    expect(await query(conn, `SELECT count(*)::INTEGER AS n FROM stg_programmes WHERE figures_estimated AND year = 2024 AND school_code <> '${S1}'`))
      .toEqual([{ n: 0 }]);
  });

  it('count in the overview as estimated points and students, their graduates as estimated graduates', async () => {
    const sums = `SELECT sum(programme_points)::INTEGER AS points, sum(estimated_points)::INTEGER AS estimated_points,
      sum(students)::INTEGER AS students, sum(estimated_students)::INTEGER AS estimated_students,
      sum(estimated_graduates)::DOUBLE AS estimated_graduates FROM mart_overview WHERE year = 2024`;
    const before = await one(base, sums);
    const after = await one(conn, sums);
    expect(after.points).toBe((before.points as number) + 1);
    expect(after.estimated_points).toBe(1);
    expect(before.estimated_points).toBe(0);
    expect(after.students).toBe((before.students as number) + 90);
    expect(after.estimated_students).toBe(90);
    // S1 first offers M3 in 2024, after the data's first year: its first intake graduates in 2027, so
    // none are estimated in 2024 (not 90 ÷ 学制 3 = 30), and the 0 is flagged as an estimate.
    expect(after.estimated_graduates).toBeCloseTo(before.estimated_graduates as number, 9);
    expect(await query(conn, `SELECT graduates, graduates_estimated FROM int_programme_points WHERE year = 2024 AND school_code = '${S1}' AND major_code = '${M3}'`))
      .toEqual([{ graduates: 0, graduates_estimated: true }]);
  });
});

describe('the funding of listed programmes without figures', () => {
  it('gives the students and budget impact resting on the estimate apart', async () => {
    const [m3] = await query(conn, `SELECT students, estimated_students, budget_impact, budget_impact_estimated, coefficient
      FROM mart_funding WHERE major_code = '${M3}'`);
    const [before] = await query(base, `SELECT students, estimated_students FROM mart_funding WHERE major_code = '${M3}'`);
    expect(before.estimated_students).toBe(0);
    expect(m3.students).toBe((before.students as number) + 90);
    expect(m3.estimated_students).toBe(90);
    const perStudent = tinyPolicy.funding.per_student_base;
    expect(m3.budget_impact_estimated).toBeCloseTo(90 * perStudent * ((m3.coefficient as number) - 1), 6);
  });
});

describe('the future supply of listed programmes without figures', () => {
  it('flags the cohorts whose intake is an estimate, and gives the future supply resting on them apart', async () => {
    const flows = await query(conn, `SELECT count(*)::INTEGER AS n, bool_and(cohort_estimated) AS all_estimated FROM int_cohort_flow
      WHERE school_code = '${S1}' AND major_code = '${M3}'`);
    expect(flows).toEqual([{ n: expect.any(Number), all_estimated: true }]);
    expect(flows[0].n).toBeGreaterThan(0);
    const estimated = `SELECT coalesce(sum(supply_estimated), 0)::DOUBLE AS s FROM mart_future_gap`;
    expect((await one(base, estimated)).s).toBe(0);
    expect((await one(conn, estimated)).s).toBeGreaterThan(0);
  });
});

describe('labels of the estimates', () => {
  const rows = programmes.length + 2;
  const unreported = programmes.filter((p) => p[6] === null).length + 2;
  const noRate = programmes.filter((p) => p[7] === null).length + 2;

  it('the manifest records which figures are estimated or missing, on how many rows, by what method', async () => {
    expect(await readFigureSources(conn)).toEqual({
      rows,
      estimated: [
        { figures: ['plan', 'enrolled', 'students'], rows: 2, method: LISTING_METHOD },
        { figures: ['graduates'], rows: unreported, method: GRADUATES_METHOD },
      ],
      missing: [{ figure: 'employment_rate', rows: noRate }],
    });
    // Without listing rows, only the graduates estimate is recorded, and reports carry no note.
    const reported = await readFigureSources(base);
    expect(reported.estimated.map((e) => e.figures)).toEqual([['graduates']]);
    expect(estimatesNote(reported)).toBeUndefined();
  });

  it('every report says so, in the HTML page and the workbook', async () => {
    const note = estimatesNote(await readFigureSources(conn))!;
    expect(note).toMatch(new RegExp(`^2 / ${rows} 条专业点记录仅有备案信息`));
    const report: Report = { kind: 'school', code: 'x', year: 2025, title: 't', subtitle: 's', summary: [], charts: [], notes: [], tables: [],
      csv: { sheet: 's', title: 't', columns: [], rows: [], empty: '' } };
    const context = { snapshot: 's', finished_at: '2025-01-01T00:00:00Z', data_label: 'd', synthetic: false, title: 'T', estimates: note };
    expect(renderHtml(report, context)).toContain(`<div class="banner" role="note" data-note="estimates">${note}</div>`);
    expect(JSON.stringify(workbookSheets(report, context)[0])).toContain(JSON.stringify(note));
  });
});
