import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from '../../dashboard/src/lib/csv.ts';
import { tableText } from '../../dashboard/src/lib/table.ts';

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
});
