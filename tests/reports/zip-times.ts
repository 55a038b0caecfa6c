/** Comparing zips written at different times. */
import { expect } from 'vitest';

/** A copy of a stored zip with the time and date of every local and central header zeroed. */
export function withoutTimes(zip: Buffer): Buffer {
  const copy = Buffer.from(zip);
  let at = 0;
  while (copy.readUInt32LE(at) === 0x04034b50) {
    copy.writeUInt32LE(0, at + 10);
    at += 30 + copy.readUInt16LE(at + 26) + copy.readUInt16LE(at + 28) + copy.readUInt32LE(at + 18);
  }
  while (copy.readUInt32LE(at) === 0x02014b50) {
    copy.writeUInt32LE(0, at + 12);
    at += 46 + copy.readUInt16LE(at + 28) + copy.readUInt16LE(at + 30) + copy.readUInt16LE(at + 32);
  }
  expect(copy.readUInt32LE(at)).toBe(0x06054b50);
  return copy;
}
