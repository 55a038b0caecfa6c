/**
 * Keyboard access to chart marks: a chart is one tab stop, and the arrow keys move between its
 * marks (showing each one's tooltip), so a long chart does not swallow dozens of tab presses.
 */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/** The next active mark index for a key, or undefined when the key is not for navigation. */
export function stepIndex(key: string, current: number | null, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (!(key in STEPS)) return undefined;
  if (current === null) return 0;
  return Math.min(count - 1, Math.max(0, current + STEPS[key]));
}
