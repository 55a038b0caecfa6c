/**
 * Every command a user runs through npm answers --help with its usage and exit code 0, and an
 * unknown option with a usage error, never a stack trace. The list comes from package.json, so a
 * new script is covered as soon as it exists; only the tool wrappers (tests, type checks, the Vite
 * build) are left out.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../pipeline/config/paths.ts';

const TOOL_WRAPPERS = new Set(['test', 'check', 'build']);
const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>)
  .filter((name) => !TOOL_WRAPPERS.has(name));

function npmRun(script: string, ...args: string[]) {
  return spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('npm scripts', () => {
  it.each(scripts)('npm run %s -- --help prints its usage', (script) => {
    const run = npmRun(script, '--help');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/用法|Usage/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown option of the benchmark is a usage error, not a stack trace', () => {
    const run = npmRun('bench', '--no-such-option');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--no-such-option'");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
