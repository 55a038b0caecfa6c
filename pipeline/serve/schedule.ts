/**
 * The nightly refresh inside the server process (croner). A run that overlaps the previous one is
 * skipped (croner's `protect`, and the refresh lock against a refresh started from a shell); a
 * failed run is logged and recorded in the history, and the served snapshot stays as it was.
 */
import { Cron } from 'croner';
import { refresh, type RefreshOptions } from '../refresh/refresh.ts';
import type { Effects } from '../config/effects.ts';

export const DEFAULT_SCHEDULE = '0 2 * * *';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface Schedule { next(): Date | null; stop(): void }

export function scheduleRefresh(pattern: string, timezone: string, options: RefreshOptions, effects: Effects): Schedule {
  const job = new Cron(pattern, { timezone, protect: true, name: 'nightly-refresh' }, async () => {
    effects.info(`定时刷新开始 Scheduled refresh started ${new Date().toISOString()}`);
    try {
      const { manifest } = await refresh({ ...options, trigger: 'schedule' }, effects);
      effects.info(`定时刷新完成 Scheduled refresh published snapshot ${manifest.snapshot}`);
    } catch (error) {
      effects.warn(`定时刷新失败 Scheduled refresh failed; still serving the previous snapshot: ${(error as Error).message}`);
    }
  });
  return { next: () => job.nextRun(), stop: () => job.stop() };
}
