/**
 * Serving during snapshot swaps: a few hundred requests over loopback for the manifest, every mart's
 * Arrow file, the run history and the reports (where the snapshot has them), while three refreshes
 * publish new snapshots (pruning old ones) → every request answered in full, none failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { startServer } from '../../pipeline/serve/http-server.ts';
import type { Manifest } from '../../pipeline/refresh/manifest.ts';
import { cleanup, dataFolder, REFERENCE, scratch } from '../postings/fixture.ts';

afterAll(cleanup);

/** Bounds of the load: requests in flight, pause between a worker's requests, and at most this many or this long. */
const WORKERS = 4;
const PAUSE_MS = 40;
const MAX_REQUESTS = 800;
const MAX_MS = 60_000;

/** Data and report URLs of the snapshot being served. */
function endpoints(warehouseDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(warehouseDir, 'current/manifest.json'), 'utf8')) as Manifest;
  const urls = ['data/manifest.json', 'data/history.json', ...manifest.marts.map((m) => `data/marts/${m.name}.arrow`)];
  const index = join(warehouseDir, 'current/reports/index.json');
  if (existsSync(index)) {
    const reports = JSON.parse(readFileSync(index, 'utf8')) as { schools: { files: Record<string, string> }[] };
    urls.push('data/reports/index.json', ...reports.schools.slice(0, 3).flatMap((s) => Object.values(s.files).map((f) => `data/reports/${f}`)));
  }
  return urls;
}

/** Why a response does not count as served, or null when it does. */
async function check(url: string, response: Response, seen: Set<string>): Promise<string | null> {
  if (response.status !== 200) return `${url}: HTTP ${response.status}`;
  const body = Buffer.from(await response.arrayBuffer());
  const length = Number(response.headers.get('content-length') ?? body.length);
  if (body.length !== length) return `${url}: ${body.length} of ${length} bytes`;
  if (url.endsWith('manifest.json')) seen.add((JSON.parse(body.toString('utf8')) as Manifest).snapshot);
  else if (url.endsWith('.json')) JSON.parse(body.toString('utf8'));
  else if (url.endsWith('.arrow')) tableFromIPC(body);
  return null;
}

describe('serving while refreshes swap snapshots', () => {
  it('answers every request in full while three refreshes publish', async () => {
    const data = dataFolder();
    const wh = scratch('wh-serve-');
    const options = { dataDir: data, referenceDir: REFERENCE, warehouseDir: wh, keepSnapshots: 2 };
    const first = await refresh(options);
    const urls = endpoints(wh);
    const server = await startServer({ warehouseDir: wh, distDir: scratch('dist-'), port: 0 });
    const failures: string[] = [];
    const seen = new Set<string>();
    let sent = 0;
    let refreshing = true;
    const started = Date.now();
    const worker = async () => {
      while ((refreshing || sent < 200) && sent < MAX_REQUESTS && Date.now() - started < MAX_MS) {
        const url = urls[sent++ % urls.length];
        try {
          const problem = await check(url, await fetch(new URL(url, server.url)), seen);
          if (problem) failures.push(problem);
        } catch (error) {
          failures.push(`${url}: ${(error as Error).message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, worker));
    const published = [];
    try {
      for (let i = 0; i < 3; i++) published.push((await refresh(options)).manifest.snapshot);
    } finally {
      refreshing = false;
      await load;
      await server.close();
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(200);
    expect(sent).toBeLessThanOrEqual(MAX_REQUESTS + WORKERS);
    // Requests ran across the swaps: they saw the first snapshot and the ones published meanwhile.
    expect(seen).toContain(first.manifest.snapshot);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(new Set(published).size).toBe(3);
  }, 120_000);
});
