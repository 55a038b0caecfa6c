/**
 * The mark under the pointer or keyboard focus in a chart: drives its tooltip and highlight.
 * Shared by every chart so that mouse and keyboard behave the same everywhere.
 */
import { stepIndex } from '../lib/chart-keys.ts';

export function activeMark(count: () => number) {
  let index = $state<number | null>(null);
  return {
    get index() { return index; },
    set(i: number | null) { index = i; },
    keydown(event: KeyboardEvent) {
      if (event.key === 'Escape') index = null;
      const next = stepIndex(event.key, index, count());
      if (next === undefined) return;
      event.preventDefault();
      index = next;
    },
    focus() { index ??= 0; },
    blur() { index = null; },
  };
}
