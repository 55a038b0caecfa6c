/**
 * Solves a plan in a worker thread: HiGHS runs synchronously for seconds (a minute at national
 * size), and on this thread it would stop the models and exports that run beside the planner
 * from sending DuckDB their next query. The thread starts at once and loads HiGHS while the
 * models it waits for are still building, so the solve does not wait for either.
 */
import { startWorker } from '../config/worker-code.ts';
import type { PlanInstance, PlanResult } from '../shared/planner/instance.ts';

export interface PlannerWorker {
  /** Solves one instance; a worker solves once. */
  solve(instance: PlanInstance): Promise<PlanResult>;
  close(): Promise<void>;
}

export function startPlannerWorker(): PlannerWorker {
  const started = startWorker(new URL('./solve-worker.ts', import.meta.url));
  // Failures before a solve is asked for are kept for it; until then nothing waits on them.
  const failed = started.then((worker) => new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`planner worker stopped (exit code ${code})`)));
  }));
  failed.catch(() => {});
  return {
    solve: async (instance) => {
      const worker = await started;
      return Promise.race([failed, new Promise<PlanResult>((resolve, reject) => {
        worker.once('message', (answer: { plan?: PlanResult; error?: string }) =>
          answer.plan ? resolve(answer.plan) : reject(new Error(`planner worker failed: ${answer.error}`)));
        worker.postMessage(instance);
      })]);
    },
    close: () => started.then((worker) => worker.terminate(), () => {}).then(() => {}),
  };
}
