import { describe, expect, it } from 'vitest';
import { collectMarks, mergedRange, type SheetMarks } from '../../pipeline/load/merged-cells.ts';

describe('merged ranges of a sheet', () => {
  it('reads a range reference, columns past Z included', () => {
    expect(mergedRange('B19941:B19991')).toEqual({ ref: 'B19941:B19991', top: 19941, left: 2, bottom: 19991, right: 2 });
    expect(mergedRange('AA3:AB4')).toMatchObject({ left: 27, right: 28 });
    expect(mergedRange('B2')).toBeNull();
  });

  it('notes every mergeCell and hidden row of the XML passed through, one cut between two chunks included, each once', async () => {
    const xml = '<sheetData><row r="1"/><row r="4" hidden="1" spans="1:3"><c r="A4"/></row><row spans="1:3" hidden="true"/><rowBreaks/></sheetData>'
      + '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B9"/><x:mergeCell ref="D2:D3"/></mergeCells>';
    // cut inside the reference, just before an element's end, and inside a hidden row's attributes
    for (const cut of [xml.indexOf('B2:B9') - 3, xml.indexOf('B2:B9') + 6, xml.indexOf('hidden="1"') + 3]) {
      const chunks = [xml.slice(0, cut), xml.slice(cut)];
      const marks: SheetMarks = { merges: [], hiddenRows: [], hiddenColumns: [] };
      let through = '';
      for await (const chunk of collectMarks((async function* () { yield* chunks; })(), marks)) through += chunk;
      expect(through).toBe(xml);
      expect(marks.merges.map((m) => m.ref)).toEqual(['A1:C1', 'B2:B9', 'D2:D3']);
      // a row without r follows the row before it
      expect(marks.hiddenRows).toEqual([4, 5]);
    }
  });

  it('notes the hidden columns of the XML passed through, as the spans the sheet gives, one cut between two chunks included', async () => {
    const xml = '<cols><col min="1" max="2" width="9"/><col min="3" max="3" width="0" hidden="1" customWidth="1"/>'
      + '<x:col min="10" max="16384" hidden="true"/><col min="5" max="5" hidden="0"/></cols><sheetData><row r="1"/></sheetData>';
    for (const cut of [xml.indexOf('hidden="1"') + 3, xml.indexOf('max="16384"') + 4, xml.length]) {
      const chunks = [xml.slice(0, cut), xml.slice(cut)];
      const marks: SheetMarks = { merges: [], hiddenRows: [], hiddenColumns: [] };
      let through = '';
      for await (const chunk of collectMarks((async function* () { yield* chunks; })(), marks)) through += chunk;
      expect(through).toBe(xml);
      expect(marks.hiddenColumns).toEqual([{ min: 3, max: 3 }, { min: 10, max: 16384 }]);
      expect(marks.hiddenRows).toEqual([]);
    }
  });
});
