/**
 * Builds the dashboard with Vite when its sources are newer than the last build, so `npm start`
 * after a pull serves the current UI without a separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/index.html is missing or older than any file of the dashboard's sources. */
export function dashboardIsStale(dashboardDir: string, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSource(dashboardDir);
}

/** Runs `vite build` on the dashboard (its own vite.config.ts decides the output folder). */
export async function buildDashboard(dashboardDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(dashboardDir, 'vite.config.ts'), logLevel: 'warn' });
}
