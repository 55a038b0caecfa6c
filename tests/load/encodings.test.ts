import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shapeReader } from '../../pipeline/load/csv-shape.ts';
import { scanFile } from '../../pipeline/load/scan-file.ts';
import { inputsWith, inputsWithFixture, load, loadFailure, query, removeInputs } from './helpers.ts';

afterAll(removeInputs);

describe('CSV encodings', () => {
  it('transcodes GB18030 (Chinese headers, a 4-byte character) and keeps the original line numbers', async () => {
    const dir = await inputsWithFixture('gb18030', 'schools.csv');
    const { report, conn } = await load(dir);
    expect(await query(conn, `SELECT school_name FROM raw_schools WHERE school_code = '5001000002'`)).toEqual([
      { school_name: '沙坪坝𠮷祥职业技术学院' },
    ]);
    // Line 4 carries district 500160: one transposition away from 500106, two edits from the others.
    // (Its school is then unknown to programmes.csv too; that cascade is not the point here.)
    expect(report.rejects.filter((r) => r.table === 'schools')).toEqual([
      {
        table: 'schools',
        file: join(dir, 'schools.csv'),
        line: 4,
        column: 'district_code',
        value: '500160',
        reason: 'unknown district_code 500160 — did you mean 500106 沙坪坝区?',
      },
    ]);
    expect(report.inputs.find((i) => i.table === 'schools')).toMatchObject({ rows: 2, rejected: 1 });
  });

  it('reads UTF-8 with a byte-order mark: the first header is recognised', async () => {
    const { report, conn } = await load(await inputsWithFixture('bom', 'districts.csv'));
    expect(report.warnings).toEqual([]);
    expect(await query(conn, `SELECT district_code FROM raw_districts ORDER BY 1`)).toEqual([
      { district_code: '500103' },
      { district_code: '500106' },
      { district_code: '500112' },
    ]);
  });

  it('reads CRLF line ends without a stray carriage return in the last column', async () => {
    const dir = await inputsWithFixture('crlf', 'demand.csv');
    const { report, conn } = await load(dir);
    // seekers is the last column: '60\r' would not be an integer.
    expect(await query(conn, `SELECT sum(seekers)::INTEGER AS seekers FROM raw_demand`)).toEqual([{ seekers: 60 + 50 }]);
    expect(report.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([[3, 'openings', '-3', 'must be ≥ 0']]);
  });

  it('numbers the rejects of a CR LF file whose quoted value holds a line break typed in Excel (Alt+Enter), by the lines a person sees', async () => {
    const lines = ['year,district_code,industry_code,level,openings,seekers,备注', '2024,500103,low_altitude,higher,120,60,"新校区', '在建"',
      '2024,500106,ai,higher,-3,150,'];
    const { report } = await load(await inputsWith({ 'demand.csv': `${lines.join('\r\n').replace('新校区\r\n', '新校区\n')}\r\n` }));
    expect(report.rejects.map((r) => [r.line, r.column, r.value])).toEqual([[4, 'openings', '-3']]);
  });

  it('aborts on bytes that are neither UTF-8 nor GB18030', async () => {
    const dir = await inputsWithFixture('garbage', 'programmes.csv');
    const error = await loadFailure(dir);
    expect(error.name).toBe('LoadError');
    expect(error.message).toBe(
      `${join(dir, 'programmes.csv')}: 无法识别的编码 — unrecognised encoding (not UTF-8 or GB18030); save it as "CSV UTF-8"`,
    );
  });

  it('aborts on UTF-16 ("Unicode text" from Excel): its NUL bytes mark it as not UTF-8 or GB18030', async () => {
    const dir = await inputsWithFixture('utf16', 'programmes.csv');
    expect((await loadFailure(dir)).message).toBe(
      `${join(dir, 'programmes.csv')}:1: 含有 NUL 字节 — a NUL byte on line 1: not a text CSV (UTF-16, or a binary file?); save it as "CSV UTF-8"`,
    );
  });
});

describe('scanFile', () => {
  it('accepts UTF-8 whose multi-byte characters straddle the 1 MiB read chunks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-'));
    const path = join(dir, 'wide.csv');
    // 1 MiB = 1048576 = 3 × 349525 + 1: the first chunk ends one byte into a 3-byte character.
    await writeFile(path, '中'.repeat(700_000));
    expect(await scanFile(path)).toMatchObject({ utf8: true, shape: { nulLine: null } });
    // The same split character at the very end of the file is truncated, not UTF-8.
    await writeFile(path, Buffer.concat([Buffer.from('中'.repeat(400_000)), Buffer.from([0xe4, 0xb8])]));
    expect(await scanFile(path)).toMatchObject({ utf8: false, shape: { nulLine: null } });
    // A character cut at the chunk's end whose next chunk does not continue it is not UTF-8.
    await writeFile(path, Buffer.concat([Buffer.from('中'.repeat(349_525)), Buffer.from([0xe4]), Buffer.from('a'.repeat(10))]));
    expect(await scanFile(path)).toMatchObject({ utf8: false });
    // Cut after its second byte, completed by the next chunk's first byte: UTF-8.
    await writeFile(path, Buffer.concat([Buffer.from('a'.repeat(1_048_574)), Buffer.from('中'.repeat(5))]));
    expect(await scanFile(path)).toMatchObject({ utf8: true });
    await rm(dir, { recursive: true });
  });

  it('hashes and shapes a file of several chunks as it does the same bytes read whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-'));
    const path = join(dir, 'long.csv');
    // Quoted values with line breaks and doubled quotes, over chunk ends at varying places.
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},"第${i}行\n续 ""引""",${'x'.repeat(i % 97)}`);
    const bytes = Buffer.from(['id,text,pad', ...rows].join('\n') + '\n');
    await writeFile(path, bytes);
    const whole = shapeReader();
    whole.update(bytes);
    expect(bytes.length).toBeGreaterThan(3 << 20);
    expect(await scanFile(path)).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), utf8: true, shape: whole.finish() });
    await rm(dir, { recursive: true });
  });
});
