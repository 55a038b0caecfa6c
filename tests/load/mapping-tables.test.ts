/**
 * What mapping.json may name: every table the loader reads from a file, as the JSON schema
 * (schemas/mapping.schema.json) lists them, and nothing it would not apply.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { readMapping } from '../../pipeline/load/mapping.ts';
import { loadClassificationTables } from '../../pipeline/postings/classification-tables.ts';
import { loadTable } from '../../pipeline/load/load-table.ts';
import { CLASSIFICATION_TABLES, INPUT_NAMES, SCHEMAS_DIR } from '../../pipeline/config/schema.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { inputsWith, load, query, removeInputs } from './helpers.ts';

afterAll(removeInputs);

/** The tables the JSON schema's pattern names. */
const schemaTables = () => {
  const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'mapping.schema.json'), 'utf8')) as { patternProperties: Record<string, unknown> };
  return Object.keys(schema.patternProperties)[0].replace(/^\^\(|\)\$$/g, '').split('|').sort();
};

describe('mapping.json tables', () => {
  it('the JSON schema lists exactly the tables the loader reads as mapped', async () => {
    const expected = [...INPUT_NAMES, ...CLASSIFICATION_TABLES, 'legacy_majors', 'major_successors', 'former_districts', 'plan_proposals'].sort();
    expect(schemaTables()).toEqual(expected);
    for (const table of expected) expect(readMapping(await inputsWith({ 'mapping.json': JSON.stringify({ [table]: {} }) })).tables[table]).toBeDefined();
  });

  it('refuses an entry for the daily postings files, which nothing would apply', async () => {
    const dir = await inputsWith({ 'mapping.json': JSON.stringify({ postings: { columns: { 岗位名称: 'title' } } }) });
    expect(() => readMapping(dir)).toThrow(/mapping.json: 映射文件有误 — postings: the daily postings files \(postings\/YYYY-MM-DD.csv\) are not mapped/);
  });

  it('loads a classification table from the file, sheet headings and words mapping.json gives', async () => {
    const rows = readFileSync(join(DEFAULTS.referenceDir, 'posting_noise.csv'), 'utf8').trim().split('\n').slice(1);
    const dir = await inputsWith({
      '标题噪声词.csv': ['噪声词,类别,理由', ...rows].join('\n'),
      'mapping.json': JSON.stringify({ posting_noise: { file: '标题噪声词.csv', columns: { 噪声词: 'word' } } }),
    });
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const options = { tmpDir: dir, rejectShareMax: 0, warn: () => {} };
    // The rules, loaded beside, look up the industries and their segments.
    for (const table of ['industries', 'industry_segments'] as const) await loadTable(conn, { table, file: join(DEFAULTS.referenceDir, `${table}.csv`) }, options);
    const loads = await loadClassificationTables(conn, { dataDir: dir, referenceDir: DEFAULTS.referenceDir }, options);
    const noise = loads.find((l) => l.input.table === 'posting_noise')!;
    expect(noise.input.file).toBe(join(dir, '标题噪声词.csv'));
    expect(noise.rejects).toEqual([]);
    expect((await query(conn, 'SELECT count(*)::INTEGER AS n FROM raw_posting_noise'))[0].n).toBe(rows.length);
  });

  it('refuses a value mapped to a word its field cannot take, naming the place, before any row is read', async () => {
    const dir = await inputsWith({ 'mapping.json': JSON.stringify({ programmes: { values: { status: { 停办中: 'closedd' } } } }) });
    expect(() => readMapping(dir)).toThrow('mapping.json: 映射文件有误 — programmes.values.status."停办中": "closedd" is not one of active, suspended, closed');
  });

  it('says which headings mapping.json names that the file does not have', async () => {
    const dir = await inputsWith({ 'mapping.json': JSON.stringify({ programmes: { columns: { '实招人数（秋季）': 'enrolled' } } }) });
    const { report } = await load(dir);
    expect(report.warnings).toContain(`${join(dir, 'programmes.csv')}: 映射列未找到 — mapping.json "columns" names "实招人数（秋季）", `
      + 'which no column of the file is headed (the header on line 1)');
  });
});
