/**
 * Re-solving the plan in the browser: the planner's own model and solver (shared/planner) in a
 * worker thread (plan-worker.ts), with HiGHS's WebAssembly fetched from the build's assets. The
 * page answers meanwhile, and the analyst may cancel. Nothing leaves the page, so no server
 * endpoint and no role check is involved: the analyst re-solves on data the page already holds.
 */
import type { PlanInstance, PlanResult } from '../../../pipeline/shared/planner/instance.ts';
import type { SolveReply } from './plan-worker.ts';

export interface Solving {
  /** The plan; rejected when the solver fails, or with a CancelledSolve when cancelled. */
  result: Promise<PlanResult>;
  cancel(): void;
}

export class CancelledSolve extends Error {}

export function solveInBrowser(instance: PlanInstance): Solving {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const result = new Promise<PlanResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<SolveReply>) => (event.data.ok ? resolve(event.data.result) : reject(new Error(event.data.message)));
    worker.onerror = (event) => reject(new Error(event.message || 'the solver thread failed'));
    cancel = () => reject(new CancelledSolve('cancelled'));
    worker.postMessage(instance);
  }).finally(() => worker.terminate());
  return { result, cancel: () => cancel() };
}
