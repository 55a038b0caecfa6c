/**
 * chanjiao command line: `tsx pipeline/cli.ts <command> [options]`. Every command has --help;
 * errors print one clear line (no stack unless CHANJIAO_DEBUG is set) and exit non-zero.
 */
interface Command { help: string; run(args: string[]): Promise<number> }

/** Loaded on demand: `--help` and light commands do not pay for DuckDB or Vite. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  refresh: () => import('./commands/refresh.ts'),
  serve: () => import('./commands/serve.ts'),
  docs: () => import('./commands/docs.ts'),
  rollback: () => import('./commands/rollback.ts'),
  report: () => import('./commands/report.ts'),
  users: () => import('./commands/users.ts'),
};

const usage = `chanjiao 产教 — 职业院校专业设置与产业需求匹配 / vocational programmes vs industry demand

用法 Usage: tsx pipeline/cli.ts <command> [options]   (npm start | npm run refresh | npm run report | npm run users)

Commands:
  refresh   build a new warehouse snapshot from a data folder
  serve     build what is missing and serve the dashboard (npm start)
  rollback  list snapshots, or serve an earlier one again
  report    one school's gap report (or an industry's) as HTML, XLSX or CSV
  docs      regenerate docs/inputs.md and the definitions in docs/metrics.md
  users     accounts of the shared platform: add, list, reset passwords, upload tokens

Run a command with --help for its options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return console.log(usage), name ? 0 : 2;
  if (!COMMANDS[name]) {
    console.error(`未知命令 unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return (await COMMANDS[name]()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: Error) => {
    console.error(`\n✗ ${error.message}`);
    if (process.env.CHANJIAO_DEBUG) console.error(error.stack);
    process.exitCode = 1;
  },
);
