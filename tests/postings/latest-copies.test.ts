/**
 * raw_postings keeps one copy of each posting: the latest posted_on, then the latest daily file.
 * Built straight from a store's Parquet files (made up for the test), whole and by appending days,
 * from a file per day or from one file the days share, of which a day corrected since is not read.
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

/** The second day as corrected after the three were stored in one file. */
const CORRECTED: [string, string, string][] = [['P1', '2025-03-02', 'P1 second'], ['P3', '2025-03-02', 'P3 corrected']];

/** The days' ledger: each in a file of its own, or as `shared` says (file → the days it holds). */
const ledger = (names: string[], shared?: Record<string, string[]>): Ledger => ({
  files: Object.fromEntries(names.map((name) => {
    const [parquet, days] = Object.entries(shared ?? {}).find(([, held]) => held.includes(name)) ?? [`${name}.parquet`, [name]];
    return [name, {
      sha256: name, checks: 'test', parquet, parquet_days: days.length, rows: DAYS[name].length, rejected: 0, rejects: [], loaded_at: '2025-03-04T00:00:00Z',
    }];
  })),
});

const titles = async () => Object.fromEntries((await conn.runAndReadAll('SELECT posting_id, title FROM raw_postings ORDER BY posting_id'))
  .getRows().map(([id, title]) => [String(id), String(title)]));

const EXPECTED = {
  P1: 'P1 third, same day as the second', P2: 'P2 posted latest', P3: 'P3 once', P4: 'P4 again, same day',
};

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  store = scratch('latest-copies-');
  const write = (file: string, days: [string, [string, string, string][]][]) => {
    const values = days.flatMap(([name, rows]) => rows.map(([id, on, title]) => `('${id}', DATE '${on}', '500101', '重庆某公司', '${title}', NULL, 1, 'higher', DATE '${name.slice(0, 10)}')`));
    return conn.run(`COPY (SELECT * FROM (VALUES ${values.join(', ')}) t(posting_id, posted_on, district_code, employer, title, industry_hint, headcount, education, file_day))
      TO '${join(store, file)}' (FORMAT parquet)`);
  };
  for (const [name, rows] of Object.entries(DAYS)) await write(`${name}.parquet`, [[name, rows]]);
  await write('shared.parquet', Object.entries(DAYS));
  await write('2025-03-02.csv.corrected.parquet', [['2025-03-02.csv', CORRECTED]]);
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

  it('wins the same way from one file the days share', async () => {
    const names = Object.keys(DAYS);
    expect(await buildRawPostings(conn, store, ledger(names, { 'shared.parquet': names }))).toBe(4);
    expect(await titles()).toEqual(EXPECTED);
    await buildRawPostings(conn, store, ledger(names.slice(0, 1), { 'shared.parquet': names }));
    for (let i = 1; i < names.length; i++) await appendRawPostings(conn, store, ledger(names.slice(0, i + 1), { 'shared.parquet': names }), [names[i]]);
    expect(await titles()).toEqual(EXPECTED);
  });

  it('reads a shared file for the days the ledger still has in it: a day corrected since is read from its new file', async () => {
    const names = Object.keys(DAYS);
    const corrected = ledger(names, { 'shared.parquet': names });
    corrected.files['2025-03-02.csv'] = { ...corrected.files['2025-03-02.csv'], parquet: '2025-03-02.csv.corrected.parquet', parquet_days: 1 };
    expect(await buildRawPostings(conn, store, corrected)).toBe(4);
    // P2 of the second day is gone with the correction: its copy of the first day (posted latest) stays.
    expect(await titles()).toEqual({ ...EXPECTED, P3: 'P3 corrected' });
  });
});
