/**
 * One reports run in its own process, cold as at refresh time (module load, locale data and JIT
 * included): prints {"ms", "cpu_ms", "files", "bytes", "max_rss_mb"} as JSON; cpu_ms (user + system,
 * all threads) tells a slow run from a busy machine.
 * Usage: tsx bench/reports-once.ts <warehouseDir> <outDir>
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { setPolicyVariables } from '../pipeline/config/policy.ts';
import { CURRENT } from '../pipeline/refresh/snapshot.ts';
import type { Manifest } from '../pipeline/refresh/manifest.ts';

const [warehouseDir, outDir] = process.argv.slice(2);
const snapshot = join(warehouseDir, CURRENT);
const manifest = JSON.parse(readFileSync(join(snapshot, 'manifest.json'), 'utf8')) as Manifest;
const instance = await DuckDBInstance.create(join(snapshot, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
const conn = await instance.connect();
await setPolicyVariables(conn, manifest.policy);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { generateReports } = await import('../pipeline/reports/generate-reports.ts');
await generateReports(conn, outDir, {
  snapshot: manifest.snapshot, finished_at: manifest.finished_at, data_label: manifest.data_label,
  synthetic: manifest.synthetic, title: manifest.title,
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const files = ['schools', 'industries'].flatMap((folder) => readdirSync(join(outDir, folder)).map((f) => join(outDir, folder, f)));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(JSON.stringify({ ms, cpu_ms: (cpu.user + cpu.system) / 1000, files: files.length, bytes, max_rss_mb: process.resourceUsage().maxRSS / 1024 }));
