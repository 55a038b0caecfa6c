/**
 * Programmes of the 备案 listing without a figures row (raw figures NULL) get estimated figures,
 * flagged, and the overview counts them. 2024 reported active M3 points: S3 30/30/90 (plan/enrolled/
 * students; S2's is suspended), so a listed M3 point is estimated at 30/30/90; 2023 M1: S1 80 and S2 100
 * students, median 90.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, one, query } from './warehouse.ts';

const M3 = tiny.majors[2][0] as string;
const S1 = tiny.schools[0][0] as string;
const S3 = tiny.schools[2][0] as string;
const M1 = tiny.majors[0][0] as string;

let conn: DuckDBConnection;
let base: DuckDBConnection;
beforeAll(async () => {
  base = await buildWarehouse(tiny, tinyPolicy);
  conn = await buildWarehouse({ ...tiny, programmes: [...tiny.programmes,
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
    expect(after.estimated_graduates).toBeCloseTo((before.estimated_graduates as number) + 30, 9); // 90 ÷ 学制 3
  });
});
