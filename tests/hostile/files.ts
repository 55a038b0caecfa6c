/**
 * Hostile and broken input files, made at test time and kept small: each triggers its cap or
 * check within seconds, without writing the gigabytes the real thing would.
 */
import { zipStore } from '../../pipeline/reports/zip-store.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal .xlsx whose one sheet has the given rows: [row number, cell texts] (inline strings, columns from A). */
export function xlsxWithRows(rows: [number, string[]][]): Buffer {
  const column = (i: number): string => (i >= 26 ? column(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
  const cells = (r: number, texts: string[]) =>
    texts.map((t, i) => `<c r="${column(i)}${r}" t="inlineStr"><is><t>${t}</t></is></c>`).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>` +
    rows.map(([r, texts]) => `<row r="${r}">${cells(r, texts)}</row>`).join('') + '</sheetData></worksheet>';
  return zipStore([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

/** A CSV text of `header` then `lines`, each line produced by `row(i)`, 1-based data index. */
export const csvOf = (header: string, lines: number, row: (i: number) => string) =>
  `${header}\n${Array.from({ length: lines }, (_, i) => row(i + 1)).join('\n')}\n`;
