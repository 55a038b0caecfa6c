/**
 * Solves a plan in a worker thread: HiGHS runs synchronously for seconds (a minute at national
 * size), and on this thread it would stop the models and exports that run beside the planner
 * from sending DuckDB their next query. The thread starts at once and loads HiGHS while the
 * models it waits for are still building, so the solve does not wait for either.
 */
import v8 from 'node:v8';
import { startWorker } from '../config/worker-code.ts';
import type { PlanInstance, PlanResult } from '../shared/planner/instance.ts';

export interface PlannerWorker {
  /** Solves one instance; a worker solves once. */
  solve(instance: PlanInstance): Promise<PlanResult>;
  close(): Promise<void>;
}

/** V8 flags of the process: WebAssembly compiled by its baseline compiler only, or by both. */
export const BASELINE_ONLY = '--liftoff-only';
export const BASELINE_THEN_OPTIMIZED = '--no-liftoff-only';

/**
 * The worker of one solve. With `baseline`, for a small instance, HiGHS runs as V8's baseline
 * WebAssembly code (Liftoff) only: optimizing its hot functions costs more than it gains on a solve
 * of half a second (the city's: 0.35 s against 0.59 s, 1.3 s of CPU against 1.95), where a national
 * solve gains from it (33.2 s against 45.4 s). V8's flags belong to the process: the flag is set
 * before the thread compiles HiGHS and set back when the worker is closed (`setFlags` is
 * v8.setFlagsFromString but in tests).
 */
export function startPlannerWorker({ baseline = false, setFlags = v8.setFlagsFromString }:
  { baseline?: boolean; setFlags?: (flags: string) => void } = {}): PlannerWorker {
  if (baseline) setFlags(BASELINE_ONLY);
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
    close: () => started.then((worker) => worker.terminate(), () => {}).then(() => {
      if (baseline) setFlags(BASELINE_THEN_OPTIMIZED);
    }),
  };
}
