import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readResources } from '../config/resources.ts';
import type { CsvShape } from './csv-shape.ts';
import { asLoadError, LoadError } from './errors.ts';
import { scanFile } from './scan-file.ts';
import { setAsideLines, type SetAsideLine } from './set-aside.ts';
import { assertRegularFile, assertUnchanged, stampOf, type FileStamp } from './stable-file.ts';
import { transcodeGb18030 } from './transcode.ts';
import { FOLDER_XLSX_LIMITS, isZip, zipFileProblem } from './zip-check.ts';
import { xlsxToCsv, type FilledWidths, type SheetChoice, type CellTally } from './xlsx-to-csv.ts';
import type { ColumnSpan, MergedRange } from './merged-cells.ts';

export interface PreparedCsv {
  /** UTF-8 CSV with the original's line numbering: the input itself, or a copy in tmpDir. */
  csvPath: string;
  sha256: string;
  /** The worksheet read, for an .xlsx. */
  sheet?: string;
  /** Lines and records of the CSV read (what DuckDB must account for). */
  shape: CsvShape;
  /** The input as it was hashed: checked again once it is read (assertUnchanged). */
  stamp: FileStamp;
  /** Lines too long to read, emptied in csvPath: each a reject of the loader's own (set-aside.ts). */
  setAside: SetAsideLine[];
  /** A workbook's merged ranges (merged-cells.ts); none for a CSV. */
  merges: MergedRange[];
  /** A workbook's formula cells stored without a result; none for a CSV. */
  unsaved?: CellTally;
  errors?: CellTally;
  breaks?: CellTally;
  /** A workbook's rows' filled widths (outside-cells.ts); none for a CSV. */
  widths?: FilledWidths;
  /** A workbook's hidden rows and hidden columns of the sheet read, and its hidden sheets not read; none for a CSV. */
  hiddenRows?: number[];
  hiddenColumns?: ColumnSpan[];
  hiddenSheets?: string[];
  /** A workbook's sheets of the table's header alone, not read beside the sheet with rows. */
  emptySheets?: string[];
}

/** How an old binary Excel file (.xls, or a workbook with a password: an OLE compound file) begins. */
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** A file's first bytes (fewer when it is shorter). */
function leadingBytes(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A file that is not what its extension says, or an old .xls, is refused naming what it is and
 * what to do: an .xls (binary, or a web page a system exported under that name) is not read, and
 * a workbook named .csv would read as a binary CSV.
 */
function refuseOtherFormats(file: string, ext: string): void {
  const head = leadingBytes(file, OLE.length);
  const save = 'save it as .xlsx (Excel: 另存为 → Excel 工作簿)';
  if (head.equals(OLE)) {
    throw new LoadError(ext === '.xls' ? `${file}: 旧版 Excel 格式 — the file is in the old .xls format, which is not read; ${save}`
      : `${file}: 旧版 Excel 格式 — the file is in the old .xls format (or a workbook with a password), which is not read; ${save}, without a password`);
  }
  if (isZip(head) && ext !== '.xlsx') throw new LoadError(`${file}: 扩展名不符 — the file is an .xlsx workbook named ${ext || 'without an extension'}: rename it to .xlsx`);
  if (ext === '.xls') {
    throw new LoadError(`${file}: 旧版 Excel 格式 — the file is named .xls but is no Excel workbook (a web page or text a system exported under that name?), `
      + `which is not read; open it in Excel and ${save}`);
  }
}

/**
 * Turns an input file into something DuckDB's read_csv takes: UTF-8 files as they are,
 * GB18030/GBK (what Excel on a Chinese Windows saves as "CSV") transcoded, .xlsx converted
 * (the chosen sheet). Anything unreadable aborts with a LoadError naming the file and, where
 * there is one, the line.
 */
export async function prepareCsv(file: string, tmpDir: string, choice: SheetChoice): Promise<PreparedCsv> {
  const copy = join(tmpDir, `${basename(file)}.csv`);
  try {
    assertRegularFile(file);
    const stamp = stampOf(file);
    const ext = extname(file).toLowerCase();
    refuseOtherFormats(file, ext);
    const xlsx = ext === '.xlsx';
    // A workbook's zip directory alone (a few KiB) is checked before the file is read: the file is
    // then read once whole, to hash it, and a zip bomb is refused before even that.
    const problem = xlsx ? zipFileProblem(file, FOLDER_XLSX_LIMITS) : null;
    if (problem) throw new LoadError(`${file}: ${problem}`);
    const scan = await scanFile(file, { csv: !xlsx });
    let prepared: Omit<PreparedCsv, 'setAside' | 'merges'> & { merges?: MergedRange[] };
    if (xlsx) {
      prepared = { ...(await xlsxToCsv(file, copy, choice, readResources().converted_max)), sha256: scan.sha256, stamp };
    }
    else {
      const shape = scan.shape!;
      if (shape.nulLine !== null) {
        throw new LoadError(`${file}:${shape.nulLine}: 含有 NUL 字节 — a NUL byte on line ${shape.nulLine}: not a text CSV (UTF-16, or a binary file?); save it as "CSV UTF-8"`);
      }
      if (shape.openQuote) {
        const { line, until } = shape.openQuote;
        throw new LoadError(`${file}:${line}: 引号未闭合 — a quote (") opens a value on line ${line} and ` +
          `${until === null ? 'is never closed' : `runs on to line ${until}`}; it would join the lines after it into one value. ` +
          'Remove the stray quote or close it');
      }
      if (scan.utf8) prepared = { csvPath: file, sha256: scan.sha256, shape, stamp };
      else if (await transcodeGb18030(file, copy)) prepared = { csvPath: copy, sha256: scan.sha256, shape, stamp };
      else throw new LoadError(`${file}: 无法识别的编码 — unrecognised encoding (not UTF-8 or GB18030); save it as "CSV UTF-8"`);
      const ends = shape.lineEnds;
      if (ends.loneCr) {
        throw new LoadError(`${file}: 单独的回车符 — a carriage return (CR) stands without a line feed after it (old Mac line endings, or a stray CR `
          + 'in a value), which the reader cannot follow; save the file as "CSV UTF-8"');
      }
      if (ends.crlf !== null && ends.lf !== null) {
        const [first, other] = ends.crlf < ends.lf ? [`CR LF (line ${ends.crlf})`, `LF alone (line ${ends.lf})`] : [`LF alone (line ${ends.lf})`, `CR LF (line ${ends.crlf})`];
        throw new LoadError(`${file}:${Math.max(ends.crlf, ends.lf)}: 换行符不一致 — lines end in ${first} and in ${other}, which the reader cannot follow `
          + '(files joined or edited by different tools?); save the file as "CSV UTF-8"');
      }
    }
    assertUnchanged(file, stamp);
    const long = prepared.shape.longRecords;
    const merges = prepared.merges ?? [];
    if (long.length === 0) return { ...prepared, merges, setAside: [] };
    const short = `${copy}.short.csv`;
    return { ...prepared, merges, csvPath: short, setAside: await setAsideLines(prepared.csvPath, short, long) };
  } catch (error) {
    throw asLoadError(file, error);
  }
}
