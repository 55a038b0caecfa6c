import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { formatSummary } from '../../pipeline/refresh/format-summary.ts';
import type { Manifest, RejectEntry } from '../../pipeline/refresh/manifest.ts';
import { writeRejectsCsv } from '../../pipeline/refresh/save-rejects.ts';

const dir = mkdtempSync(join(tmpdir(), 'summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 12 failed checks on 3 rows: row 2 fails ten fields. */
const rejects: RejectEntry[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ table: 'programmes', file: 'in/programmes.csv', line: 2, column: `c${i}`, value: 'x', reason: 'not an integer' })),
  { table: 'programmes', file: 'in/programmes.csv', line: 5, column: 'major_code', value: '520101', reason: 'unknown major_code 520101' },
  { table: 'schools', file: 'in/schools.csv', line: 3, column: 'school_code', value: '=1+1', reason: 'not a 10-digit code' },
];
const manifest = {
  title: 'test', synthetic: false, snapshot: 's1', summary: null,
  inputs: [{ table: 'programmes', file: 'in/programmes.csv', sha256: '', rows: 40, rejected: 2 },
    { table: 'schools', file: 'in/schools.csv', sha256: '', rows: 9, rejected: 1 }],
  rejected_total: rejects.length, rejects, rejects_file: 'rejects.csv',
} as unknown as Manifest;

it('counts rejected rows and reasons apart, quotes the first 10 rejects and names the full list', () => {
  const lines = formatSummary(manifest, 1234, join(dir, 'snap')).split('\n');
  expect(lines).toContain('载入 Loaded: 49 rows from 2 inputs; 拒收 rejected: 3 rows (12 reasons)');
  const quoted = lines.filter((l) => l.startsWith('  in/'));
  expect(quoted).toHaveLength(10);
  expect(quoted[0]).toBe('  in/programmes.csv:2:c0: x — 不是整数 — not an integer');
  expect(lines).toContain(`  全部拒收 full list: ${join(dir, 'snap', 'rejects.csv')}`);
});

it('says nothing of rejects when there are none', () => {
  const text = formatSummary({ ...manifest, inputs: manifest.inputs.map((i) => ({ ...i, rejected: 0 })), rejected_total: 0, rejects: [] }, 1);
  expect(text).toContain('拒收 rejected: 0 rows\n');
  expect(text).not.toContain('full list');
});

it('writes the full list for Excel: BOM, every reject, formula-like values neutralised', () => {
  const path = join(dir, 'rejects.csv');
  writeRejectsCsv(path, rejects);
  const lines = readFileSync(path, 'utf8').split('\r\n');
  expect(lines[0]).toBe('\uFEFF文件 file,行 line,列 column,值 value,原因 reason,表 table');
  expect(lines).toHaveLength(rejects.length + 2);
  expect(lines[12]).toBe("in/schools.csv,3,school_code,'=1+1,不是 10 位数字代码 — not a 10-digit code,schools");
});

it('says which part of the graduates is estimated, beside them', () => {
  const summary = { year: 2025, programme_points: 3350, schools: 170, match_rate: 0.89, graduates: 302253, estimated_graduates: 47189, digital_share: 0.157,
    students: 900000, estimated_students: 0 };
  expect(formatSummary({ ...manifest, summary } as Manifest, 1)).toContain(' · 毕业生 graduates 302,253 (其中估算 estimated 47,189) · ');
  expect(formatSummary({ ...manifest, summary: { ...summary, estimated_graduates: 0 } } as Manifest, 1)).toContain(' · 毕业生 graduates 302,253 · ');
});

it('says which part of the students behind the digital share is estimated', () => {
  const summary = { year: 2025, programme_points: 3350, schools: 170, match_rate: 0.89, graduates: 302253, estimated_graduates: 0, digital_share: 0.157,
    students: 900000, estimated_students: 37800 };
  expect(formatSummary({ ...manifest, summary } as Manifest, 1)).toContain(' · 数字技能占比 digital 15.7 % (在校生中估算 students estimated 4.2 %)\n');
  expect(formatSummary({ ...manifest, summary: { ...summary, estimated_students: 0 } } as Manifest, 1)).toContain(' · 数字技能占比 digital 15.7 %\n');
});
