import { describe, expect, it } from 'vitest';
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { decodeRows } from '../../dashboard/src/lib/arrow.ts';

function ipcFile(columns: Record<string, Vector>): Uint8Array {
  return tableToIPC(new Table(columns), 'file');
}

describe('decodeRows', () => {
  it('turns the contract types into plain values, keeping nulls', () => {
    const bytes = ipcFile({
      year: vectorFromArray([2024, 2025], new Int32()),
      fill_ratio: vectorFromArray([0.5, null], new Float64()),
      suppressed: vectorFromArray([false, true], new Bool()),
      name_zh: vectorFromArray(['先进材料', '<img src=x>'], new Utf8()),
    });
    expect(decodeRows(bytes)).toEqual([
      { year: 2024, fill_ratio: 0.5, suppressed: false, name_zh: '先进材料' },
      { year: 2025, fill_ratio: null, suppressed: true, name_zh: '<img src=x>' },
    ]);
  });

  it('keeps a null in an Int32 column null (not 0)', () => {
    const rows = decodeRows(ipcFile({ lag_years: vectorFromArray([null, 2], new Int32()) }));
    expect(rows.map((r) => r.lag_years)).toEqual([null, 2]);
  });

  it('yields no rows for an empty table but does not fail', () => {
    expect(decodeRows(ipcFile({ year: vectorFromArray([], new Int32()) }))).toEqual([]);
  });
});
