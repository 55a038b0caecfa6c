/** `npm start`: builds the warehouse and dashboard when missing or stale, then serves both. */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from '../config/paths.ts';
import { refresh } from '../refresh/refresh.ts';
import { consoleEffects } from '../config/effects.ts';
import { formatSummary } from '../refresh/format-summary.ts';
import { CURRENT } from '../refresh/snapshot.ts';
import { buildDashboard, dashboardIsStale } from '../serve/dashboard-build.ts';
import { startServer } from '../serve/http-server.ts';
import { platformGate, platformSettings } from '../platform/settings.ts';
import { refreshOptions } from './refresh.ts';
import { DEFAULT_SCHEDULE, DEFAULT_TIME_ZONE, scheduleRefresh } from '../serve/schedule.ts';

export const help = `用法 Usage: npm start -- [options]

构建缺失的数据仓库与看板，并在本机提供服务。
Builds the warehouse (when there is none) and the dashboard (when its build is stale), then serves
both on 127.0.0.1. Only the dashboard build and the current warehouse snapshot are served.

  --port N          port (default: $PORT or 5173)
  --schedule CRON   nightly refresh schedule (default "0 2 * * *")
  --tz ZONE         time zone of the schedule (default Asia/Shanghai)
  --no-schedule     serve only; refresh from system cron or a systemd timer instead
  --host H          address to listen on (default 127.0.0.1); any other address needs accounts
                    (npm run users -- add …): without them the server refuses to start
  --data DIR, --reference DIR, --warehouse DIR, --policy FILE   as for refresh
  -h, --help        this help`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...refreshOptions,
      port: { type: 'string', default: process.env.PORT ?? '5173' },
      host: { type: 'string', default: '127.0.0.1' },
      schedule: { type: 'string', default: DEFAULT_SCHEDULE },
      tz: { type: 'string', default: DEFAULT_TIME_ZONE },
      'no-schedule': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(help), 0;
  const effects = consoleEffects();
  if (!existsSync(join(values.warehouse, CURRENT, 'manifest.json'))) {
    effects.info('尚无数据仓库，开始构建 No warehouse yet: building it from ' + values.data);
    const t0 = performance.now();
    const { manifest, snapshotDir } = await refresh({
      dataDir: values.data, referenceDir: values.reference, warehouseDir: values.warehouse, policyPath: values.policy,
    }, effects);
    effects.info(formatSummary(manifest, performance.now() - t0, snapshotDir));
  }
  if (dashboardIsStale(DEFAULTS.dashboardDir, DEFAULTS.distDir)) {
    effects.stageStart('dashboard');
    const t0 = performance.now();
    await buildDashboard(DEFAULTS.dashboardDir);
    effects.stageEnd('dashboard', performance.now() - t0, 'built');
  }
  const inputs = { dataDir: values.data, referenceDir: values.reference, warehouseDir: values.warehouse, policyPath: values.policy };
  const gate = platformGate({
    ...inputs, host: values.host, settings: platformSettings(),
    refresh: () => refresh({ ...inputs, trigger: 'manual' }, effects).then((r) => r.manifest.snapshot),
  });
  const server = await startServer({
    host: values.host, port: Number(values.port), warehouseDir: values.warehouse, distDir: DEFAULTS.distDir, gate,
  });
  effects.info(`\n看板已启动 Dashboard: ${server.url}   (Ctrl+C 停止 to stop)`);
  effects.info(gate ? '多用户模式：需要登录 Accounts on: everyone signs in'
    : '本机单用户模式：无需登录，仅本机可访问 Single-analyst mode: no login, reachable from this machine only (npm run users -- add … to turn accounts on)');
  const schedule = values['no-schedule'] ? null : scheduleRefresh(values.schedule, values.tz, {
    dataDir: values.data, referenceDir: values.reference, warehouseDir: values.warehouse, policyPath: values.policy,
  }, effects);
  if (schedule) effects.info(`定时刷新 Next scheduled refresh: ${schedule.next()?.toISOString()} (${values.schedule}, ${values.tz})`);
  await new Promise<void>((resolve) => {
    const stop = () => { schedule?.stop(); void server.close().then(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
