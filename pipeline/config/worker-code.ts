/**
 * Worker threads started from one plain JavaScript file each. The pipeline is TypeScript run by
 * tsx; its loader, registered in a thread, starts a loader thread of its own and passes every
 * module through it, so a worker took about 0.35 s and 0.5 s of CPU before it could start work.
 * esbuild bundles a worker's modules in about 40 ms (in its own process), and the thread starts in
 * about 0.1 s. Packages stay outside the bundle (HiGHS finds its WebAssembly beside its own files)
 * and are imported by absolute URL, so the bundle needs no place of its own; a module in a worker
 * must therefore not find files by its own location (`import.meta.url`), which a test checks.
 */
import type { Plugin } from 'esbuild';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Bare imports (packages) left out of the bundle, by the absolute URL of the file esbuild resolves. */
const packagesByUrl: Plugin = {
  name: 'packages-by-url',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.external ? found.path : pathToFileURL(found.path).href, external: true };
    });
  },
};

/** The bundle of a worker's entry module, as JavaScript text. */
export async function bundleWorker(entry: URL): Promise<string> {
  // Loaded when a worker is first started, not by every command that imports this module.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(entry)], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20',
    plugins: [packagesByUrl], logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const bundles = new Map<string, Promise<string>>();

/**
 * A worker thread running the TypeScript module `entry`, bundled once per process. The thread
 * starts from the bundle as a data: URL, not a file: a process killed meanwhile (out of memory, a
 * signal) leaves nothing behind, and nothing can be taken away under a server running for weeks.
 * Stack traces name the bundle by its sourceURL.
 */
export async function startWorker(entry: URL): Promise<Worker> {
  let code = bundles.get(entry.href);
  if (!code) bundles.set(entry.href, (code = bundleWorker(entry)));
  const name = basename(entry.pathname).replace(/\.ts$/, '.bundle.mjs');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(`${await code}\n//# sourceURL=${name}\n`)}`));
}
