import { describe, expect, it } from 'vitest';
import { collectMerges, mergedRange, type MergedRange } from '../../pipeline/load/merged-cells.ts';

describe('merged ranges of a sheet', () => {
  it('reads a range reference, columns past Z included', () => {
    expect(mergedRange('B19941:B19991')).toEqual({ ref: 'B19941:B19991', top: 19941, left: 2, bottom: 19991, right: 2 });
    expect(mergedRange('AA3:AB4')).toMatchObject({ left: 27, right: 28 });
    expect(mergedRange('B2')).toBeNull();
  });

  it('notes every mergeCell of the XML passed through, one cut between two chunks included, each once', async () => {
    const xml = '<sheetData><row r="1"/></sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B9"/><x:mergeCell ref="D2:D3"/></mergeCells>';
    // cut inside the reference, and just before an element's end
    for (const cut of [xml.indexOf('B2:B9') - 3, xml.indexOf('B2:B9') + 6]) {
      const chunks = [xml.slice(0, cut), xml.slice(cut)];
      const merges: MergedRange[] = [];
      let through = '';
      for await (const chunk of collectMerges((async function* () { yield* chunks; })(), merges)) through += chunk;
      expect(through).toBe(xml);
      expect(merges.map((m) => m.ref)).toEqual(['A1:C1', 'B2:B9', 'D2:D3']);
    }
  });
});
