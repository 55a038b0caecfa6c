/// <reference types="vite/client" />
/**
 * Re-solving the plan in the browser: the planner's own model and solver (shared/planner), with
 * HiGHS's WebAssembly fetched from the build's assets. Nothing leaves the page, so no server
 * endpoint and no role check is involved: the analyst re-solves on data the page already holds.
 */
import loadHighs, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';
import { solvePlan } from '../../../pipeline/shared/planner/solve.ts';
import type { PlanInstance, PlanResult } from '../../../pipeline/shared/planner/instance.ts';

let loading: Promise<Highs> | null = null;
const browserHighs = () => (loading ??= loadHighs({ locateFile: () => wasmUrl }));

export const solveInBrowser = (instance: PlanInstance): Promise<PlanResult> => solvePlan(instance, browserHighs);
