/**
 * The classification measured on real postings (tests/fixtures/postings, see its README): the
 * unclassified share and the precision on clear-cut labels must hold on the development part, on
 * which the rules were written, and on the held-out part, which was not looked at while writing
 * them. The floors come from the first measurement; docs/metrics.md shows the same figures.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from './fixture.ts';
import { classifyLabelled, measure, measureTable, readLabelled, type Classified, type Measures } from './labelled.ts';
import { afterAll } from 'vitest';

/** Set from the first measurement of the word rules (development 7.9 % and 99.5 %, held out 8.8 % and 98.8 %). */
const FLOOR = { unclassifiedShare: 0.1, precision: 0.95 };

afterAll(cleanup);

describe('classification of the labelled real postings', () => {
  let rows: Classified[];
  let parts: { name: string; measures: Measures }[];
  beforeAll(async () => {
    rows = await classifyLabelled(readLabelled());
    parts = (['development', 'held_out'] as const).map((name) => ({ name, measures: measure(rows.filter((r) => r.part === name)) }));
  }, 60_000);

  it('is a stratified set of at least 300 real postings from several sites, split about two to one', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.site)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.industry)).size).toBeGreaterThanOrEqual(14);
    const heldOut = rows.filter((r) => r.part === 'held_out').length / rows.length;
    expect(heldOut).toBeGreaterThan(0.25);
    expect(heldOut).toBeLessThan(0.4);
  });

  it.each(['development', 'held_out'])('leaves at most 10 %% of the %s part unclassified and is right on 95 %% of its clear-cut labels', (name) => {
    const m = parts.find((p) => p.name === name)!.measures;
    expect(m.unclassifiedShare).toBeLessThanOrEqual(FLOOR.unclassifiedShare);
    expect(m.precision).toBeGreaterThanOrEqual(FLOOR.precision);
  });

  it('gives every classified posting a confidence and names an occupation for most titles', () => {
    const classified = rows.filter((r) => r.predicted !== null);
    expect(classified.every((r) => ['high', 'medium', 'low'].includes(r.confidence!))).toBe(true);
    expect(rows.filter((r) => r.occupation !== null).length / rows.length).toBeGreaterThan(0.6);
  });

  it('is reported per industry in docs/metrics.md as measured', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(doc).toContain(measureTable(parts));
  });
});
