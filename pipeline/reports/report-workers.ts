/**
 * School reports written by worker threads: rendering is CPU work in JavaScript, so at national
 * scale (11,000 schools) the machine's cores share it. The main thread keeps the data read from
 * DuckDB and hands each worker a batch of schools with only their rows; results come back in
 * batch order, so index.json is the same as in one thread.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../config/worker-code.ts';
import type { Rec, ReportData } from './load-report-data.ts';
import type { ReportContext } from './report-model.ts';
import type { SchoolReportEntry } from './write-report.ts';

/** Schools per batch: small enough to spread evenly, large enough that messages cost nothing. */
const BATCH = 100;
/** Batches queued per worker, so that a worker never waits for the main thread. */
const QUEUED = 2;

export interface SchoolBatch { id: number; outDir: string; context: ReportContext; data: ReportData }

export type WorkerMessage =
  | { type: 'progress'; code: string }
  | { type: 'done'; id: number; entries: SchoolReportEntry[] }
  | { type: 'failed'; id: number; message: string };

const pick = <T>(map: Map<string, T>, codes: string[]) =>
  new Map(codes.flatMap((code) => (map.has(code) ? [[code, map.get(code)!] as [string, T]] : [])));

/** The part of the report data that the reports of `schools` read. */
function schoolSlice(data: ReportData, schools: Rec[]): ReportData {
  const codes = schools.map((s) => String(s.school_code));
  return {
    year: data.year,
    thresholds: data.thresholds,
    schools,
    schoolsByCode: pick(data.schoolsByCode, codes),
    industries: [],
    school: {
      rows: pick(data.school.rows, codes),
      recommendations: pick(data.school.recommendations, codes),
      industries: pick(data.school.industries, codes),
      trend: pick(data.school.trend, codes),
      plan: pick(data.school.plan, codes),
    },
    planStatus: data.planStatus,
    industry: {
      years: new Map(), programmes: new Map(), recommendations: new Map(), reviews: new Map(), segments: new Map(),
      loop: new Map(), loopDetail: new Map(), lag: new Map(),
    },
  };
}

/**
 * Writes every school's report with `workers` threads; `progress` is called with each school code
 * as its files are written. Resolves to the index entries in the order of data.schools.
 */
export async function writeSchoolsInWorkers(data: ReportData, outDir: string, context: ReportContext, workers: number,
  progress: (code: string) => void): Promise<SchoolReportEntry[]> {
  const batches: Rec[][] = [];
  for (let i = 0; i < data.schools.length; i += BATCH) batches.push(data.schools.slice(i, i + BATCH));
  const results: SchoolReportEntry[][] = [];
  const started = await Promise.allSettled(Array.from({ length: Math.min(workers, batches.length) },
    () => startWorker(new URL('./report-worker.ts', import.meta.url))));
  const threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failedStart = started.find((s) => s.status === 'rejected');
    if (failedStart) throw failedStart.reason;
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const dispatch = (worker: Worker) => {
        if (next >= batches.length) return;
        const id = next++;
        worker.postMessage({ id, outDir, context, data: schoolSlice(data, batches[id]) } satisfies SchoolBatch);
      };
      if (batches.length === 0) resolve();
      for (const worker of threads) {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') return progress(message.code);
          if (message.type === 'failed') return reject(new Error(`report worker failed: ${message.message}`));
          results[message.id] = message.entries;
          if (++finished === batches.length) resolve();
          else dispatch(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`report worker stopped (exit code ${code})`)));
        for (let q = 0; q < QUEUED; q++) dispatch(worker);
      }
    });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return results.flat();
}
