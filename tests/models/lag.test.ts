/**
 * Lag of programme points behind demand, on the constructed 2016–2024 series of
 * tests/fixtures/models/lag-series.ts. Policy: shifts 0..4, ≥ 5 years, ≥ 3 pairs, weak below 0.5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lagFixture } from '../fixtures/models/lag-series.ts';
import { tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, query } from './warehouse.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await buildWarehouse(lagFixture(), tinyPolicy);
});

const lag = async (code: string) =>
  (await query(conn, `SELECT years_available, lag_years, correlation, strength FROM mart_lag WHERE industry_code = '${code}'`))[0];

describe('lag', () => {
  it('finds the shift at which points follow demand exactly', async () => {
    // Δpoints(t + 2) = Δopenings(t) ÷ 10 for t = 2017..2022: six pairs on a line, r = 1 at k = 2.
    // The other shifts correlate negatively (k = 0: −0.29, 1: −0.51, 3: −0.61, 4: −0.30).
    const ai = await lag('ai');
    expect(ai).toMatchObject({ years_available: 9, lag_years: 2, strength: 'clear' });
    expect(ai.correlation).toBeCloseTo(1, 12);
  });

  it('keeps every shift with enough pairs', async () => {
    const shifts = await query(conn, `SELECT shift, pairs FROM int_lag_shifts WHERE industry_code = 'ai' ORDER BY shift`);
    // 8 yearly changes (2017–2024); shift k pairs 8 − k of them.
    expect(shifts).toEqual([0, 1, 2, 3, 4].map((k) => ({ shift: k, pairs: 8 - k })));
  });

  it('reports a weak best correlation as no clear response', async () => {
    // Δopenings alternate +10/−10 (x); Δpoints 1 0 −1 0 1 0 −1 0. Best k = 1 (7 pairs):
    // x = 10, −10, 10, −10, 10, −10, 10; y = 0, −1, 0, 1, 0, −1, 0;
    // Sxy = Σxy − ΣxΣy/n = 10 + 10/7 = 80/7; Sxx = 700 − 100/7 = 4800/7; Syy = 3 − 1/7 = 20/7;
    // r = 80 / √(4800 × 20) = 1/√15 ≈ 0.258 < 0.5. (k = 0, 3, 4: r = 0; k = 2: r ≈ −0.243.)
    const mfg = await lag('mfg');
    expect(mfg).toMatchObject({ years_available: 9, lag_years: 1, strength: 'no_clear_response' });
    expect(mfg.correlation).toBeCloseTo(1 / Math.sqrt(15), 12);
  });

  it('needs at least the minimum number of years', async () => {
    // tour has demand figures for 2021–2024 only.
    expect(await lag('tour')).toEqual({ years_available: 4, lag_years: null, correlation: null, strength: 'insufficient_data' });
  });

  it('picks the highest correlation, not the largest |r|', async () => {
    // Mirroring ai's openings (400 − x) flips the sign of every r: k = 2 now gives −1 (points move
    // against demand), and the best positive shift is k = 3 with r ≈ +0.61.
    const mirrored = lagFixture();
    mirrored.demand = mirrored.demand.map((r) => (r[2] === 'ai' ? [...r.slice(0, 4), 400 - (r[4] as number), r[5]] : r));
    const c = await buildWarehouse(mirrored, tinyPolicy);
    const [ai] = await query(c, `SELECT lag_years, correlation, strength FROM mart_lag WHERE industry_code = 'ai'`);
    expect(ai).toMatchObject({ lag_years: 3, strength: 'clear' });
    expect(ai.correlation).toBeCloseTo(0.6145, 4);
  });
});
