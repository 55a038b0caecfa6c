/**
 * A report as an Excel workbook: a summary sheet, then one sheet per table, with real number cells
 * in Chinese number formats, a frozen header row, column widths fitted to the text, and text cells
 * neutralised against formula injection.
 *
 * Speed: one workbook per school at every refresh (11,000 at national scale). Building them with
 * exceljs took most of the reports stage, so the parts are written here as strings, exactly as
 * exceljs 4.4 writes this workbook (shared strings, styles numbered in order of first use, rows
 * spanning every column) and stored uncompressed in a zip laid out as JSZip lays it out;
 * tests/reports/xlsx-writer.test.ts compares both writers part by part.
 */
import exceljsUtils from 'exceljs/lib/utils/utils.js';
import THEME from 'exceljs/lib/xlsx/xml/theme1.js';
import type { Cell, CellType, Column, Report, ReportContext } from './report-model.ts';
import { neutralise } from '../shared/csv.ts';
import { NUMBER_FORMATS } from './format-cell.ts';
import { SYNTHETIC_ZH } from './labels-zh.ts';
import { beijingTime } from './render-html.ts';
import { zipStore } from './zip-store.ts';
import { columnLetters } from '../shared/columns.ts';

/** exceljs's own escaping (it also drops characters XML cannot hold); its theme part is imported above. */
const { xmlEncode } = exceljsUtils;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Display width in character cells: CJK characters take two. */
const textWidth = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** Width of a sheet column in characters: its own, or fitted to the longest text (numbers by the label). */
export function columnWidth(column: Column, values: Cell[]): number {
  if (column.width) return column.width;
  if (column.type !== 'text') return Math.max(MIN_WIDTH + 4, textWidth(column.label) + 2);
  const longest = Math.max(textWidth(column.label), ...values.map((v) => textWidth(String(v ?? ''))));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** One worksheet: its columns (header and width) and its body cells, each with the type it is written as. */
export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: { value: Cell; type: CellType }[][];
}

function tableSheet(name: string, columns: Column[], rows: Record<string, Cell>[]): SheetSpec {
  return { name, columns, rows: rows.map((row) => columns.map((c) => ({ value: row[c.key] ?? null, type: c.type }))) };
}

const SUMMARY_COLUMNS: Column[] = [
  { key: 'label', label: '指标', type: 'text', width: 22 },
  { key: 'value', label: '数值', type: 'text', width: 24 },
  { key: 'note', label: '说明', type: 'text', width: 60 },
];

/** The sheets of a report's workbook: figures first, then where the data came from, then each table. */
export function workbookSheets(report: Report, context: ReportContext): SheetSpec[] {
  const meta = [
    ['报告', report.title], ['范围', report.subtitle], ['数据来源', `${context.title}（${context.data_label}）`],
    ['数据快照', context.snapshot], ['刷新时间', beijingTime(context.finished_at)],
    ...(context.synthetic ? [['注意', `${SYNTHETIC_ZH}（synthetic sample, not real statistics）`]] : []),
    ...(context.estimates ? [['估算', context.estimates]] : []),
  ];
  const summary = tableSheet('概要', SUMMARY_COLUMNS, [
    ...report.summary.map((f) => ({ label: f.label, value: null, note: f.note ?? null })),
    ...meta.map(([label, note]) => ({ label, value: null, note })),
  ]);
  // figure values keep their own type per row
  report.summary.forEach((f, i) => { summary.rows[i][1] = { value: f.value, type: f.type }; });
  return [summary, ...report.tables.map((t) => tableSheet(t.sheet, t.columns, t.rows))];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument';

type StyleKey = 'header' | 'text' | Exclude<CellType, 'text'>;

/** Built-in Excel number formats among ours; the others are numbered from 164 in order of first use. */
const BUILTIN_FORMATS: Record<string, number> = { '0': 1, '#,##0': 3, '0.00': 2 };

/** Cell styles and number formats numbered in order of first use, as exceljs numbers them. */
class Styles {
  private ids = new Map<StyleKey, number>();
  private xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private formats: string[] = [];

  id(key: StyleKey): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.ids.set(key, id);
      this.xfs.push(this.xf(key));
    }
    return id;
  }

  private xf(key: StyleKey): string {
    if (key === 'header') return '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>';
    if (key === 'text') {
      return '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>';
    }
    const code = NUMBER_FORMATS[key];
    let format = BUILTIN_FORMATS[code];
    if (format === undefined) {
      format = 164 + this.formats.length;
      this.formats.push(`<numFmt numFmtId="${format}" formatCode="${xmlEncode(code)}"/>`);
    }
    return `<xf numFmtId="${format}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
  }

  xml(): string {
    const formats = this.formats.length ? `<numFmts count="${this.formats.length}">${this.formats.join('')}</numFmts>` : '';
    return `${XML_HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">${formats}`
      + '<fonts count="2" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>'
      + '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF0F4F8"/></patternFill></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>'
      + '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
      + '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>';
  }
}

/** The workbook's shared strings: each distinct text once, numbered in order of first use. */
class SharedStrings {
  private index = new Map<string, number>();
  private values: string[] = [];
  private count = 0;

  id(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.index.set(text, id);
      this.values.push(text);
    }
    return id;
  }

  xml(): string {
    const items = this.values.map((t) => `<si><t${/^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${xmlEncode(t)}</t></si>`);
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.values.length}">${items.join('')}</sst>`;
  }
}

/** exceljs leaves a column of its default width out of `<cols>`. */
const DEFAULT_WIDTH = 9;

/** `<cols>`: adjacent columns of the same width share one element; none at all if every width is the default. */
function colsXml(widths: number[]): string {
  const cols: string[] = [];
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] !== DEFAULT_WIDTH) cols.push(`<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`);
    i = j + 1;
  }
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function sheetXml(sheet: SheetSpec, styles: Styles, strings: SharedStrings): string {
  const n = sheet.columns.length;
  const letters = sheet.columns.map((_, i) => columnLetters(i + 1));
  const widths = sheet.columns.map((c, i) => columnWidth(c, sheet.rows.map((r) => (c.type === 'text' ? r[i].value : null))));
  const spans = `spans="1:${n}" x14ac:dyDescent="0.25"`;
  const header = sheet.columns.map((c, i) =>
    `<c r="${letters[i]}1" s="${styles.id('header')}" t="s"><v>${strings.id(neutralise(c.label))}</v></c>`).join('');
  const rows = [`<row r="1" ${spans}>${header}</row>`];
  sheet.rows.forEach((row, r) => {
    const line = r + 2;
    let cells = '';
    row.forEach(({ value, type }, i) => {
      if (value === null || value === '') return;
      if (typeof value === 'number' && type !== 'text') {
        cells += `<c r="${letters[i]}${line}" s="${styles.id(type)}"><v>${xmlEncode(String(value))}</v></c>`;
      } else {
        cells += `<c r="${letters[i]}${line}" s="${styles.id('text')}" t="s"><v>${strings.id(neutralise(String(value)))}</v></c>`;
      }
    });
    rows.push(`<row r="${line}" ${spans}>${cells}</row>`);
  });
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`
    + `<dimension ref="A1:${letters[n - 1]}${sheet.rows.length + 1}"/>`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
    + '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>'
    + `${colsXml(widths)}<sheetData>${rows.join('')}</sheetData>`
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    + '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>';
}

function contentTypes(sheets: number): string {
  const worksheets = Array.from({ length: sheets }, (_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${OFFICE}.spreadsheetml.worksheet+xml"/>`).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
    + `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE}.spreadsheetml.sheet.main+xml"/>${worksheets}`
    + `<Override PartName="/xl/theme/theme1.xml" ContentType="${OFFICE}.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${OFFICE}.spreadsheetml.styles+xml"/>`
    + `<Override PartName="/xl/sharedStrings.xml" ContentType="${OFFICE}.spreadsheetml.sharedStrings+xml"/><Default Extension="vml" ContentType="${OFFICE}.vmlDrawing"/>`
    + `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${OFFICE}.extended-properties+xml"/></Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

function workbookRels(sheets: number): string {
  const worksheets = Array.from({ length: sheets }, (_, i) =>
    `<Relationship Id="rId${i + 4}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${worksheets}</Relationships>`;
}

function appXml(names: string[]): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>`
    + `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`
    + `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${xmlEncode(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>`
    + '<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';
}

function coreXml(creator: string, title: string, created: Date): string {
  const time = created.toISOString().replace(/[.]\d{3}/, '');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:creator>${xmlEncode(creator)}</dc:creator><dc:title>${xmlEncode(title)}</dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified></cp:coreProperties>`;
}

function workbookXml(names: string[]): string {
  const sheets = names.map((n, i) => `<sheet sheetId="${i + 1}" name="${xmlEncode(n)}" state="visible" r:id="rId${i + 4}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">`
    + `<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>${sheets}</sheets><calcPr calcId="171027"/></workbook>`;
}

/** The .xlsx bytes of the given sheets. */
export function xlsxBytes(sheets: SheetSpec[], creator: string, title: string, created: Date): Buffer {
  const styles = new Styles();
  const strings = new SharedStrings();
  const names = sheets.map((s) => s.name);
  const parts = sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, styles, strings)]);
  return zipStore([
    ['[Content_Types].xml', contentTypes(sheets.length)],
    ['_rels/.rels', ROOT_RELS],
    ['xl/_rels/workbook.xml.rels', workbookRels(sheets.length)],
    ...parts,
    ['xl/sharedStrings.xml', strings.xml()],
    ['xl/theme/theme1.xml', THEME],
    ['xl/styles.xml', styles.xml()],
    ['docProps/app.xml', appXml(names)],
    ['docProps/core.xml', coreXml(creator, title, created)],
    ['xl/workbook.xml', workbookXml(names)],
  ]);
}

export const XLSX_CREATOR = 'chanjiao 产教';

/** The workbook of a report as the bytes of an .xlsx file. */
export async function renderXlsx(report: Report, context: ReportContext): Promise<Buffer> {
  return xlsxBytes(workbookSheets(report, context), XLSX_CREATOR, report.title, new Date(context.finished_at));
}
