import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../pipeline/serve/http-server.ts';
import { beginSnapshot, publishSnapshot } from '../../pipeline/refresh/snapshot.ts';

let server: RunningServer;
let warehouseDir: string;

function publish(id: string, label: string) {
  const build = beginSnapshot(warehouseDir, id);
  mkdirSync(join(build, 'marts'));
  writeFileSync(join(build, 'manifest.json'), JSON.stringify({ snapshot: id, data_label: label }));
  writeFileSync(join(build, 'marts/mart_x.arrow'), 'ARROW1');
  writeFileSync(join(build, 'marts/split.json'), '[]');
  mkdirSync(join(build, 'marts/schools/mart_school_report'), { recursive: true });
  writeFileSync(join(build, 'marts/schools/mart_school_report/9500000001.arrow'), 'ARROW2');
  writeFileSync(join(build, 'warehouse.duckdb'), 'private');
  publishSnapshot(warehouseDir, build, id);
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-'));
  warehouseDir = join(root, 'warehouse');
  const distDir = join(root, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>产教</title>');
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
  publish('s1', 'first');
  server = await startServer({ port: 0, warehouseDir, distDir });
});
afterAll(() => server.close());

const get = (path: string) => fetch(new URL(path, server.url));

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawStatus(path: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
  });
}

describe('startServer', () => {
  it('serves the dashboard build and the current snapshot with their content types', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('产教');
    const mart = await get('/data/marts/mart_x.arrow');
    expect(mart.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
    expect(await mart.text()).toBe('ARROW1');
    expect(await (await get('/data/marts/split.json')).json()).toEqual([]);
    expect(await (await get('/data/marts/schools/mart_school_report/9500000001.arrow')).text()).toBe('ARROW2');
  });

  it('follows a snapshot switch without a restart', async () => {
    expect((await (await get('/data/manifest.json')).json()).snapshot).toBe('s1');
    publish('s2', 'second');
    expect((await (await get('/data/manifest.json')).json()).snapshot).toBe('s2');
  });

  it('serves nothing outside the build and the snapshot', async () => {
    for (const path of ['/../secret.txt', '/data/../../secret.txt', '/data/marts/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/data/reports/../../../secret.txt', '/data/warehouse.duckdb']) {
      expect(await rawStatus(path), path).toBe(404);
    }
    expect((await fetch(new URL('/', server.url), { method: 'POST' })).status).toBe(405);
  });
});
