import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FOLDER_XLSX_LIMITS, zipFileProblem, zipProblem } from '../../pipeline/load/zip-check.ts';
import { writeSparseZip, zipOf } from '../support/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'zip-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the zip check of a data folder\'s workbook, read from the file', () => {
  it('answers as the check of the bytes in memory does, for a workbook, a bomb and broken archives', () => {
    const valid = zipOf(1000);
    const withComment = Buffer.concat([valid.subarray(0, valid.length - 2), Buffer.from([5, 0]), Buffer.from('hello')]);
    const pointsOutside = Buffer.from(valid);
    pointsOutside.writeUInt32LE(valid.length, valid.length - 6); // the directory's offset, past the end record
    const cases: Record<string, Buffer> = {
      valid, withComment, pointsOutside,
      bomb: zipOf(64 * 1024 * 1024),
      truncated: valid.subarray(0, valid.length - 10),
      'not a zip': Buffer.from('year,school_code\n2024,5001000001\n'),
      empty: Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, bytes);
      expect(zipFileProblem(file, FOLDER_XLSX_LIMITS), name).toBe(zipProblem(bytes, FOLDER_XLSX_LIMITS));
    }
    expect(zipProblem(valid)).toBeNull();
    expect(zipProblem(withComment)).toBeNull();
    expect(zipProblem(cases.bomb)).toContain('压缩炸弹');
  });

  it('reads only the directory, not the file whole: a 3 GB workbook (sparse, too large to read into memory) is checked', () => {
    const size = 3 * 1024 ** 3;
    const file = join(dir, 'large.xlsx');
    writeSparseZip(file, size);
    expect(statSync(file).size).toBe(size);
    expect(zipFileProblem(file, FOLDER_XLSX_LIMITS)).toBe('xlsx 解压后 3072 MB，超过上限 2048 MB — too large once unpacked');
    expect(zipFileProblem(file, { ...FOLDER_XLSX_LIMITS, maxTotalBytes: 4 * 1024 ** 3 })).toBeNull();
  });
});
