/**
 * DuckDB's own bare read_csv of a postings folder, in its own process and with the refresh's
 * resource limits: every daily file read with the schema's types into a table, nothing checked.
 * The yardstick for the postings ingest (bench/ingest.ts). Prints {"rows", "ms", "cpu_ms"} as JSON.
 * Usage: tsx bench/bare-scan-once.ts <postingsDir>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbType, readSchema } from '../pipeline/config/schema.ts';
import { duckdbConfig, readResources } from '../pipeline/config/resources.ts';
import { sqlString } from '../pipeline/load/sql.ts';

const [postingsDir] = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'bench-bare-'));
try {
  // An on-disk database, as the warehouse is: the rows are written, not only parsed.
  const instance = await DuckDBInstance.create(join(scratch, 'bare.duckdb'), duckdbConfig(readResources(), join(scratch, 'tmp')));
  const conn = await instance.connect();
  const columns = readSchema('postings').fields.map((f) => `${sqlString(f.name)}: ${sqlString(duckdbType(f))}`).join(', ');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await conn.run(`CREATE TABLE postings AS SELECT * FROM read_csv(${sqlString(join(resolve(postingsDir), '*.csv'))},
    columns = {${columns}}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"')`);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rows = (await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM postings')).getRowObjectsJS()[0].n as number;
  conn.closeSync();
  instance.closeSync();
  console.log(JSON.stringify({ rows, ms, cpu_ms: (cpu.user + cpu.system) / 1000 }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
