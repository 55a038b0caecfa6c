/** Default locations, relative to the repository root, so every command agrees on them. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULTS = {
  dataDir: join(ROOT, 'data/sample'),
  referenceDir: join(ROOT, 'data/reference'),
  warehouseDir: join(ROOT, 'warehouse'),
  policyPath: join(ROOT, 'pipeline/config/policy.json'),
  dashboardDir: join(ROOT, 'dashboard'),
  distDir: join(ROOT, 'dashboard/dist'),
};
