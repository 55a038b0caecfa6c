import { describe, expect, it } from 'vitest';
import { checkDrift } from '../../pipeline/refresh/drift.ts';

const limits = { drift_max_shrink: 0.3, drift_max_jump: 0.5 };
const input = (table: string, rows: number) => ({ table, file: `${table}.csv`, sha256: '', rows, rejected: 0 });
const summary = (programme_points: number) => ({
  year: 2025, programme_points, schools: 170, match_rate: 0.89, graduates: 300000, estimated_graduates: 0, digital_share: 0.15, students: 900000, estimated_students: 0,
});

describe('checkDrift', () => {
  it('trips when programme rows fall by 40 % (limit 30 %)', () => {
    const before = { inputs: [input('programmes', 1000), input('demand', 500)], summary: summary(3300) };
    const after = { inputs: [input('programmes', 600), input('demand', 500)], summary: summary(3300) };
    expect(checkDrift(before, after, limits)).toEqual(['programmes: 1000 → 600 rows (−40 %, limit 30 %)']);
  });

  it('trips when a headline figure of the same year jumps by more than half', () => {
    const before = { inputs: [], summary: summary(3300) };
    // 3300 → 5280 is +60 %.
    expect(checkDrift(before, { inputs: [], summary: summary(5280) }, limits))
      .toEqual(['2025 programme_points: 3300 → 5280 (60 % change, limit 50 %)']);
  });

  it('sizes a table by its main file, not by a school\'s own file of its rows', () => {
    const before = { inputs: [input('programmes', 1000)], summary: summary(3300) };
    const after = { inputs: [input('programmes', 1000), { ...input('programmes', 12), schools: ['5001000001'] }], summary: summary(3300) };
    expect(checkDrift(before, after, limits)).toEqual([]);
    expect(checkDrift({ ...after, inputs: [{ ...input('programmes', 12), schools: ['5001000001'] }, input('programmes', 1000)] }, before, limits)).toEqual([]);
    // Schools' files replacing half the main file's rows do not shrink the table.
    const replaced = { inputs: [{ ...input('programmes', 500), replaced: 500 }, { ...input('programmes', 520), schools: ['5001000001'] }], summary: summary(3300) };
    expect(checkDrift(before, replaced, limits)).toEqual([]);
  });

  it('accepts growth, a small fall, a new year and a first snapshot', () => {
    const before = { inputs: [input('programmes', 1000)], summary: summary(3300) };
    expect(checkDrift(before, { inputs: [input('programmes', 800)], summary: summary(3400) }, limits)).toEqual([]);
    expect(checkDrift(before, { inputs: [input('programmes', 1200)], summary: { ...summary(9000), year: 2026 } }, limits)).toEqual([]);
    expect(checkDrift(null, { inputs: [], summary: null }, limits)).toEqual([]);
  });
});
