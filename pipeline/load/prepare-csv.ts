import { basename, join } from 'node:path';
import { asLoadError, LoadError } from './errors.ts';
import { scanFile } from './scan-file.ts';
import { transcodeGb18030 } from './transcode.ts';
import { xlsxToCsv, type SheetChoice } from './xlsx-to-csv.ts';

export interface PreparedCsv {
  /** UTF-8 CSV with the original's line numbering: the input itself, or a copy in tmpDir. */
  csvPath: string;
  sha256: string;
  /** The worksheet read, for an .xlsx. */
  sheet?: string;
}

/**
 * Turns an input file into something DuckDB's read_csv takes: UTF-8 files as they are,
 * GB18030/GBK (what Excel on a Chinese Windows saves as "CSV") transcoded, .xlsx converted
 * (the chosen sheet). Anything unreadable aborts with a LoadError naming the file.
 */
export async function prepareCsv(file: string, tmpDir: string, choice: SheetChoice): Promise<PreparedCsv> {
  const copy = join(tmpDir, `${basename(file)}.csv`);
  try {
    const scan = await scanFile(file);
    if (file.endsWith('.xlsx')) return { ...(await xlsxToCsv(file, copy, choice)), sha256: scan.sha256 };
    if (!scan.binary && scan.utf8) return { csvPath: file, sha256: scan.sha256 };
    if (!scan.binary && (await transcodeGb18030(file, copy))) return { csvPath: copy, sha256: scan.sha256 };
    throw new LoadError(`${file}: 无法识别的编码 — unrecognised encoding (not UTF-8 or GB18030); save it as "CSV UTF-8"`);
  } catch (error) {
    throw asLoadError(file, error);
  }
}
