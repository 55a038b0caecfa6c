/**
 * Concentration and overlap on the tiny fixture, 2024. Policy: top_n 2, duplicated above 2 schools,
 * overlap cap 0.5.
 *
 * Points per major: M1 4 (S1, S2, S3, S5), M4 2 (S1, S5), M2 1 (S4), M3 1 (S3), M5 1 (S1); P = 9.
 * Majors per school and district: D1 S1 {M1, M4, M5}, S2 {M1}; D2 S3 {M1, M3}, S5 {M1, M4}; D3 S4 {M2}.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { M1, M2, M3, M4, M5, S1, S2, S3, S4, S5, tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, one, query } from './warehouse.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await buildWarehouse(tiny, tinyPolicy);
});

describe('concentration', () => {
  it('ranks majors by points, then students, and gives their shares', async () => {
    const rows = await query(conn, `SELECT major_code, programme_points, share, rank, duplicated FROM mart_major
                                    WHERE year = 2024 ORDER BY rank`);
    // Ties at 1 point are broken by students: M2 300, M3 90, M5 30. Only M1 has more than 2 schools.
    expect(rows).toEqual([
      { major_code: M1, programme_points: 4, share: 4 / 9, rank: 1, duplicated: true },
      { major_code: M4, programme_points: 2, share: 2 / 9, rank: 2, duplicated: false },
      { major_code: M2, programme_points: 1, share: 1 / 9, rank: 3, duplicated: false },
      { major_code: M3, programme_points: 1, share: 1 / 9, rank: 4, duplicated: false },
      { major_code: M5, programme_points: 1, share: 1 / 9, rank: 5, duplicated: false },
    ]);
  });

  it('gives the top-N share, HHI and duplicated majors per year', async () => {
    const c = await one(conn, 'SELECT * FROM mart_concentration WHERE year = 2024');
    // top 2: (4 + 2) ÷ 9; HHI = (100/9)² × (4² + 2² + 1 + 1 + 1) = 10000 × 23 ÷ 81 = 2839.5.
    expect(c).toMatchObject({ programme_points: 9, majors: 5, duplicated_majors: 1 });
    expect(c.top_n_share).toBeCloseTo(6 / 9, 12);
    expect(c.hhi).toBeCloseTo(230000 / 81, 9);
    // 2023: M1, M3, M4 2 points each, M2 1, of 7; the tie is broken by students: M1 180, M3 150, M4 90.
    const y2023 = await one(conn, 'SELECT top_n_share, hhi FROM mart_concentration WHERE year = 2023');
    expect(y2023.top_n_share).toBeCloseTo(4 / 7, 12);
    expect(y2023.hhi).toBeCloseTo((10000 * (4 + 4 + 4 + 1)) / 49, 9);
  });
});

describe('overlap within a district', () => {
  it('shares a school’s majors also offered by another school of its district', async () => {
    const rows = await query(conn, `SELECT school_code, majors, overlapping_majors, overlap_share, over_cap
                                    FROM mart_school_overlap WHERE year = 2024 ORDER BY school_code`);
    expect(rows).toEqual([
      // S1: M1 also at S2 → 1 of 3; M4 is also at S5, but S5 is in another district.
      { school_code: S1, majors: 3, overlapping_majors: 1, overlap_share: 1 / 3, over_cap: false },
      // S2: its only active major M1 is at S1 → 1.0 > 0.5, secondary → over the cap.
      { school_code: S2, majors: 1, overlapping_majors: 1, overlap_share: 1, over_cap: true },
      // S3 and S5 share M1 → 0.5 each, not above the cap.
      { school_code: S3, majors: 2, overlapping_majors: 1, overlap_share: 0.5, over_cap: false },
      { school_code: S5, majors: 2, overlapping_majors: 1, overlap_share: 0.5, over_cap: false },
      { school_code: S4, majors: 1, overlapping_majors: 0, overlap_share: 0, over_cap: false },
    ]);
  });

  it('applies the cap to secondary schools only', async () => {
    // A second higher school in D3 offering M2 makes S4's share 1.0, yet it is not held to the cap.
    const twin = { ...tiny, schools: [...tiny.schools, ['5001120002', '渝北第二学院', 'higher', '500112', 'public']],
      programmes: [...tiny.programmes, [2024, '5001120002', M2, 50, 50, 150, 50, null, 'active']] };
    const c = await buildWarehouse(twin, tinyPolicy);
    expect(await one(c, `SELECT overlap_share, over_cap FROM mart_school_overlap WHERE year = 2024 AND school_code = '${S4}'`))
      .toEqual({ overlap_share: 1, over_cap: false });
  });

  it('summarises each school in the latest year', async () => {
    expect(await one(conn, `SELECT * FROM mart_school WHERE school_code = '${S3}'`)).toMatchObject({
      year: 2024,
      district_name: '沙坪坝区',
      programme_points: 2,
      students: 150, // 60 + 90
      graduates: 50, // 20 (estimated) + 30
      matched_points: 2,
      overlap_share: 0.5,
    });
  });
});
