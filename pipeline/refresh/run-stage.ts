/**
 * One stage of a refresh: a fault point at its start (for the crash tests), its start and end
 * told to the effects (progress line, log), its time recorded in the run's `stages`.
 */
import { faultPoint } from './fault.ts';
import type { Effects } from '../config/effects.ts';

export type Stage = <T>(name: string, work: () => Promise<T>, detail: (value: T) => string) => Promise<T>;

export function stageRunner(effects: Effects, stages: Record<string, number>): Stage {
  return async (name, work, detail) => {
    faultPoint(name);
    effects.stageStart(name);
    const t0 = performance.now();
    const value = await work();
    stages[name] = Math.round(performance.now() - t0);
    effects.stageEnd(name, stages[name], detail(value));
    return value;
  };
}

/** Every result once all have settled (none left running on a connection about to close), or the first failure. */
export async function allSettledOrThrow<T extends readonly unknown[]>(work: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
