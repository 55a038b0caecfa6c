/**
 * Solves a plan in a worker thread: HiGHS runs synchronously for seconds (a minute at national
 * size), and on this thread it would stop the models and exports that run beside the planner
 * from sending DuckDB their next query.
 */
import { Worker } from 'node:worker_threads';
import type { PlanInstance, PlanResult } from '../shared/planner/instance.ts';

export async function solveInWorker(instance: PlanInstance): Promise<PlanResult> {
  const worker = new Worker(new URL('./solve-worker.mjs', import.meta.url));
  try {
    return await new Promise<PlanResult>((resolve, reject) => {
      worker.once('message', (answer: { plan?: PlanResult; error?: string }) =>
        answer.plan ? resolve(answer.plan) : reject(new Error(`planner worker failed: ${answer.error}`)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`planner worker stopped (exit code ${code})`)));
      worker.postMessage(instance);
    });
  } finally {
    await worker.terminate();
  }
}
