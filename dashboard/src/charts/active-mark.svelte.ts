/**
 * The mark under the pointer or keyboard focus in a chart: drives its tooltip and highlight.
 * Shared by every chart so that mouse and keyboard behave the same everywhere.
 */
import { stepIndex } from '../lib/chart-keys.ts';

/** `open`, when given, is what Enter does on the active mark (e.g. a drill-down). */
export function activeMark(count: () => number, open?: (index: number) => void) {
  let index = $state<number | null>(null);
  return {
    get index() { return index; },
    set(i: number | null) { index = i; },
    keydown(event: KeyboardEvent) {
      if (event.key === 'Escape') index = null;
      if (event.key === 'Enter' && open && index !== null) {
        event.preventDefault();
        open(index);
        return;
      }
      const next = stepIndex(event.key, index, count());
      if (next === undefined) return;
      event.preventDefault();
      index = next;
    },
    focus() { index ??= 0; },
    blur() { index = null; },
  };
}
