/** `npm run refresh`: builds and publishes a new warehouse snapshot from a data folder. */
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../config/paths.ts';
import { refresh } from '../refresh/refresh.ts';
import { consoleEffects } from '../config/effects.ts';
import { formatSummary } from '../refresh/format-summary.ts';

export const help = `用法 Usage: npm run refresh -- [options]

读取数据目录中的全部输入，校验后写入 DuckDB，计算指标并发布新的仓库快照。
Reads every input of a data folder, validates it, computes the marts and publishes a new
warehouse snapshot (<warehouse>/current). On any error the previous snapshot stays as it was.

  --data DIR        data folder (default data/sample)
  --reference DIR   reference tables used when the data folder has none (default data/reference)
  --warehouse DIR   warehouse folder (default warehouse)
  --policy FILE     thresholds and policy parameters (default pipeline/config/policy.json)
  --parquet         also write Hive-partitioned Parquet (year=/province=) into the snapshot
  --accept-drift    publish even if the drift checks flag a sharp change from the served snapshot
  --full            rebuild everything even when only new daily postings arrived
  --scheduled       record the run as a scheduled one (systemd timer, cron): the dashboard's red
                    banner follows the newest finished scheduled run
  -h, --help        this help

Exit code 0 on success, 1 when the refresh failed (the reason is printed).`;

export const refreshOptions = {
  data: { type: 'string', default: DEFAULTS.dataDir },
  reference: { type: 'string', default: DEFAULTS.referenceDir },
  warehouse: { type: 'string', default: DEFAULTS.warehouseDir },
  policy: { type: 'string', default: DEFAULTS.policyPath },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...refreshOptions, 'accept-drift': { type: 'boolean' }, parquet: { type: 'boolean' }, full: { type: 'boolean' }, scheduled: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(help), 0;
  const effects = consoleEffects();
  const t0 = performance.now();
  const { manifest, snapshotDir } = await refresh({
    dataDir: values.data, referenceDir: values.reference, warehouseDir: values.warehouse, policyPath: values.policy,
    acceptDrift: values['accept-drift'],
    parquet: values.parquet,
    full: values.full,
    trigger: values.scheduled ? 'schedule' : 'manual',
  }, effects);
  effects.info(formatSummary(manifest, performance.now() - t0, snapshotDir));
  return 0;
}
