/**
 * The data folders the benchmark measures: the committed city sample and the province and
 * national samples, generated outside the repository (/tmp/chanjiao-<scale>) on first use and
 * reused while their generator seed and scale match.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from '../pipeline/config/paths.ts';
import { DEFAULT_SEED } from '../pipeline/sample/sizes.ts';

export const SCALE_NAMES = ['city', 'province', 'national'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export const scaleDir = (scale: ScaleName): string => (scale === 'city' ? DEFAULTS.dataDir : `/tmp/chanjiao-${scale}`);

function generated(dir: string, scale: ScaleName): boolean {
  const path = join(dir, 'datapackage.json');
  if (!existsSync(path)) return false;
  const generator = JSON.parse(readFileSync(path, 'utf8'))['x-generator'] ?? {};
  return generator.scale === scale && generator.seed === DEFAULT_SEED;
}

/** The scale's data folder, generating it first when missing; returns the generation time (0 when reused). */
export function ensureScale(scale: ScaleName, log: (message: string) => void): { dir: string; generated_ms: number } {
  const dir = scaleDir(scale);
  if (scale === 'city' || generated(dir, scale)) return { dir, generated_ms: 0 };
  log(`generating the ${scale} sample into ${dir} …`);
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  execFileSync('npx', ['tsx', 'pipeline/sample/generate-sample.ts', '--scale', scale, '--out', dir], { stdio: 'ignore' });
  return { dir, generated_ms: performance.now() - t0 };
}
