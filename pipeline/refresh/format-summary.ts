/** The few lines a refresh ends with: what was loaded, what was rejected, the headline figures. */
import { join } from 'node:path';
import { formatReject } from '../load/rejects/reject.ts';
import { rejectedRows, type Manifest } from './manifest.ts';

/** Rejects quoted in the terminal; the rest are in the snapshot's rejects.csv. */
export const QUOTED_REJECTS = 10;

const int = (n: number) => n.toLocaleString('zh-CN');
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

/**
 * `snapshotDir` is where the snapshot was published: the full reject list is named by its path there.
 * Rejected rows are counted once however many checks they fail; the reasons are counted apart.
 */
export function formatSummary(m: Manifest, ms: number, snapshotDir?: string): string {
  const rows = m.inputs.reduce((n, i) => n + i.rows, 0);
  const lines = [
    '',
    `数据 Data: ${m.title}`,
    ...(m.synthetic ? ['⚠ 合成示例数据，非真实统计 — synthetic sample, not real statistics'] : []),
    `载入 Loaded: ${int(rows)} rows from ${m.inputs.length} inputs; 拒收 rejected: ${int(rejectedRows(m.inputs))} rows`
      + (m.rejected_total > 0 ? ` (${int(m.rejected_total)} reasons)` : ''),
  ];
  if (m.rejected_total > 0) {
    lines.push(...m.rejects.slice(0, QUOTED_REJECTS).map((r) => `  ${formatReject({ ...r, value: r.value ?? '' })}`));
    if (m.rejects_file && snapshotDir) lines.push(`  全部拒收 full list: ${join(snapshotDir, m.rejects_file)}`);
  }
  if (m.summary) {
    const s = m.summary;
    lines.push(
      `${s.year}: 专业点 points ${int(s.programme_points)} · 学校 schools ${int(s.schools)} · 重点产业匹配度 match ${pct(s.match_rate)}`
        + ` · 毕业生 graduates ${int(s.graduates)}${s.estimated_graduates > 0 ? ` (其中估算 estimated ${int(s.estimated_graduates)})` : ''}`
        + ` · 数字技能占比 digital ${pct(s.digital_share)}`
        + (s.estimated_students > 0 ? ` (在校生中估算 students estimated ${pct(s.estimated_students / s.students)})` : ''),
    );
  }
  lines.push(`快照 Snapshot ${m.snapshot} published in ${(ms / 1000).toFixed(2)} s`);
  return lines.join('\n');
}
