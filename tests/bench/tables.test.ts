/**
 * The classification rows of the benchmark's tables: the whole-year figure from the classification
 * benchmark, the one-day figure from the nightly refresh's postings and models stages, each judged
 * against its goal. The results are made up for the test.
 */
import { describe, expect, it } from 'vitest';
import type { ClassificationBench } from '../../bench/classification.ts';
import type { NightlyBench } from '../../bench/nightly.ts';
import { classificationTable, goalsTable, type BenchResults, type ScaleResult } from '../../bench/tables.ts';

const refresh = { runs: [], median_ms: 90_000, p95_ms: 90_000, max_rss_mb: 2000, stage_median_ms: {} };

function results(yearMs: number, nightStages: Record<string, number>): BenchResults {
  const classification: ClassificationBench = {
    runs: [], postings: 10_081_127, values: 1_234_567, median_ms: yearMs, segment_median_ms: yearMs / 4,
    models_median_ms: (yearMs * 3) / 4, cpu_median_ms: yearMs, max_rss_mb: 900,
  };
  const nightly = { ...refresh, median_ms: 6000, stage_median_ms: nightStages, stored_days: 362, new_days: [] } as NightlyBench;
  const national = { data_dir: '', generated_ms: 0, sizes: {}, refresh, ingest: { skipped: 'x' }, nightly, reports: { skipped: 'x' },
    classification, browser: { skipped: 'x' }, dashboard: null } as ScaleResult;
  return { at: '2026-12-04T00:00:00Z', node: 'v20', cpus: 2, runs: 3, load_average: [1, 1, 1], scales: { national } };
}

const goal = (table: string, start: string) => table.split('\n').find((line) => line.startsWith(`| ${start}`));

describe('classification benchmark rows', () => {
  it('judges the year against 120 s and one day (nightly postings + models stages) against 10 s', () => {
    const within = goalsTable(results(80_000, { postings: 400, models: 1800 }));
    expect(goal(within, 'national: classification of the year')).toBe('| national: classification of the year (words + posting models) < 120 s | 80.0 s | met |');
    expect(goal(within, 'national: classification of one new day')).toMatch(/\| 2\.20 s \| met \|$/);
    const over = goalsTable(results(130_000, { postings: 4000, models: 6500 }));
    expect(goal(over, 'national: classification of the year')).toMatch(/\| 130\.0 s \| \*\*not met\*\* \|$/);
    expect(goal(over, 'national: classification of one new day')).toMatch(/\| 10\.5 s \| \*\*not met\*\* \|$/);
  });

  it('shows the year split into words and models, and the day', () => {
    const table = classificationTable(results(80_000, { postings: 400, models: 1800 }));
    expect(table).toContain('| cut into words | 20.0 s |');
    expect(table).toContain('| posting models | 60.0 s |');
    expect(table).toContain('| **one new day** (nightly stages postings + models) | **2.20 s** |');
  });
});
