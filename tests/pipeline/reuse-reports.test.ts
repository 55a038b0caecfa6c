import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportsKey } from '../../pipeline/refresh/reuse-reports.ts';
import { linkTree } from '../../pipeline/refresh/link-tree.ts';

const input = (table: string, sha256: string) => ({ table, file: `${table}.csv`, sha256, rows: 1, rejected: 0 });
const inputs = [input('programmes', 'a'), input('demand', 'b'), input('postings', 'c'), input('posting_rules', 'd')];
const policy = { signal: { shortage_below: 0.8 } };

describe('report reuse', () => {
  it('keeps the key when only the postings feed changes, and changes it with anything reports read', () => {
    const key = reportsKey(inputs, policy);
    expect(reportsKey([inputs[0], inputs[1], input('postings', 'new day'), input('posting_rules', 'edited')], policy)).toBe(key);
    expect(reportsKey([input('programmes', 'corrected'), ...inputs.slice(1)], policy)).not.toBe(key);
    expect(reportsKey(inputs, { signal: { shortage_below: 0.7 } })).not.toBe(key);
  });

  it('links every file of a report tree into the new snapshot', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reports-'));
    mkdirSync(join(root, 'old/schools'), { recursive: true });
    writeFileSync(join(root, 'old/index.json'), '{}');
    writeFileSync(join(root, 'old/schools/9500000001.csv'), '\ufeff学校');
    expect(await linkTree(join(root, 'old'), join(root, 'new'))).toBe(2);
    expect(readFileSync(join(root, 'new/schools/9500000001.csv'), 'utf8')).toBe('\ufeff学校');
    expect(statSync(join(root, 'new/index.json')).ino).toBe(statSync(join(root, 'old/index.json')).ino);
    expect(await linkTree(join(root, 'missing'), join(root, 'none'))).toBe(0);
  });

  it('leaves files the new snapshot already has, and the ones it is told to skip', async () => {
    const root = mkdtempSync(join(tmpdir(), 'marts-'));
    mkdirSync(join(root, 'old/provinces'), { recursive: true });
    for (const file of ['dim_district.arrow', 'mart_posting_demand.arrow', 'split.json', 'provinces/mart_posting_demand.arrow']) {
      writeFileSync(join(root, 'old', file), 'old');
    }
    mkdirSync(join(root, 'new'));
    writeFileSync(join(root, 'new/split.json'), 'new');
    expect(await linkTree(join(root, 'old'), join(root, 'new'), (file) => file === 'mart_posting_demand.arrow')).toBe(1);
    expect(readFileSync(join(root, 'new/split.json'), 'utf8')).toBe('new');
    expect(readdirSync(join(root, 'new')).sort()).toEqual(['dim_district.arrow', 'provinces', 'split.json']);
    expect(readdirSync(join(root, 'new/provinces'))).toEqual([]);
  });

  it('links a folder of more files than it links at once, each once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'many-'));
    mkdirSync(join(root, 'old/schools'), { recursive: true });
    for (let i = 0; i < 300; i++) writeFileSync(join(root, `old/schools/${i}.csv`), String(i));
    mkdirSync(join(root, 'new/schools'), { recursive: true });
    writeFileSync(join(root, 'new/schools/7.csv'), 'written by this run');
    expect(await linkTree(join(root, 'old'), join(root, 'new'))).toBe(299);
    expect(readdirSync(join(root, 'new/schools'))).toHaveLength(300);
    expect(readFileSync(join(root, 'new/schools/7.csv'), 'utf8')).toBe('written by this run');
    expect(readFileSync(join(root, 'new/schools/299.csv'), 'utf8')).toBe('299');
  });
});
