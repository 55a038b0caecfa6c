/**
 * An .xlsx is a zip archive, and a small zip can inflate to gigabytes (a zip bomb). Before the
 * loader opens a workbook, uploaded or in the data folder, its central directory is read — only the
 * directory, nothing is inflated — and the archive is refused when it declares too much.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ZipLimits { maxEntries: number; maxTotalBytes: number; maxRatio: number }

/** An upload's limits. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };

/**
 * A data folder's workbook may be a whole province's programmes near Excel's last row, several
 * hundred megabytes unpacked; no sheet of real data compresses 200:1, which a bomb must.
 */
export const FOLDER_XLSX_LIMITS: ZipLimits = { ...XLSX_LIMITS, maxTotalBytes: 2 * 1024 * 1024 * 1024 };

const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Whether bytes begin as a zip archive (an .xlsx) does: PK\x03\x04. */
export const isZip = (head: Uint8Array) => head.length >= 4 && Buffer.from(head.buffer, head.byteOffset, 4).readUInt32LE(0) === LOCAL;

/** An archive's bytes as the check reads them: its size, and `length` bytes from `at` (never past the end). */
interface ZipBytes { size: number; read(at: number, length: number): Buffer }

/** Why the archive is refused (Chinese — English), or null when its directory is within the limits. */
export function zipProblem(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return directoryProblem({ size: buf.length, read: (at, length) => buf.subarray(at, at + length) }, limits);
}

/**
 * zipProblem of a file, reading only what the check looks at: its first bytes, its last 64 KiB (where
 * the end of the directory is) and its directory. The whole file is read once, to hash it, and not
 * a second time for this check (a 50 MB workbook would be read again into memory whole).
 */
export function zipFileProblem(path: string, limits: ZipLimits = XLSX_LIMITS): string | null {
  const fd = openSync(path, 'r');
  try {
    const read = (at: number, length: number) => {
      const out = Buffer.allocUnsafe(length);
      let n = 0;
      for (let got; n < length && (got = readSync(fd, out, n, length - n, at + n)) > 0;) n += got;
      return out.subarray(0, n);
    };
    return directoryProblem({ size: fstatSync(fd).size, read }, limits);
  } finally {
    closeSync(fd);
  }
}

function directoryProblem(zip: ZipBytes, limits: ZipLimits): string | null {
  if (zip.size < 22 || !isZip(zip.read(0, 4))) return '不是有效的 xlsx 文件 — not an xlsx (zip) file';
  // The end record is in the last 22 bytes, or before a comment of at most 65,535.
  const from = Math.max(0, zip.size - 22 - 65_535);
  const tail = zip.read(from, zip.size - from);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) { end = i; break; }
  }
  if (end < 0) return 'xlsx 文件不完整 — the zip directory is missing (truncated file?)';
  const entries = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  end += from;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'xlsx 文件过大（ZIP64）— ZIP64 archives are not accepted';
  if (entries > limits.maxEntries) return `xlsx 内含文件过多（${entries}）— too many parts in the archive`;
  if (offset + size > end) return 'xlsx 文件结构损坏 — the zip directory points outside the file';
  // The directory's entries, up to the end record (the size it declares is not trusted to hold them).
  const dir = zip.read(offset, end - offset);
  let total = 0;
  for (let at = 0, n = 0; n < entries; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) return 'xlsx 文件结构损坏 — damaged zip directory';
    const compressed = dir.readUInt32LE(at + 20);
    const inflated = dir.readUInt32LE(at + 24);
    if (compressed === 0xffffffff || inflated === 0xffffffff) return 'xlsx 文件过大（ZIP64）— ZIP64 archives are not accepted';
    total += inflated;
    if (inflated > 1024 * 1024 && inflated > compressed * limits.maxRatio) {
      return `xlsx 压缩比异常（${Math.round(inflated / Math.max(compressed, 1))}:1），疑似压缩炸弹 — refused as a possible zip bomb`;
    }
    at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  if (total > limits.maxTotalBytes) {
    return `xlsx 解压后 ${Math.round(total / 1024 / 1024)} MB，超过上限 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB — too large once unpacked`;
  }
  return null;
}
