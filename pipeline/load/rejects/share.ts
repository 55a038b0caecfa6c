import { LoadError } from '../errors.ts';
import { REJECTED_ROW } from '../foreign-keys.ts';
import { formatReject, type Reject } from './reject.ts';

/** How many rejects an abort message quotes: enough to see the pattern, short enough to read. */
const QUOTED_REJECTS = 10;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Aborts when a table has no data rows, or when more than reject_share_max of its rows were
 * rejected: past that share the remaining figures would mislead more than they inform.
 */
export function checkRejectShare(file: string, counts: { rows: number; rejected: number }, rejects: Reject[], max: number): void {
  if (counts.rows === 0) throw new LoadError(`${file}: 文件为空 — empty file (no data rows)`);
  const share = counts.rejected / counts.rows;
  if (share <= max) return;
  const quoted = rejects.slice(0, QUOTED_REJECTS).map((r) => `  ${formatReject(r)}`);
  // Rows refusing a row another file rejected: that row is the one to correct, and then these load.
  const referring = rejects.filter((r) => r.reason.startsWith(REJECTED_ROW)).length;
  throw new LoadError(
    `${file}: 拒收比例过高 — ${percent(share)} of rows rejected (${counts.rejected} of ${counts.rows}), ` +
      `above load.reject_share_max ${percent(max)}` +
      (referring ? `; ${referring} of them refer to rows rejected in the file they reference: correct those rows first` : '') +
      `; first rejects:\n${quoted.join('\n')}`,
  );
}
