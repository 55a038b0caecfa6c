import { describe, expect, it } from 'vitest';
import { cellNumber, collatorFor, nextSort, pageOf, sortRows } from '../../dashboard/src/lib/table-sort.ts';
import type { Column } from '../../dashboard/src/lib/table.ts';

type Row = { name: string; value: string };
const text: Column<Row> = { label: '名称', cell: (r) => r.name };
const number: Column<Row> = { label: '数值', cell: (r) => r.value, numeric: true };
const rows: Row[] = [
  { name: '重庆', value: '9,800' }, { name: '北京', value: '—' }, { name: '安徽', value: '-1,234' },
  { name: '成都', value: '72.5%' }, { name: '', value: '10' },
];

describe('sorting table rows', () => {
  it('reads the number a cell prints, grouped, signed or as a percentage, and none from a dash', () => {
    expect([cellNumber('30,444'), cellNumber('-1,234.5'), cellNumber('72.0%'), cellNumber('+3'), cellNumber('—'), cellNumber('记录过少')])
      .toEqual([30444, -1234.5, 72, 3, null, null]);
  });

  it('sorts numbers numerically, not as text, with cells without a number last in both directions', () => {
    expect(sortRows(rows, number, 'descending', collatorFor('zh')).map((r) => r.value)).toEqual(['9,800', '72.5%', '10', '-1,234', '—']);
    expect(sortRows(rows, number, 'ascending', collatorFor('zh')).map((r) => r.value)).toEqual(['-1,234', '10', '72.5%', '9,800', '—']);
  });

  it('sorts Chinese by pinyin, empty cells last', () => {
    expect(sortRows(rows, text, 'ascending', collatorFor('zh')).map((r) => r.name)).toEqual(['安徽', '北京', '成都', '重庆', '']);
    expect(sortRows(rows, text, 'descending', collatorFor('zh')).map((r) => r.name)).toEqual(['重庆', '成都', '北京', '安徽', '']);
  });

  it('starts a number column largest first and a text column A first, and flips on the same column', () => {
    expect(nextSort(null, 1, number)).toEqual({ column: 1, direction: 'descending' });
    expect(nextSort(null, 0, text)).toEqual({ column: 0, direction: 'ascending' });
    expect(nextSort({ column: 0, direction: 'ascending' }, 0, text)).toEqual({ column: 0, direction: 'descending' });
    expect(nextSort({ column: 0, direction: 'ascending' }, 1, number)).toEqual({ column: 1, direction: 'descending' });
  });
});

describe('paging', () => {
  it('cuts 170 rows into four pages of 50 and clamps the page asked for', () => {
    expect(pageOf(170, 50, 0)).toEqual({ index: 0, count: 4, from: 0, to: 50 });
    expect(pageOf(170, 50, 3)).toEqual({ index: 3, count: 4, from: 150, to: 170 });
    expect(pageOf(170, 50, 9).index).toBe(3);
    expect(pageOf(0, 50, 0)).toEqual({ index: 0, count: 1, from: 0, to: 0 });
  });
});
