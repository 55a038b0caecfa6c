/** The one CSV cell rule of every file the project writes (pipeline/shared/csv.ts). */
import { describe, expect, it } from 'vitest';
import { csvCell, dataCell, excelCsv, neutralise } from '../../pipeline/shared/csv.ts';

describe('data cells (files for the loader)', () => {
  it('writes missing as empty, booleans as true/false, quotes only when needed, never alters text', () => {
    expect([null, undefined, true, 0.934, '重庆澄屿职业学院', 'a,b', 'say "x"', '=1+1', 'x\ny'].map(dataCell))
      .toEqual(['', '', 'true', '0.934', '重庆澄屿职业学院', '"a,b"', '"say ""x"""', '=1+1', '"x\ny"']);
  });
});

describe('cells of files for people', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","点击")'].map(csvCell))
      .toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "\"'\rx\"", '"\'=HYPERLINK(""http://x"",""点击"")"']);
  });

  it('leaves numbers alone, typed or written as a person writes them', () => {
    expect([-9, 0.5, '-1,234', '+1.2', '-3.5%', '-5', '—', '-'].map(csvCell)).toEqual(['-9', '0.5', '"-1,234"', '+1.2', '-3.5%', '-5', '—', "'-"]);
    expect(neutralise('-5')).toBe('-5');
    expect(neutralise('-5e3')).toBe("'-5e3");
  });

  it('keeps as text what Excel would read as a number and change: a leading 0, 12 digits or more, digits around an e', () => {
    expect(['0501634972', '090100', '248658810169', '1234567890123456', '1884045413e8', '60362588e224'].map(csvCell))
      .toEqual(['"=""0501634972"""', '"=""090100"""', '"=""248658810169"""', '"=""1234567890123456"""', '"=""1884045413e8"""', '"=""60362588e224"""']);
    // a school code, 11 digits (shown whole), a number written as text, a hex id with letters: Excel keeps them as they are
    expect(['9500036142', '24865881016', '0', '0.5', '72.0%', '1884045413ab', '510201K'].map(csvCell))
      .toEqual(['9500036142', '24865881016', '0', '0.5', '72.0%', '1884045413ab', '510201K']);
  });

  it('writes a whole file for Excel: byte-order mark, CRLF, the header first', () => {
    expect(excelCsv([['专业', '毕业生'], ['=cmd', 12], ['数控, 技术', null]])).toBe('\uFEFF专业,毕业生\r\n\'=cmd,12\r\n"数控, 技术",\r\n');
  });
});
