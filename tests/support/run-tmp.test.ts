/**
 * A test run leaves no temporary folder behind: the tests, the servers and browsers they start and
 * the CLI runs they spawn all make theirs in the run's folder, which the global setup removes.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { inject, describe, expect, it } from 'vitest';

describe('the temporary folders of a test run', () => {
  it('are made in the run’s own folder, by the tests and by the processes they start', () => {
    const runTmpDir = inject('runTmpDir');
    expect(runTmpDir).toMatch(/chanjiao-test-run-/);
    expect(tmpdir()).toBe(runTmpDir);
    const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
    expect(child).toBe(runTmpDir);
  });
});
