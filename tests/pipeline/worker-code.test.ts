/**
 * Worker threads run one bundled JavaScript file each (pipeline/config/worker-code.ts): the file
 * sits in a temporary folder, so no module a worker loads may find files by its own location, and
 * the folder goes when the process exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
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

  it('run from a folder removed when the process exits, and written again if it went meanwhile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-code-'));
    // A worker started, its folder taken away (as a cleaning of the temporary folder would), another started.
    const script = `import { readdirSync, rmSync } from 'node:fs';
      import { join } from 'node:path';
      import { startWorker } from './pipeline/config/worker-code.ts';
      const entry = new URL('./pipeline/planner/solve-worker.ts', import.meta.url);
      const online = async () => { const worker = await startWorker(entry); await new Promise((resolve) => worker.once('online', resolve)); await worker.terminate(); };
      await online();
      const during = readdirSync(process.env.TMPDIR);
      for (const name of during) if (name.startsWith('chanjiao-workers-')) rmSync(join(process.env.TMPDIR, name), { recursive: true });
      await online();
      process.stdout.write(JSON.stringify({ during, again: readdirSync(process.env.TMPDIR) }));`;
    const ours = (names: string[]) => names.filter((name) => name.startsWith('chanjiao-workers-'));
    const { during, again } = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, env: { ...process.env, TMPDIR: dir }, encoding: 'utf8' })) as { during: string[]; again: string[] };
    expect(ours(during)).toHaveLength(1);
    expect(ours(again)).toEqual(ours(during));
    expect(ours(readdirSync(dir))).toEqual([]);
  });
});
