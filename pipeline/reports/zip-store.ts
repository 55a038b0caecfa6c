/**
 * A zip archive of stored (uncompressed) entries, laid out as JSZip writes them: parent folders
 * as entries of their own before the first file in them, DOS times in UTC, no extra fields. The
 * workbooks were written by exceljs through JSZip before; this keeps their bytes (bar the times).
 */
import { crc32 } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION_NEEDED = 10;
const MADE_BY = 20;
const DIRECTORY = 0x10;

interface Entry { name: Buffer; data: Buffer; crc: number; offset: number; folder: boolean }

/** DOS time and date fields of `date`, as JSZip computes them. */
function dosTime(date: Date): [number, number] {
  const time = (((date.getUTCHours() << 6) | date.getUTCMinutes()) << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = (((date.getUTCFullYear() - 1980) << 4) | (date.getUTCMonth() + 1)) << 5 | date.getUTCDate();
  return [time, day];
}

/** The fields local and central headers share, from "version needed" to the extra field's length. */
function entryFields(out: Buffer, start: number, e: Entry, time: number, day: number): number {
  let at = out.writeUInt16LE(VERSION_NEEDED, start);
  at = out.writeUInt16LE(0, at); // flags
  at = out.writeUInt16LE(0, at); // stored
  at = out.writeUInt16LE(time, at);
  at = out.writeUInt16LE(day, at);
  at = out.writeUInt32LE(e.crc >>> 0, at);
  at = out.writeUInt32LE(e.data.length, at);
  at = out.writeUInt32LE(e.data.length, at);
  at = out.writeUInt16LE(e.name.length, at);
  return out.writeUInt16LE(0, at); // extra field
}

/** The bytes of a zip holding `files` (path → content) in order, each stored, dated `date`. */
export function zipStore(files: [string, string | Buffer][], date = new Date()): Buffer {
  const entries: Entry[] = [];
  const folders = new Set<string>();
  let offset = 0;
  const add = (name: string, data: Buffer, folder: boolean) => {
    const entry = { name: Buffer.from(name, 'utf8'), data, crc: folder ? 0 : crc32(data), offset, folder };
    entries.push(entry);
    offset += 30 + entry.name.length + data.length;
  };
  for (const [path, content] of files) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = `${parts.slice(0, i).join('/')}/`;
      if (!folders.has(folder)) {
        folders.add(folder);
        add(folder, Buffer.alloc(0), true);
      }
    }
    add(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, false);
  }
  const [time, day] = dosTime(date);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = Buffer.allocUnsafe(offset + centralSize + 22);
  let at = 0;
  for (const e of entries) {
    at = entryFields(out, out.writeUInt32LE(LOCAL, at), e, time, day);
    at += e.name.copy(out, at);
    at += e.data.copy(out, at);
  }
  for (const e of entries) {
    at = out.writeUInt32LE(CENTRAL, at);
    at = entryFields(out, out.writeUInt16LE(MADE_BY, at), e, time, day);
    at = out.writeUInt16LE(0, at); // comment
    at = out.writeUInt16LE(0, at); // disk
    at = out.writeUInt16LE(0, at); // internal attributes
    at = out.writeUInt32LE(e.folder ? DIRECTORY : 0, at);
    at = out.writeUInt32LE(e.offset, at);
    at += e.name.copy(out, at);
  }
  at = out.writeUInt32LE(END, at);
  at = out.writeUInt16LE(0, at);
  at = out.writeUInt16LE(0, at);
  at = out.writeUInt16LE(entries.length, at);
  at = out.writeUInt16LE(entries.length, at);
  at = out.writeUInt32LE(centralSize, at);
  at = out.writeUInt32LE(offset, at);
  out.writeUInt16LE(0, at); // comment
  return out;
}
