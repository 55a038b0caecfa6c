/** Zip archives made up for tests. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

/** A one-entry zip whose entry inflates to `size` zero bytes. */
export function zipOf(size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/**
 * Writes at `path` a zip of `size` bytes on disk (sparse: the space is not used) with one stored
 * entry filling it: its local header at the start, its directory at the end, zeros between.
 */
export function writeSparseZip(path: string, size: number): void {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  const end = Buffer.alloc(22);
  const data = size - local.length - name.length - central.length - name.length - end.length;
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data, 20);
  central.writeUInt32LE(data, 24);
  central.writeUInt16LE(name.length, 28);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data, 16);
  const fd = openSync(path, 'w');
  try {
    const head = Buffer.concat([local, name]);
    writeSync(fd, head, 0, head.length, 0);
    const tail = Buffer.concat([central, name, end]);
    writeSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
}
