/**
 * The reports stage with worker threads writes the same files as in one thread: HTML, CSV and
 * index.json byte for byte, workbooks apart from the zip entries' times.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports, type ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { setPolicyVariables } from '../../pipeline/config/policy.ts';
import { sampleConnection, sampleManifest } from '../support/warehouse.ts';
import { withoutTimes } from './zip-times.ts';

const dirs: string[] = [];
const indexes: ReportIndex[] = [];
const progress: [string, number, number][] = [];

beforeAll(async () => {
  const conn = await sampleConnection();
  const manifest = sampleManifest();
  await setPolicyVariables(conn, manifest.policy);
  const context = {
    snapshot: manifest.snapshot, finished_at: manifest.finished_at, data_label: manifest.data_label,
    synthetic: manifest.synthetic, title: manifest.title,
  };
  for (const workers of [0, 2]) {
    const dir = mkdtempSync(join(tmpdir(), `reports-${workers}-`));
    dirs.push(dir);
    indexes.push(await generateReports(conn, dir, context,
      { progress: (label, done, total) => { if (workers) progress.push([label, done, total]); } }, { workers }));
  }
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('reports written by worker threads', () => {
  it('lists the same reports in the same order', () => {
    expect(indexes[1]).toEqual(indexes[0]);
    expect(readFileSync(join(dirs[1], 'index.json'))).toEqual(readFileSync(join(dirs[0], 'index.json')));
  });

  it('writes the same files', () => {
    for (const folder of ['schools', 'industries']) {
      const files = readdirSync(join(dirs[0], folder)).sort();
      expect(readdirSync(join(dirs[1], folder)).sort()).toEqual(files);
      for (const file of files) {
        const [single, parallel] = dirs.map((dir) => readFileSync(join(dir, folder, file)));
        if (file.endsWith('.xlsx')) expect(withoutTimes(parallel).equals(withoutTimes(single)), file).toBe(true);
        else expect(parallel.equals(single), file).toBe(true);
      }
    }
  });

  it('reports progress for every school and industry', () => {
    const total = indexes[0].schools.length + indexes[0].industries.length;
    expect(progress.map(([, done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(progress.map(([label]) => label)).size).toBe(total);
    expect(progress.every(([, , t]) => t === total)).toBe(true);
  });
});
