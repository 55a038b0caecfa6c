/**
 * The fast pass (pipeline/postings/fast-pass.ts) re-implements the loader's checks for speed; this
 * property test proves it accepts exactly what the loader accepts. Seeded generated days of postings
 * mix valid rows with broken rows of every reject kind the loader has; each set of days is converted
 * twice, with the fast pass and with every day through the loader's detailed checks, and the ledgers
 * (rows, rejects with line, column, value and reason) and the Parquet rows written, each naming its
 * day, must be equal (which files hold them differs: the days each pass settles share one).
 * The postings are made up for the test (synthetic).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadInputs } from '../../pipeline/load/index.ts';
import { MAX_LINE_BYTES } from '../../pipeline/load/csv-shape.ts';
import { openConversionDb } from '../../pipeline/postings/conversion-db.ts';
import { convertDays } from '../../pipeline/postings/convert-days.ts';
import type { LedgerEntry } from '../../pipeline/postings/ledger.ts';
import { mulberry32, type Rng } from '../../pipeline/sample/mulberry32.ts';
import { cleanup, FIXTURE, REFERENCE, scratch } from './fixture.ts';

const HEADER = ['posting_id', 'posted_on', 'district_code', 'employer', 'title', 'industry_hint', 'headcount', 'education'];
const VALID = {
  district_code: ['500101', '500103', '500107', '500115', '500229'],
  employer: ['重庆恒润智能装备有限公司', '重庆某医院', 'Chongqing "Quoted" Ltd'],
  // Chinese punctuation is free text's own: no rewrite, so no doubt.
  title: ['数控车工', '护士', '焊工', 'SMT贴片操作员', '仓管员（包吃住）', '客服：长白班'],
  industry_hint: ['', '制造业', '医疗'],
  education: ['secondary', 'higher', 'bachelor', 'other'],
};

/** One way to break a field, as a bureau's export might: each is a reject kind of the loader, or a form it reads otherwise. */
const BROKEN: Record<string, string[]> = {
  posting_id: ['', ' P-1', 'P-1\u3000', 'P-1\u200b', '\u2003P-1', 'P-1\ufeff', 'Ｐ-１'],
  // The days are in March 2025: a posting of 2052 or of two months on is after its file's day;
  // Excel date serials of 2025-03-01 and 2025-03-04.
  posted_on: ['', '2025-13-45', '2025/03/04', '20250304', ' 2025-03-04', '2025-3-4', '25-03-04', '1999-12-31', '2052-03-04', '2025-05-01', '45717', '45720',
    '2025年3月4日', '2025.3.4', '2025年2月30日', '2025-03-04 09:12:33', '2025-03-03T18:00:00Z', '2025-03-04T09:00:00+08:00', '2025年3月4日 08:00'],
  district_code: ['', '5001O7', '50010', '500999', ' 500103', '５００１０３', '500 103', '渝中区', '重庆-渝中区', '重庆市 渝中区', '重庆', '四川-渝中区'],
  employer: ['', ' 重庆某公司', '重庆某公司\u00a0', '重庆ＡＢＣ公司'],
  title: ['', '焊工 ', '\t焊工', '焊工\u202f', '\u205f焊工', 'ＪＡＶＡ开发', 'Ｃ＋＋开发'],
  industry_hint: [' 制造业', '制造业\u3000', '无', '—', 'N/A'],
  headcount: ['', '0', '-1', '+3', '03', '1.5', 'abc', ' 2', '2147483648', '10001', '999999999', '3人', '3 名', '若干', '0人'],
  education: ['', '大专', ' higher', 'Higher', '本科', '硕士', '中专/中技', '大专及以上', '高中', '初中及以下'],
};

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

type Shape = 'short' | 'long' | 'too long' | 'too long, Chinese' | 'line break' | 'blank line';

interface DayPlan {
  /** Rows with one field broken: [field, value]. */
  broken?: [string, string][];
  /** Share of the other rows broken at random. */
  brokenShare?: number;
  repeatShare?: number;
  shapes?: Shape[];
  /** The columns written, in order (default HEADER). */
  columns?: string[];
}

/** A day file's lines: valid rows, the planned broken rows and shapes at random places, repeated ids. */
function dayLines(rng: Rng, day: string, plan: DayPlan): string[] {
  const columns = plan.columns ?? HEADER;
  const lines = [columns.join(',')];
  const ids: string[] = [];
  const broken = [...plan.broken ?? []];
  const shapes = [...plan.shapes ?? []];
  for (let i = 0; i < 30 || broken.length > 0 || shapes.length > 0; i++) {
    const id = ids.length > 0 && rng() < (plan.repeatShare ?? 0) ? pick(rng, ids) : `${day}-${i}`;
    ids.push(id);
    const row: Record<string, string> = {
      posting_id: id, posted_on: day, district_code: pick(rng, VALID.district_code), employer: pick(rng, VALID.employer),
      title: pick(rng, VALID.title), industry_hint: pick(rng, VALID.industry_hint), headcount: String(1 + Math.floor(rng() * 5)),
      education: pick(rng, VALID.education),
    };
    if (broken.length > 0 && rng() < 0.3) {
      const [field, value] = broken.pop()!;
      row[field] = value;
    } else if (rng() < (plan.brokenShare ?? 0)) {
      const field = pick(rng, Object.keys(BROKEN));
      row[field] = pick(rng, BROKEN[field]);
    }
    let line = columns.map((f) => csvField(row[f])).join(',');
    if (shapes.length > 0 && rng() < 0.3) {
      const shape = shapes.pop()!;
      if (shape === 'short') line = line.split(',').slice(0, 3).join(',');
      else if (shape === 'long') line += ',extra';
      else if (shape === 'too long') line = line.replace(row.title, 'x'.repeat(MAX_LINE_BYTES));
      // DuckDB's own limit falls inside a character here.
      else if (shape === 'too long, Chinese') line = line.replace(row.title, '焊工'.repeat(MAX_LINE_BYTES / 5));
      else if (shape === 'line break') line = `${row.posting_id},${row.posted_on},${row.district_code},"重庆某公司\n分公司",焊工,,1,secondary`;
      else lines.push('');
    }
    lines.push(line);
  }
  return lines;
}

let warehouse: DuckDBConnection;
beforeAll(async () => {
  warehouse = await (await DuckDBInstance.create(':memory:')).connect();
  await loadInputs(warehouse, { dataDir: join(FIXTURE, 'data'), referenceDir: REFERENCE, policy: { reject_share_max: 0.05 } });
});
afterAll(cleanup);

/** Converts the days into a new store, with or without the fast pass: the ledger entries and every row written. */
async function convert(files: { name: string; path: string }[], fastPass: boolean) {
  const tmp = scratch('equivalence-tmp-');
  const store = scratch('equivalence-store-');
  const db = await openConversionDb(warehouse, tmp, 2);
  try {
    const entries = await convertDays(db.conns, files, store, {
      checks: 'equivalence', tmpDir: tmp, rejectShareMax: 1, warn: () => {}, now: () => new Date(0), fastPass,
    });
    const rows = await db.conns[0].runAndReadAll(`SELECT * FROM read_parquet('${store}/*.parquet') ORDER BY ALL`);
    const written = await rows.getRowObjectsJson();
    const ledger = Object.fromEntries(Object.entries(entries).map(([day, { parquet, parquet_days, ...e }]: [string, LedgerEntry]) => [day, { ...e, loaded_at: '' }]));
    return { ledger, written };
  } finally {
    db.close();
  }
}

/** Writes the days (one plan each, from 2025-03-01 on) into a new data folder's postings/. */
function writeDays(rng: Rng, plans: DayPlan[]) {
  const dir = join(scratch('equivalence-data-'), 'postings');
  mkdirSync(dir);
  return plans.map((plan, i) => {
    const day = new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10);
    const path = join(dir, `${day}.csv`);
    writeFileSync(path, `${dayLines(rng, day, plan).join('\n')}\n`);
    return { name: `${day}.csv`, path };
  });
}

async function expectEqual(files: { name: string; path: string }[]) {
  const fast = await convert(files, true);
  const detailed = await convert(files, false);
  expect(fast.ledger).toEqual(detailed.ledger);
  expect(fast.written).toEqual(detailed.written);
  return Object.values(detailed.ledger);
}

describe('the fast pass of a batch of daily files', () => {
  it('accepts and rejects exactly what the loader does, for every broken form alone in its day', async () => {
    // A day with any doubtful row goes whole to the loader, so each broken form gets a day of its
    // own, where a fast pass that let it through would settle the day with it.
    const rng = mulberry32(7);
    const forms = Object.entries(BROKEN).flatMap(([field, values]) => values.map((value): DayPlan => ({ broken: [[field, value]] })));
    const shapes = (['short', 'long', 'too long', 'too long, Chinese', 'line break', 'blank line'] as Shape[]).map((shape): DayPlan => ({ shapes: [shape] }));
    const entries = await expectEqual(writeDays(rng, [{}, { repeatShare: 0.1 }, { repeatShare: 0.1, shapes: ['line break'] }, ...forms, ...shapes]));
    // most forms are rejected or read otherwise (normalised), in either pass
    expect(entries.filter((e) => e.rejected > 0 || e.normalised).length).toBeGreaterThan(forms.length / 2);
  });

  it('tests the pattern of a code itself when a referenced code does not match it', async () => {
    // The district codes all match the postings' pattern, which the key test then settles; a
    // referenced code outside it must not let a posting's code through unchecked.
    const odd = '5001X7';
    await warehouse.run(`INSERT INTO raw_districts SELECT * REPLACE ('${odd}' AS district_code) FROM raw_districts LIMIT 1`);
    try {
      const entries = await expectEqual(writeDays(mulberry32(4), [{ broken: [['district_code', odd], ['district_code', odd]] }, {}]));
      expect(entries[0].rejects.filter((r) => r.value === odd)).toHaveLength(2);
    } finally {
      await warehouse.run(`DELETE FROM raw_districts WHERE district_code = '${odd}'`);
    }
  });

  it('reads days whose columns are in another order, an optional one absent, as the loader does', async () => {
    // The fast pass tests each distinct value of a field once: an absent column is a NULL in every row.
    const columns = ['education', 'headcount', 'title', 'employer', 'district_code', 'posted_on', 'posting_id'];
    const entries = await expectEqual(writeDays(mulberry32(5), [{ columns }, { columns, brokenShare: 0.2, repeatShare: 0.1 }]));
    expect(entries[0]).toMatchObject({ rejected: 0 });
    expect(entries[1].rejected).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])('accepts and rejects exactly what the loader does on mixed days (seed %i)', async (seed) => {
    const rng = mulberry32(seed);
    const plans: DayPlan[] = [{}, { repeatShare: 0.08 }, { brokenShare: 0.05, repeatShare: 0.08 }, { brokenShare: 0.3, shapes: ['short', 'line break'] }];
    const entries = await expectEqual(writeDays(rng, plans));
    expect(entries.some((e) => e.rejected > 0)).toBe(true);
    expect(entries.reduce((n, e) => n + e.rows, 0)).toBeGreaterThan(80);
  });
});
