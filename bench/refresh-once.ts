/**
 * One refresh in its own process, so its peak RSS is its own: prints
 * {"ms", "cpu_ms", "stages", "max_rss_mb"} as JSON; cpu_ms (user + system, DuckDB's threads
 * included) tells a slow run from a busy machine. Usage: tsx bench/refresh-once.ts <dataDir> <warehouseDir>
 */
import { refresh } from '../pipeline/refresh/refresh.ts';
import { DEFAULTS } from '../pipeline/config/paths.ts';

const [dataDir = DEFAULTS.dataDir, warehouseDir] = process.argv.slice(2);
const t0 = performance.now();
const { manifest } = await refresh({ dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir, keepSnapshots: 1 });
const ms = performance.now() - t0;
const cpu = process.cpuUsage();
console.log(JSON.stringify({
  ms, cpu_ms: (cpu.user + cpu.system) / 1000, stages: manifest.stages, max_rss_mb: process.resourceUsage().maxRSS / 1024,
}));
