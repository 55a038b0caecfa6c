/**
 * stg_crosswalk resolves each major to its own crosswalk rows, else to its 专业类's defaults, and the
 * sample generator's resolveCrosswalk gives the same rows.
 */
import { describe, expect, it } from 'vitest';
import { resolveCrosswalk, type CrosswalkDefaultRow, type CrosswalkRow, type Major } from '../../pipeline/sample/reference.ts';
import { M1, M5, tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, query } from './warehouse.ts';

// 会计事务 (7303) gets a default; 计算机类 (7102) too, but 计算机应用 (M1) keeps its own rows.
const fixture = {
  ...tiny,
  crosswalk_defaults: [
    ...tiny.crosswalk_defaults.filter(([category]) => category !== '7303' && category !== '7102'),
    ['7303', 'tour', 'hotel', 0.25],
    ['7102', 'mfg', 'testing', 0.4],
  ],
};
const key = (r: { major_code: string; industry_code: string; segment_code: string; weight: number }) =>
  `${r.major_code} ${r.industry_code}.${r.segment_code} ${r.weight}`;

describe('stg_crosswalk', () => {
  it('takes a major’s own rows where it has any and its 专业类 default otherwise', async () => {
    const conn = await buildWarehouse(fixture, tinyPolicy);
    const rows = (await query(conn, 'SELECT * FROM stg_crosswalk')) as unknown as CrosswalkRow[];
    expect(rows.filter((r) => r.major_code === M5).map(key)).toEqual([`${M5} tour.hotel 0.25`]);
    expect(rows.filter((r) => r.major_code === M1).map(key).sort()).toEqual(
      tiny.crosswalk.filter(([code]) => code === M1).map(([m, i, s, w]) => `${m} ${i}.${s} ${w}`).sort(),
    );
    const majors = fixture.majors.map(([major_code, , , , , category_code]) => ({ major_code, category_code }) as Major);
    const own = fixture.crosswalk.map(([major_code, industry_code, segment_code, weight]) => ({ major_code, industry_code, segment_code, weight }) as CrosswalkRow);
    const defaults = fixture.crosswalk_defaults.map(
      ([category_code, industry_code, segment_code, weight]) => ({ category_code, industry_code, segment_code, weight }) as CrosswalkDefaultRow,
    );
    expect(resolveCrosswalk(majors, own, defaults).map(key).sort()).toEqual(rows.map(key).sort());
  });
});
