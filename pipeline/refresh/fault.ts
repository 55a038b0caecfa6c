/**
 * Fault injection for the refresh's crash-safety tests: with CHANJIAO_KILL_AT=<point> the process
 * kills itself (SIGKILL, no cleanup) when it reaches that point; with CHANJIAO_FAIL_AT=<point> it
 * throws as a full disk would. Unset in normal use, where this costs one comparison per stage.
 */
export function faultPoint(point: string): void {
  if (process.env.CHANJIAO_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
  if (process.env.CHANJIAO_FAIL_AT === point) {
    throw Object.assign(new Error(`ENOSPC: no space left on device (simulated at ${point})`), { code: 'ENOSPC' });
  }
}
