/** The planner's worker thread: loads HiGHS at once, then solves the instance it is sent and answers with the plan, or the error. */
import { parentPort } from 'node:worker_threads';
import { preloadHighs, solvePlan } from '../shared/planner/solve.ts';
import type { PlanInstance } from '../shared/planner/instance.ts';

const port = parentPort!;
void preloadHighs().catch(() => {}); // a failure to load shows again, with its reason, in the solve
port.once('message', async (instance: PlanInstance) => {
  try {
    port.postMessage({ plan: await solvePlan(instance) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
