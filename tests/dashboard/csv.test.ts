import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from '../../dashboard/src/lib/csv.ts';
import { csvTable, tableText } from '../../dashboard/src/lib/table.ts';

describe('csv', () => {
  it('starts with a BOM, ends rows with CRLF and quotes where needed', () => {
    expect(buildCsv([['产业', '缺口'], ['先进材料', '1,234'], ['a "b"', 'x']])).toBe('\uFEFF产业,缺口\r\n先进材料,"1,234"\r\n"a ""b""",x\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "\"'\rx\""]);
  });

  it('leaves plain signed numbers and percentages as numbers', () => {
    expect(['-1,234', '+1.2', '-3.5%', '—'].map(csvCell)).toEqual(['"-1,234"', '+1.2', '-3.5%', '—']);
  });

  it('takes exactly the cells of the table spec', () => {
    const spec = { columns: [{ label: 'name', cell: (r: { n: string }) => r.n }, { label: 'len', cell: (r: { n: string }) => String(r.n.length), numeric: true }], rows: [{ n: 'ab' }] };
    expect(tableText(spec)).toEqual([['name', 'len'], ['ab', '2']]);
  });

  it('writes numeric cells without digit grouping, so a spreadsheet reads numbers, and leaves text as shown', () => {
    const spec = {
      columns: [{ label: '产业', cell: (r: { n: string; v: string }) => r.n }, { label: '缺口', cell: (r: { n: string; v: string }) => r.v, numeric: true }],
      rows: [{ n: '1,234 产业', v: '30,444' }, { n: 'a', v: '-1,234.5' }, { n: 'b', v: '72.0%' }, { n: 'c', v: '记录过少' }, { n: 'd', v: '—' }],
    };
    expect(csvTable(spec)).toEqual([['产业', '缺口'], ['1,234 产业', '30444'], ['a', '-1234.5'], ['b', '72.0%'], ['c', '记录过少'], ['d', '—']]);
    expect(buildCsv(csvTable(spec))).toContain('\r\n"1,234 产业",30444\r\n');
  });
});
