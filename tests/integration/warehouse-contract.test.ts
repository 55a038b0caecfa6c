/** The output contract the dashboard, reports and outside checks rely on (issue: warehouse outputs). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { tableFromIPC } from 'apache-arrow';
import { rows, sampleConnection, sampleManifest, sampleWarehouseDir } from '../support/warehouse.ts';

const current = () => join(sampleWarehouseDir(), 'current');

describe('warehouse outputs', () => {
  it('manifest lists every input with its sha256, rows and rejects', () => {
    const m = sampleManifest();
    expect(m.status).toBe('ok');
    expect(Date.parse(m.finished_at)).toBeGreaterThanOrEqual(Date.parse(m.started_at));
    expect(m.inputs.map((i) => i.table)).toEqual(expect.arrayContaining(
      ['districts', 'majors', 'industries', 'industry_segments', 'crosswalk', 'schools', 'programmes', 'demand']));
    for (const input of m.inputs.filter((i) => !i.file.includes('postings'))) {
      expect(input.file).toMatch(/^data\//);
      const bytes = readFileSync(resolve(input.file));
      expect(input.sha256, input.file).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(Object.keys(m.summary!).sort()).toEqual(['digital_share', 'estimated_graduates', 'estimated_students', 'graduates', 'match_rate', 'programme_points', 'schools', 'students', 'year']);
  });

  it('holds the dimension tables with the input columns and mart_industry with its contract columns', async () => {
    const conn = await sampleConnection();
    const columns = async (t: string) => (await rows<{ column_name: string }>(conn,
      `SELECT column_name FROM information_schema.columns WHERE table_name = '${t}'`)).map((r) => r.column_name);
    expect(await columns('dim_district')).toEqual(expect.arrayContaining(['district_code', 'district_name', 'area_group']));
    expect(await columns('dim_school')).toEqual(expect.arrayContaining(['school_code', 'school_name', 'level', 'district_code', 'ownership']));
    expect(await columns('dim_major')).toEqual(expect.arrayContaining(['major_code', 'major_name', 'level', 'category_code']));
    expect(await columns('dim_industry')).toEqual(expect.arrayContaining(['industry_code', 'name_zh', 'name_en', 'tier', 'key']));
    expect(await columns('mart_industry')).toEqual(expect.arrayContaining(['year', 'industry_code', 'name_zh', 'key', 'schools',
      'programme_points', 'supply', 'demand', 'gap', 'fill_ratio', 'openings', 'seekers', 'demand_ratio', 'signal']));
    const [{ n }] = await rows<{ n: number }>(conn,
      `SELECT count(*)::INTEGER AS n FROM (SELECT year, industry_code FROM mart_industry GROUP BY ALL HAVING count(*) > 1)`);
    expect(n).toBe(0);
  });

  it('writes every mart as an Arrow file with Int32 counts and plain Utf8 strings, matching the table', async () => {
    const m = sampleManifest();
    const conn = await sampleConnection();
    expect(m.marts.length).toBeGreaterThanOrEqual(10);
    for (const mart of m.marts) {
      const path = join(current(), 'marts', `${mart.name}.arrow`);
      expect(existsSync(path), mart.name).toBe(true);
      const table = tableFromIPC(readFileSync(path));
      const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM ${mart.name}`);
      expect(table.numRows, mart.name).toBe(n);
      for (const field of table.schema.fields) {
        expect(String(field.type), `${mart.name}.${field.name}`).toMatch(/^(Int32|Float64|Bool|Utf8|Date32<DAY>)$/);
      }
    }
    const industry = tableFromIPC(readFileSync(join(current(), 'marts/mart_industry.arrow')));
    expect(typeof industry.get(0)!.toJSON().schools).toBe('number');
  });
});
