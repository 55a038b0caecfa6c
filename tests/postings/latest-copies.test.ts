/**
 * raw_postings keeps one copy of each posting: the latest posted_on, then the latest daily file.
 * Built straight from a store's Parquet files (made up for the test), whole and by appending days.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { appendRawPostings, buildRawPostings } from '../../pipeline/postings/raw-postings.ts';
import type { Ledger } from '../../pipeline/postings/ledger.ts';
import { cleanup, scratch } from './fixture.ts';

let conn: DuckDBConnection;
let store: string;
afterAll(cleanup);

/** Postings per daily file: [posting_id, posted_on, title]; the title tells the copies apart. */
const DAYS: Record<string, [string, string, string][]> = {
  '2025-03-01.csv': [['P1', '2025-03-01', 'P1 first'], ['P2', '2025-03-05', 'P2 posted latest'], ['P4', '2025-03-01', 'P4 first']],
  '2025-03-02.csv': [['P1', '2025-03-02', 'P1 second'], ['P2', '2025-03-02', 'P2 sent later, posted earlier'], ['P3', '2025-03-02', 'P3 once']],
  '2025-03-03.csv': [['P1', '2025-03-02', 'P1 third, same day as the second'], ['P4', '2025-03-01', 'P4 again, same day']],
};

const ledger = (names: string[]): Ledger => ({
  files: Object.fromEntries(names.map((name) => [name, {
    sha256: name, checks: 'test', parquet: `${name}.parquet`, rows: DAYS[name].length, rejected: 0, rejects: [], loaded_at: '2025-03-04T00:00:00Z',
  }])),
});

const titles = async () => Object.fromEntries((await conn.runAndReadAll('SELECT posting_id, title FROM raw_postings ORDER BY posting_id'))
  .getRows().map(([id, title]) => [String(id), String(title)]));

const EXPECTED = {
  P1: 'P1 third, same day as the second', P2: 'P2 posted latest', P3: 'P3 once', P4: 'P4 again, same day',
};

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  store = scratch('latest-copies-');
  for (const [name, rows] of Object.entries(DAYS)) {
    const values = rows.map(([id, on, title]) => `('${id}', DATE '${on}', '500101', '重庆某公司', '${title}', NULL, 1, 'higher')`).join(', ');
    await conn.run(`COPY (SELECT * FROM (VALUES ${values}) t(posting_id, posted_on, district_code, employer, title, industry_hint, headcount, education))
      TO '${join(store, `${name}.parquet`)}' (FORMAT parquet)`);
  }
});

describe('the latest copy of each posting', () => {
  it('wins by posted_on, then by the later daily file, over a whole build', async () => {
    expect(await buildRawPostings(conn, store, ledger(Object.keys(DAYS)))).toBe(4);
    expect(await titles()).toEqual(EXPECTED);
  });

  it('wins the same way when the days are appended one by one', async () => {
    const names = Object.keys(DAYS);
    await buildRawPostings(conn, store, ledger(names.slice(0, 1)));
    for (let i = 1; i < names.length; i++) await appendRawPostings(conn, store, ledger(names.slice(0, i + 1)), [names[i]]);
    expect(await titles()).toEqual(EXPECTED);
  });
});
