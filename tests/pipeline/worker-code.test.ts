/**
 * Worker threads run one bundled JavaScript module each (pipeline/config/worker-code.ts), given as
 * a data: URL: no module a worker loads may find files by its own location, and no file is left
 * behind, whatever ends the process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../pipeline/config/paths.ts';
import { bundleWorker } from '../../pipeline/config/worker-code.ts';

/** Every worker entry the pipeline starts: `startWorker(new URL('./x.ts', import.meta.url))`. */
function workerEntries(): URL[] {
  const dir = join(ROOT, 'pipeline');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).flatMap((f) => {
    const base = pathToFileURL(join(dir, f));
    return [...readFileSync(join(dir, f), 'utf8').matchAll(/startWorker\(new URL\('([^']+)', import\.meta\.url\)\)/g)]
      .map(([, entry]) => new URL(entry, base));
  });
}

describe('worker threads', () => {
  const entries = workerEntries();

  it('are found: the planner’s and the reports’ (a guard for the test below)', () => {
    expect(entries.map((u) => u.pathname.split('/').pop()).sort()).toEqual(['report-worker.ts', 'solve-worker.ts']);
  });

  it.each(entries.map((u) => [u.pathname.split('/').pop(), u] as const))('%s: its bundle finds no file by its own location and imports packages by absolute URL', async (_, entry) => {
    const code = await bundleWorker(entry);
    expect(code).not.toMatch(/import\.meta|__dirname|__filename/);
    const packages = [...code.matchAll(/from\s+"([^"]+)"/g)].map(([, spec]) => spec).filter((spec) => !spec.startsWith('node:'));
    expect(packages.every((spec) => spec.startsWith('file:///'))).toBe(true);
  });

  it('leave nothing in the temporary folder, even when their process is killed while they run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-code-'));
    // The planner's worker and a report worker running, then the process killed as the system would kill it.
    const script = `import { startWorker } from './pipeline/config/worker-code.ts';
      for (const entry of ['./pipeline/planner/solve-worker.ts', './pipeline/reports/report-worker.ts']) {
        const worker = await startWorker(new URL(entry, import.meta.url));
        await new Promise((resolve) => worker.once('online', resolve));
      }
      process.stdout.write('online');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, env: { ...process.env, TMPDIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('online') && resolve());
      child.once('exit', (code) => reject(new Error(`the workers never came online (exit ${code})`)));
    });
    const during = readdirSync(dir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const ours = (names: string[]) => names.filter((name) => name.startsWith('chanjiao-'));
    expect(ours(during)).toEqual([]);
    expect(ours(readdirSync(dir))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
