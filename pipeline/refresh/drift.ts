/**
 * Drift checks: a new snapshot is compared with the one being served before it replaces it. An input
 * that shrinks sharply or a headline figure that jumps implausibly is far more often a broken export
 * upstream than a real change, so the refresh stops and says what moved.
 */
import type { InputEntry } from './manifest.ts';
import type { Summary } from './summary.ts';

export interface DriftLimits {
  /** Largest accepted fall in an input's row count, as a share (0.3 = 30 %). */
  drift_max_shrink: number;
  /** Largest accepted relative change of a headline figure between snapshots of the same year. */
  drift_max_jump: number;
}

interface Side { inputs: InputEntry[]; summary: Summary | null }

/** Inputs whose size changes by nature: a year's proposal may change far fewer programmes than the last one. */
const UNSIZED = new Set(['plan_proposals']);

const HEADLINES = ['programme_points', 'schools', 'graduates'] as const;

/** Inputs holding the same rows under another name: the 备案 listing holds the programme rows (load/locate-input.ts). */
const ROWS_OF: Record<string, string> = { programme_listing: 'programmes' };
const rowsOf = (table: string) => ROWS_OF[table] ?? table;

/** Findings in plain words; empty when the new snapshot looks like a plausible successor. */
export function checkDrift(previous: Side | null, next: Side, limits: DriftLimits): string[] {
  if (!previous) return [];
  const findings: string[] = [];
  // A school's own file holds that school's rows only: the table's size is its main file's, with the rows schools replaced.
  const wholes = (side: Side) => side.inputs.filter((i) => !i.schools);
  const size = (i: InputEntry) => i.rows + (i.replaced ?? 0);
  for (const input of wholes(next)) {
    const before = wholes(previous).find((i) => i.table === input.table) ?? wholes(previous).find((i) => rowsOf(i.table) === rowsOf(input.table));
    if (!before || size(before) === 0 || UNSIZED.has(input.table)) continue;
    const shrink = 1 - size(input) / size(before);
    if (shrink > limits.drift_max_shrink) {
      const name = before.table === input.table ? input.table : `${input.table} (before: ${before.table})`;
      findings.push(`${name}: ${size(before)} → ${size(input)} rows (−${(shrink * 100).toFixed(0)} %, limit ${limits.drift_max_shrink * 100} %)`);
    }
  }
  const a = previous.summary;
  const b = next.summary;
  if (a && b && a.year === b.year) {
    for (const key of HEADLINES) {
      const jump = a[key] ? Math.abs(b[key] / a[key] - 1) : 0;
      if (jump > limits.drift_max_jump) {
        findings.push(`${b.year} ${key}: ${a[key]} → ${b[key]} (${(jump * 100).toFixed(0)} % change, limit ${limits.drift_max_jump * 100} %)`);
      }
    }
  }
  return findings;
}
