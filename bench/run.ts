/**
 * `npm run bench`: measures the jobs against their budgets, writes bench/results/<date>.json and the
 * generated tables of docs/performance.md. Never part of `npm test`: timings on a shared 2-core
 * machine are evidence, not pass/fail.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULTS, ROOT } from '../pipeline/paths.ts';
import { benchRefresh } from './refresh.ts';
import { replaceSection } from './doc-section.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const at = new Date();

console.error(`refresh of the sample × ${runs} …`);
const refresh = benchRefresh(DEFAULTS.dataDir, runs);

const results = { at: at.toISOString(), node: process.version, cpus: 2, refresh_sample: refresh };
mkdirSync(`${ROOT}/bench/results`, { recursive: true });
writeFileSync(`${ROOT}/bench/results/${at.toISOString().slice(0, 10)}.json`, `${JSON.stringify(results, null, 2)}\n`);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const table = [
  `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${runs} runs, Node ${process.version}, 2 cores.`,
  '',
  '| job | budget | median | p95 | peak RSS |',
  '|---|---|---|---|---|',
  `| refresh of the sample (load → models → tests → Arrow) | < 5 s | ${s(refresh.median_ms)} | ${s(refresh.p95_ms)} | ${refresh.max_rss_mb.toFixed(0)} MB |`,
  '',
  '| stage | median |',
  '|---|---|',
  ...Object.entries(refresh.stage_median_ms).map(([stage, ms]) => `| ${stage} | ${Math.round(ms)} ms |`),
].join('\n');

const docPath = `${ROOT}/docs/performance.md`;
let doc: string;
try {
  doc = readFileSync(docPath, 'utf8');
} catch {
  doc = '# Performance\n';
}
writeFileSync(docPath, replaceSection(doc, 'refresh', table));
console.log(table);
