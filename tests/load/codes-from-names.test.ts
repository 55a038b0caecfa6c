/** Names written where codes belong: a district by its name, alone or after its province's, as job boards write a workplace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { codesFromNames } from '../../pipeline/load/codes-from-names.ts';
import { readSchema } from '../../pipeline/config/schema.ts';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  // two cities' 朝阳区, and a district whose name is its own
  await conn.run(`CREATE TABLE raw_districts AS SELECT * FROM (VALUES ('110105', '朝阳区'), ('220104', '朝阳区'), ('500103', '渝中区')) t(district_code, district_name)`);
});
afterAll(() => { conn.closeSync(); instance.closeSync(); });

async function read(values: string[]) {
  await conn.run('CREATE OR REPLACE TEMP TABLE rows AS SELECT * FROM (VALUES ' + values.map((v, i) => `(${i}, 'f.csv', '${v}')`).join(', ')
    + ') t(row_id, source_file, district_code)');
  const found = await codesFromNames(conn, readSchema('postings'), 'rows');
  const rows = (await conn.runAndReadAll('SELECT district_code FROM rows ORDER BY row_id')).getRows().map(([v]) => v);
  return { rows, found };
}

describe('a district written by its name', () => {
  it('is read after its own province only, which tells two cities\' 朝阳区 apart', async () => {
    const { rows, found } = await read(['北京-朝阳区', '吉林省朝阳区', '朝阳区', '四川-朝阳区', '重庆市 渝中区', '重庆·渝中区', '渝中区', '重庆', '500103']);
    expect(rows).toEqual(['110105', '220104', '朝阳区', '四川-朝阳区', '500103', '500103', '500103', '重庆', '500103']);
    expect(found).toEqual([{ file: 'f.csv', field: 'district_code', count: 5, example: '"北京-朝阳区" → "110105"' }]);
  });
});
