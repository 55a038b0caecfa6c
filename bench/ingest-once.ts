/**
 * The postings ingest proper, in its own process and with the refresh's DuckDB resources: every
 * daily file of a data folder read, validated by the loader's checks and stored as Parquet into a
 * fresh (cold) postings store, i.e. syncStore as the refresh runs it, without the posting rules and
 * without building raw_postings (its de-duplication across days is the models' work, not ingest).
 * The districts the foreign key looks up, and the former districts read as those of today, are
 * loaded first, untimed. Compared with
 * bench/bare-scan-once.ts by bench/ingest.ts. Prints {"rows", "ms", "cpu_ms", "max_rss_mb"} as JSON.
 * Usage: tsx bench/ingest-once.ts <dataDir> [storeDir] (the store is kept there when given, to be inspected).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadTable } from '../pipeline/load/load-table.ts';
import { locateInput, locateOptional } from '../pipeline/load/locate-input.ts';
import { FORMER_DISTRICTS } from '../pipeline/load/codes-from-names.ts';
import { DEFAULTS } from '../pipeline/config/paths.ts';
import { readPolicy } from '../pipeline/transform/run-models.ts';
import { checksKey } from '../pipeline/postings/checks-key.ts';
import { listDailyFiles } from '../pipeline/postings/daily-files.ts';
import { syncStore } from '../pipeline/postings/sync-store.ts';
import { duckdbConfig, readResources } from '../pipeline/config/resources.ts';

const [dataDir, keepStore] = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
try {
  const tmpDir = join(scratch, 'tmp');
  mkdirSync(tmpDir);
  const instance = await DuckDBInstance.create(join(scratch, 'warehouse.duckdb'), duckdbConfig(readResources(), tmpDir));
  const conn = await instance.connect();
  const options = { tmpDir, rejectShareMax: (readPolicy().load as { reject_share_max: number }).reject_share_max, warn: () => {} };
  const districts = await loadTable(conn, { table: 'districts', file: locateInput('districts', dataDir, DEFAULTS.referenceDir) }, options);
  const former = await loadTable(conn, { table: FORMER_DISTRICTS, file: locateOptional(FORMER_DISTRICTS, dataDir, DEFAULTS.referenceDir)! }, options);
  const files = listDailyFiles(dataDir, options.warn, new Date());
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const sync = await syncStore(conn, files, keepStore ?? join(scratch, 'postings-store'), { ...options, checks: checksKey([districts.input, former.input]), now: () => new Date() });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const entries = Object.values(sync.ledger.files);
  const rows = entries.reduce((n, e) => n + e.rows + e.rejected, 0);
  conn.closeSync();
  instance.closeSync();
  console.log(JSON.stringify({ rows, ms, cpu_ms: (cpu.user + cpu.system) / 1000, max_rss_mb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
