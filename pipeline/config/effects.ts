/**
 * How a long job talks to its user. Passed in as an object so tests run silently and the CLI can
 * choose between a live progress line (a terminal) and plain timestamped lines (CI, cron, logs).
 */
export interface Effects {
  /** A stage begins (load, models, tests, export, reports, publish). */
  stageStart(stage: string): void;
  /** A stage ended after `ms` milliseconds; `detail` is a short summary (e.g. "24,812 rows"). */
  stageEnd(stage: string, ms: number, detail?: string): void;
  /** Progress inside a stage: item `label`, `done` of `total`. */
  progress(stage: string, label: string, done: number, total: number): void;
  warn(message: string): void;
  info(message: string): void;
}

const noop = () => {};

/** Effects that print nothing: for tests and library use. */
export const silentEffects: Effects = { stageStart: noop, stageEnd: noop, progress: noop, warn: noop, info: noop };

const ms = (n: number) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`);

/** Effects for a terminal (live-updating progress line) or, when `stream` is not a TTY, plain lines. */
export function consoleEffects(stream: NodeJS.WriteStream = process.stderr): Effects {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let live = false;
  const clearLive = () => {
    if (live) stream.write('\r\x1b[2K');
    live = false;
  };
  const line = (text: string) => {
    clearLive();
    stream.write(`${text}\n`);
  };
  return {
    stageStart: (stage) => (tty ? ((live = true), stream.write(`▸ ${stage} …`)) : line(`▸ ${stage}`)),
    stageEnd: (stage, n, detail) => line(`✓ ${stage.padEnd(8)} ${ms(n).padStart(9)}${detail ? `  ${detail}` : ''}`),
    progress: (stage, label, done, total) => {
      if (!tty) return;
      live = true;
      stream.write(`\r\x1b[2K▸ ${stage} [${done}/${total}] ${label}`);
    },
    warn: (message) => line(`⚠ ${message}`),
    info: (message) => line(message),
  };
}
