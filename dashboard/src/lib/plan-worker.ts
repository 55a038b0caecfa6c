/// <reference lib="webworker" />
/// <reference types="vite/client" />
/**
 * The re-solve's own thread: HiGHS takes from a second to a minute (an infeasible set is searched
 * for the constraints in conflict), and on the page's thread the page would not answer meanwhile.
 */
import loadHighs, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';
import { solvePlan } from '../../../pipeline/shared/planner/solve.ts';
import type { PlanInstance, PlanResult } from '../../../pipeline/shared/planner/instance.ts';

export type SolveReply = { ok: true; result: PlanResult } | { ok: false; message: string };

let loading: Promise<Highs> | null = null;
const highs = () => (loading ??= loadHighs({ locateFile: () => wasmUrl }));

self.onmessage = async (event: MessageEvent<PlanInstance>) => {
  let reply: SolveReply;
  try {
    reply = { ok: true, result: await solvePlan(event.data, highs) };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message ?? String(error) };
  }
  self.postMessage(reply);
};
